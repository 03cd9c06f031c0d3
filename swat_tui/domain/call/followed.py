"""A call as someone beside the agent reads it: rebuilt from the store and the call's
typed events alone, live or panel by panel afterwards.

One mechanism for every reader: a supervisor following a call in progress
(SUP010), replaying a finished one (SUP012), and a trainer watching a trainee
(TRN012, which adds the scenario and the caller). The procedure state is the
replay of the events (``replay_steps``); the guide is the agent's own
(``procedure.guide``); what the reader sees of the account passes the same
BLACKLIST rule as the agent's panels (``DisclosureGate`` on the replayed state),
so a blacklisted account stays masked until the agent's call has F7 read and the
identity validated, and no screen ever unmasks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.account.service import header_in
from swat_tui.domain.account.views import Access, AccountPanelView
from swat_tui.domain.call.event_lines import EventLine, event_line, seconds_between
from swat_tui.domain.call.events import EventKind, detail_of
from swat_tui.domain.call.replay import ReplayError, replay_steps
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.guide import GuideView, guide
from swat_tui.domain.procedure.state import CallState
from swat_tui.store.enums import CallStatus
from swat_tui.store.models import Call, CallEvent
from swat_tui.store.queries.calls import events_of

LIVE = frozenset({CallStatus.RINGING.value, CallStatus.IN_PROGRESS.value})
PANEL_KINDS = frozenset({EventKind.PANEL.value, EventKind.FRONT.value})


@dataclass(frozen=True)
class FollowedCall:
    """A call at one moment: the agent's panel, the guide, the account as the rule
    allows, and what the agent did up to then (read-only)."""

    call_id: int
    agent: str
    status: str  # the call's status now (ringing, in_progress, ended...)
    step: int  # the procedure step at this moment
    started_at: datetime
    answered_at: datetime | None
    until: datetime | None  # the moment this view stands at; None: now (a live call)
    panel: str  # the panel the agent had open ("" before the first)
    front: str  # the panel on top of the step's own ("" when none)
    cuenta: int | None
    account: AccountPanelView | None  # masked as the BLACKLIST rule says, None: no account
    access: Access
    guide: GuideView
    events: tuple[EventLine, ...]
    state: CallState
    frame: int = 0  # which of ``frames`` views of a replay this is (0-based)
    frames: int = 1

    @property
    def live(self) -> bool:
        """The call is still ringing or on the line."""
        return self.status in LIVE

    @property
    def flags(self) -> frozenset[str]:
        return self.state.flags

    def elapsed(self, now: datetime) -> int:
        """Seconds from the answer (from the ring, while it rings) to this view's moment."""
        return seconds_between(self.answered_at or self.started_at, self.until or now)


def followed_in(
    session: Session, call: Call, *, agent: str, procedure: ProcedureDef, now: datetime
) -> FollowedCall:
    """The call as it stands now (its whole story so far)."""
    events = list(events_of(session, call_ids=[_id(call)]))
    states = _states(events, procedure)
    return _view(session, call, agent, events, states, len(events) - 1, procedure, now)


def frames_in(
    session: Session, call: Call, *, agent: str, procedure: ProcedureDef, now: datetime
) -> tuple[FollowedCall, ...]:
    """The call panel by panel: the view after each change of the agent's panel (a
    PANEL or FRONT event that shows something else), and the call's end."""
    events = list(events_of(session, call_ids=[_id(call)]))
    states = _states(events, procedure)
    points = frame_points(events, states)
    views = [_view(session, call, agent, events, states, index, procedure, now) for index in points]
    total = len(views)
    return tuple(_numbered(view, number, total) for number, view in enumerate(views))


def frame_points(events: Sequence[CallEvent], states: Sequence[CallState]) -> list[int]:
    """The indexes of the events a replay stops at: each change of panel, and the last."""
    points: list[int] = []
    shown: tuple[str, str, str] | None = None
    panel = ""
    for index, event in enumerate(events):
        if event.kind == EventKind.PANEL.value:
            panel = event.check
        if event.kind not in PANEL_KINDS:
            continue
        seen = (panel, states[index].front, event.result if event.kind == "panel" else "")
        if seen != shown:
            points.append(index)
            shown = seen
    last = len(events) - 1
    if not points or points[-1] != last:
        points.append(last)
    return points


def _states(events: Sequence[CallEvent], procedure: ProcedureDef) -> list[CallState]:
    """The state after each event; an event that cannot be replayed (a store older
    than its kind) leaves the state as it was from there on."""
    states: list[CallState] = []
    with suppress(ReplayError):
        states.extend(replay_steps(events, procedure))
    last = states[-1] if states else CallState()
    return states + [last] * (len(events) - len(states))


def _view(
    session: Session,
    call: Call,
    agent: str,
    events: Sequence[CallEvent],
    states: Sequence[CallState],
    index: int,
    procedure: ProcedureDef,
    now: datetime,
) -> FollowedCall:
    """The view after event ``index`` (-1: before any)."""
    shown = events[: index + 1]
    state = states[index] if index >= 0 else CallState()
    whole = index == len(events) - 1
    cuenta = call.cuenta if whole else _cuenta_of(shown)
    account, access = _account(session, cuenta, state, now)
    panel = next((e.check for e in reversed(shown) if e.kind == EventKind.PANEL.value), "")
    if whole:
        until = None if call.status in LIVE else (call.ended_at or _last_at(shown))
    else:
        until = shown[-1].at
    step = state.step if shown else call.current_step
    return FollowedCall(
        call_id=_id(call),
        agent=agent,
        status=call.status,
        step=call.current_step if whole else step,
        started_at=call.started_at,
        answered_at=call.answered_at,
        until=until,
        panel=panel,
        front=state.front,
        cuenta=cuenta,
        account=account,
        access=access,
        guide=guide(procedure, state),
        events=tuple(event_line(event) for event in shown),
        state=state,
    )


def _account(
    session: Session, cuenta: int | None, state: CallState, now: datetime
) -> tuple[AccountPanelView | None, Access]:
    """The call's account as the agent's own call allows it at this point."""
    if cuenta is None:
        return None, Access.FULL
    gate = DisclosureGate(lambda: (cuenta, state))
    try:
        header = header_in(session, cuenta, gate=gate, now=now)
    except DomainError:
        return None, Access.FULL
    return header, header.access


def _cuenta_of(events: Sequence[CallEvent]) -> int | None:
    """The account the last ACCOUNT event among ``events`` opened (None: none yet)."""
    for event in reversed(events):
        if event.kind == EventKind.ACCOUNT.value:
            value = detail_of(event.detail).get("cuenta", event.result)
            try:
                return int(str(value))
            except ValueError:
                return None
    return None


def _last_at(events: Sequence[CallEvent]) -> datetime | None:
    return events[-1].at if events else None


def _numbered(view: FollowedCall, frame: int, frames: int) -> FollowedCall:
    return replace(view, frame=frame, frames=frames)


def _id(call: Call) -> int:
    assert call.id is not None, "a stored call"
    return call.id
