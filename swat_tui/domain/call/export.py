"""``swat calls export``: one CSV row per call for the client's reports.

Times are ISO 8601 in Bogotá time; the multi-valued columns are compact
strings inside one CSV field: steps "1@09:30:05|2@09:31:10", requests
"sac: texto | soporte: texto", typifications "CODE/FCR | CODE/CUN 4410-26-...".
Text is written as typed (the csv module quotes it), so names with commas,
quotes or markup come back unchanged through any CSV reader.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TextIO

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.call.history import typifications_by_call
from swat_tui.domain.call.records import seconds_between
from swat_tui.domain.call.views import TypificationLine
from swat_tui.store.models import Call, CallEvent, CallRequest
from swat_tui.store.queries import calls as call_queries

HEADER = (
    "llamada",
    "asesor",
    "cuenta",
    "ani",
    "cola",
    "nombre_llamante",
    "documento_llamante",
    "relacion_llamante",
    "numero_contacto",
    "inicio",
    "contestada",
    "fin",
    "espera_s",
    "acw_s",
    "conversacion_s",
    "pasos",
    "solicitudes",
    "tipificaciones",
    "encuesta",
    "puntaje_encuesta",
    "transferida_a",
    "estado",
    "terminada_por",
)


def export_calls(session: Session, *, since: date, out: TextIO) -> int:
    """Write the header and one row per call started on or after ``since`` (Bogotá)."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    start = datetime.combine(since, time(0), BOGOTA)
    written = 0
    for batch in call_queries.calls_started_since(session, since=start):
        writer.writerows(_rows(session, batch))
        written += len(batch)
    return written


def _rows(session: Session, calls: Sequence[Call]) -> list[list[str]]:
    ids = [call.id for call in calls if call.id is not None]
    agents = call_queries.agent_usernames(session, agent_ids=sorted({c.agent_id for c in calls}))
    events: dict[int, list[CallEvent]] = defaultdict(list)
    for event in call_queries.events_of(session, call_ids=ids):
        events[event.call_id].append(event)
    requests: dict[int, list[CallRequest]] = defaultdict(list)
    for request in call_queries.requests_of(session, call_ids=ids):
        requests[request.call_id].append(request)
    marks = typifications_by_call(session, ids)
    rows = []
    for call in calls:
        assert call.id is not None
        rows.append(
            [
                str(call.id),
                agents.get(call.agent_id, ""),
                _text(call.cuenta),
                call.ani,
                call.queue,
                _text(call.caller_name),
                _text(call.caller_document),
                _text(call.caller_relation),
                _text(call.callback_number),
                _iso(call.started_at),
                _iso(call.answered_at),
                _iso(call.ended_at),
                str(call.hold_seconds),
                str(call.acw_seconds),
                _talk(call),
                steps_text(events[call.id]),
                requests_text(requests[call.id]),
                typifications_text(marks.get(call.id, ())),
                _text(call.survey_answer),
                _text(call.survey_score),
                _text(call.transferred_to),
                call.status,
                _text(call.ended_by),
            ]
        )
    return rows


def steps_text(events: Sequence[CallEvent]) -> str:
    """Each step the call entered and when: "1@09:30:05|2@09:31:10"."""
    parts = []
    previous = None
    for event in events:
        if event.step != previous:
            parts.append(f"{event.step}@{event.at.astimezone(BOGOTA):%H:%M:%S}")
            previous = event.step
    return "|".join(parts)


def requests_text(requests: Sequence[CallRequest]) -> str:
    return " | ".join(f"{request.branch}: {request.description}" for request in requests)


def typifications_text(lines: Sequence[TypificationLine]) -> str:
    parts = []
    for line in lines:
        outcome = "FCR" if line.first_contact else (f"CUN {line.cun}" if line.cun else "SEG")
        incident = f"/{line.incident_number}" if line.incident_number else ""
        parts.append(f"{line.code}/{outcome}{incident}")
    return " | ".join(parts)


def _talk(call: Call) -> str:
    if call.answered_at is None or call.ended_at is None:
        return ""
    return str(max(seconds_between(call.answered_at, call.ended_at) - call.hold_seconds, 0))


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(BOGOTA).isoformat() if moment is not None else ""


def _text(value: object) -> str:
    return "" if value is None else str(value)
