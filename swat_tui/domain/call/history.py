"""The call log of an account (F22 then F13) and the typifications of a call."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.call.views import CallLogLine, TypificationLine
from swat_tui.store.models import Typification
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import calls as call_queries

IVR_REPORT = "reporte"  # CallLogLine.status of an aviso reported without a call


def typification_line(row: Typification, description: str | None) -> TypificationLine:
    return TypificationLine(
        code=row.code,
        description=description or "",
        first_contact=row.first_contact,
        cun=row.cun,
        incident_number=row.incident_number,
        notes=row.notes,
        agent=row.agent,
        created_at=row.created_at.astimezone(BOGOTA),
        dime_number=row.dime_number,
    )


def typifications_by_call(
    session: Session, call_ids: Sequence[int]
) -> dict[int, tuple[TypificationLine, ...]]:
    grouped: dict[int, list[TypificationLine]] = defaultdict(list)
    for row, description in call_queries.typifications_of(session, call_ids=call_ids):
        if row.call_id is not None:
            grouped[row.call_id].append(typification_line(row, description))
    return {call_id: tuple(lines) for call_id, lines in grouped.items()}


def call_log(
    session: Session, *, cuenta: int, limit: int, exclude_call_id: int | None
) -> tuple[CallLogLine, ...]:
    """Earlier contacts of the account, newest first: calls, and typifications made
    outside a call (loaded history)."""
    calls = call_queries.calls_of_account(
        session, cuenta=cuenta, limit=limit, exclude_call_id=exclude_call_id
    )
    ids = [call.id for call in calls if call.id is not None]
    agents = call_queries.agent_usernames(session, agent_ids=sorted({c.agent_id for c in calls}))
    marks = typifications_by_call(session, ids)
    links = aviso_queries.links_of_account(session, cuenta=cuenta)
    numbers = aviso_queries.incidents_by_id(session, sorted({link.incident_id for link in links}))
    tied = {link.call_id: link for link in links if link.call_id is not None}
    lines = [
        CallLogLine(
            at=call.started_at.astimezone(BOGOTA),
            agent=agents.get(call.agent_id, ""),
            call_id=call.id,
            status=call.status,
            typifications=marks.get(call.id, ()) if call.id is not None else (),
            aviso=numbers[tied[call.id].incident_id].number if call.id in tied else "",
            repeat=call.id in tied and tied[call.id].repeat_call,
        )
        for call in calls
    ]
    for link in links:
        if link.call_id is None and link.incident_id in numbers:
            at = link.linked_at.astimezone(BOGOTA)
            number = numbers[link.incident_id].number
            lines.append(
                CallLogLine(at, link.agent, None, IVR_REPORT, (), number, link.repeat_call)
            )
    for row, description in call_queries.typifications_without_call(
        session, cuenta=cuenta, limit=limit
    ):
        line = typification_line(row, description)
        lines.append(CallLogLine(line.created_at, line.agent, None, "", (line,)))
    lines.sort(key=lambda line: line.at, reverse=True)
    return tuple(lines[:limit])
