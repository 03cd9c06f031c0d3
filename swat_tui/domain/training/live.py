"""A trainee's training call in progress, as the trainer watches it (read-only).

The trainee's call is their newest call in the training store still ringing or
on the line. Which scenario it plays: the assignment it answers, else the
scenario whose caller rings from that number on that queue (and about that
account). What the trainer sees is read from the store alone, so a call on
another terminal (or in a browser) is watched the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.intents import ASK_EVENT
from swat_tui.domain.call.replay import StoredEvent
from swat_tui.domain.training.caller import CallerLine, transcript
from swat_tui.domain.training.scenario import Scenario
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import training_live as queries
from swat_tui.store.queries.calls import events_of

# What each kind of event says on TRN012, short and in Spanish; {check} and {result}
# are the event's own.
LABELS: dict[str, str] = {
    EventKind.OFFER: "Timbra la llamada ({result})",
    EventKind.ANSWER: "Contesta la llamada",
    EventKind.HOLD: "Pone al cliente en espera",
    EventKind.RESUME: "Retoma la llamada",
    EventKind.TRANSFER: "Transfiere a {result}",
    EventKind.HANG_UP: "Cuelga la llamada",
    EventKind.ABANDON: "Llamada abandonada",
    EventKind.CLOSE: "Cierra la llamada",
    EventKind.ACW: "Termina el trabajo posterior",
    EventKind.ACCOUNT: "Abre la cuenta {result}",
    EventKind.CHECK: "Marca {check}: {result}",
    EventKind.REVOKE: "Deshace {check}",
    EventKind.STEP: "Pasa al paso {result}",
    EventKind.REQUEST: "Registra la solicitud: {result}",
    EventKind.SUBFLOW: "Elige la gestión {result}",
    EventKind.FIELD: "Digita {field}: {result}",
    EventKind.TYPED: "Deja digitado en {check}",
    EventKind.FRONT: "Abre {check}",
    EventKind.PANEL: "Ve el panel {check}",
    EventKind.ACTION: "Acción {check}: {result}",
    EventKind.TYPIFICATION: "Tipifica {result}",
    EventKind.SURVEY: "Encuesta: {result}",
    EventKind.NOTE: "Nota {check}: {result}",
}
ASKED = "Pregunta al cliente: {result}"
FIELD_PREFIX = "campo:"


@dataclass(frozen=True)
class LiveEvent:
    """One thing the trainee did, when, in which step."""

    at: datetime
    step: int
    label: str


@dataclass(frozen=True)
class LiveCall:
    """The trainee's call in progress, as far as the store has it now."""

    call_id: int
    trainee: str
    scenario_id: str  # "" when no scenario matches the call
    scenario: Scenario | None
    status: str  # ringing | in_progress
    step: int
    started_at: datetime
    answered_at: datetime | None
    events: tuple[LiveEvent, ...]
    transcript: tuple[CallerLine, ...]

    def elapsed(self, now: datetime) -> int:
        """Seconds since the call was answered (since it rang, while it rings)."""
        since = self.answered_at or self.started_at
        return max(0, int((aware(now) - aware(since)).total_seconds()))


def live_call(
    engine: Engine,
    *,
    username: str,
    find: Callable[[str], Scenario | None],
    scenarios: Iterable[Scenario],
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
        scenario = (
            find(assignment.scenario_id) if assignment is not None else _matching(call, scenarios)
        )
        scenario_id = assignment.scenario_id if assignment is not None else ""
        if scenario is not None:
            scenario_id = scenario.id
        return LiveCall(
            call_id=call.id,
            trainee=agent.username,
            scenario_id=scenario_id,
            scenario=scenario,
            status=call.status,
            step=call.current_step,
            started_at=call.started_at,
            answered_at=call.answered_at,
            events=tuple(live_event(event) for event in events),
            transcript=transcript(scenario, events) if scenario is not None else (),
        )


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


def live_event(event: StoredEvent) -> LiveEvent:
    """The event's short Spanish label."""
    kind, check, result = event.kind, event.check, event.result
    if kind == EventKind.NOTE and check == ASK_EVENT:
        label = ASKED.format(result=result)
    else:
        field = check.removeprefix(FIELD_PREFIX) if kind == EventKind.FIELD else _field(event)
        template = LABELS.get(kind, "{kind} {check}: {result}")
        label = template.format(kind=kind, check=check, result=result, field=field)
    step = getattr(event, "step", 0)
    return LiveEvent(event.at, step if isinstance(step, int) else 0, " ".join(label.split()))


def _field(event: StoredEvent) -> str:
    try:
        detail = json.loads(event.detail) if event.detail else {}
    except ValueError:
        return event.check
    return str(detail.get("field", event.check)) if isinstance(detail, dict) else event.check


def aware(moment: datetime) -> datetime:
    """SQLite gives naive UTC datetimes back; the clock gives aware ones."""
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
