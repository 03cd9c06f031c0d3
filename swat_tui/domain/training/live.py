"""A trainee's training call in progress, as the trainer watches it (read-only).

The trainee's call is their newest call in the training store still ringing or
on the line. Which scenario it plays: the assignment it answers, else the one
its ring's event names (a scenario the trainee took from TRN001 unassigned),
else, for a call rung before the event named it, the scenario whose caller rings
from that number on that queue (and about that account). What the trainer sees
is read from the store alone, so a call on another terminal (or in a browser) is
watched the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from swat_tui.domain.call.event_lines import EventLine, aware, event_line
from swat_tui.domain.call.events import EventKind, detail_of
from swat_tui.domain.call.followed import FollowedCall, followed_in
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.training.caller import CallerLine, transcript
from swat_tui.domain.training.scenario import Scenario
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call, CallEvent
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import training_live as queries
from swat_tui.store.queries.calls import events_of

__all__ = ["LiveCall", "LiveEvent", "aware", "live_call", "live_event"]

# One thing the trainee did (the supervisor's event line: the same mechanism).
LiveEvent = EventLine
live_event = event_line


@dataclass(frozen=True)
class LiveCall:
    """The trainee's call in progress as any follower sees it (``FollowedCall``), with
    the scenario it plays and what the simulated caller said on top."""

    followed: FollowedCall
    scenario_id: str  # "" when no scenario matches the call
    scenario: Scenario | None
    transcript: tuple[CallerLine, ...]

    @property
    def call_id(self) -> int:
        return self.followed.call_id

    @property
    def trainee(self) -> str:
        return self.followed.agent

    @property
    def status(self) -> str:
        return self.followed.status

    @property
    def step(self) -> int:
        return self.followed.step

    @property
    def started_at(self) -> datetime:
        return self.followed.started_at

    @property
    def answered_at(self) -> datetime | None:
        return self.followed.answered_at

    @property
    def events(self) -> tuple[EventLine, ...]:
        return self.followed.events

    def elapsed(self, now: datetime) -> int:
        """Seconds since the call was answered (since it rang, while it rings)."""
        return self.followed.elapsed(now)


def live_call(
    engine: Engine,
    *,
    username: str,
    find: Callable[[str], Scenario | None],
    scenarios: Iterable[Scenario],
    now: datetime | None = None,
) -> LiveCall | None:
    """``username``'s training call in progress (None: none). ``find`` looks a scenario
    up by id (the catalogue's); ``scenarios`` are the ones a call without an
    assignment may be."""
    with read_session(engine) as session:
        agent = agent_queries.get_agent(session, username=username.strip().upper())
        if agent is None or agent.id is None:
            return None
        call = queries.live_call_of(session, agent_id=agent.id)
        if call is None or call.id is None:
            return None
        assignment = queries.assignment_of_call(session, call_id=call.id)
        events = list(events_of(session, call_ids=[call.id]))
        scenario_id = assignment.scenario_id if assignment is not None else _rung_as(events)
        if scenario_id:
            scenario = find(scenario_id)
        else:  # a call rung before the ring's event named its scenario
            scenario = _matching(call, scenarios)
            scenario_id = scenario.id if scenario is not None else ""
        followed = followed_in(
            session,
            call,
            agent=agent.username,
            procedure=load_procedure(),
            now=now or call.started_at,
        )
        return LiveCall(
            followed=followed,
            scenario_id=scenario_id,
            scenario=scenario,
            transcript=transcript(scenario, events) if scenario is not None else (),
        )


def _rung_as(events: Iterable[CallEvent]) -> str:
    """The scenario the ring's event names ("" when none does)."""
    for event in events:
        if event.kind == EventKind.OFFER:
            scenario = detail_of(event.detail).get("scenario")
            return scenario if isinstance(scenario, str) else ""
    return ""


def _matching(call: Call, scenarios: Iterable[Scenario]) -> Scenario | None:
    """The scenario whose caller rings from the call's number on its queue, about the
    call's account when several do."""
    found = [
        scenario
        for scenario in scenarios
        if scenario.caller.phone == call.ani and scenario.caller.queue == call.queue
    ]
    about = [scenario for scenario in found if _cuenta_of(scenario) == call.cuenta]
    chosen = about or found
    return chosen[0] if chosen else None


def _cuenta_of(scenario: Scenario) -> int | None:
    """The cuenta a scenario's call is about (None: no account, or not known)."""
    from swat_tui.store.demo import SHOWCASE

    situation = scenario.account
    if situation.showcase is not None:
        return SHOWCASE.get(situation.showcase)
    if situation.rows is not None:
        cuenta = situation.rows.account.get("cuenta")
        return cuenta if isinstance(cuenta, int) else None
    return None
