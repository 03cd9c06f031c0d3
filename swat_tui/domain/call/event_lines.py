"""A call's events as short Spanish lines: what a trainer (TRN012) or a supervisor
(SUP010, SUP012) reads of what the agent did, each at its step."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.intents import ASK_EVENT
from swat_tui.domain.call.replay import StoredEvent

# What each kind of event says, short and in Spanish; {check} and {result} are the
# event's own.
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
    EventKind.TYPED: "Teclea en {check}",
    EventKind.FRONT: "Abre {check}",
    EventKind.PANEL: "Ve el panel {check}",
    EventKind.ACTION: "Acción {check}: {result}",
    EventKind.TYPIFICATION: "Tipifica {result}",
    EventKind.SURVEY: "Encuesta: {result}",
    EventKind.NOTE: "Nota {check}: {result}",
}
ASKED = "Pregunta al cliente {result}"
# What the agent asked the caller (``call.ask``; data/caller_asks.toml), in words;
# a caller field reads as its declaration says ("el nombre de quien llama").
ASKED_WORDS = {
    "identidad": "los datos para validar su identidad",
    "algo_mas": "si necesita algo más",
    "oferta": "si acepta la oferta",
    "solicitud": "qué necesita",
}
FIELD_PREFIX = "campo:"
TYPED_PREFIX = "tecleado:"  # CallChange.keep_typed's event name: tecleado:<panel>


@dataclass(frozen=True)
class EventLine:
    """One thing the agent did, when, in which step."""

    at: datetime
    step: int
    label: str


def event_line(event: StoredEvent) -> EventLine:
    """The event's short Spanish label."""
    kind, check, result = event.kind, event.check, event.result
    if kind == EventKind.NOTE and check == ASK_EVENT:
        label = ASKED.format(result=ASKED_WORDS.get(result) or _field_words(result))
    else:
        field = check.removeprefix(FIELD_PREFIX) if kind == EventKind.FIELD else _field(event)
        if kind == EventKind.FIELD:
            field = _field_words(field)
        if kind in (EventKind.CHECK, EventKind.REVOKE):
            check = _check_words(check)
        if kind == EventKind.TYPED:
            check = check.removeprefix(TYPED_PREFIX)  # the panel typed on
        template = LABELS.get(kind, "{kind} {check}: {result}")
        label = template.format(kind=kind, check=check, result=result, field=field)
    step = getattr(event, "step", 0)
    return EventLine(event.at, step if isinstance(step, int) else 0, " ".join(label.split()))


def _check_words(check_id: str) -> str:
    """A check as the guide names it ("Guion de bienvenida"), else its id."""
    from swat_tui.domain.procedure.definition import load_procedure

    check = load_procedure().check(check_id)
    return check.label if check is not None else check_id


def _field_words(key: str) -> str:
    """A field as its declaration says what it holds ("el nombre de quien llama")."""
    from swat_tui.domain.call.fields import field_of

    declared = field_of(key)
    if declared is None or not declared.holds:
        return key
    return re.sub(r"\s*\(.*?\)", "", declared.holds)  # no "(solo dígitos)" in a line


def _field(event: StoredEvent) -> str:
    try:
        detail = json.loads(event.detail) if event.detail else {}
    except ValueError:
        return event.check
    return str(detail.get("field", event.check)) if isinstance(detail, dict) else event.check


def aware(moment: datetime) -> datetime:
    """SQLite gives naive UTC datetimes back; the clock gives aware ones."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def seconds_between(since: datetime, moment: datetime) -> int:
    """Whole seconds from ``since`` to ``moment`` (0 when before)."""
    return max(0, int((aware(moment) - aware(since)).total_seconds()))
