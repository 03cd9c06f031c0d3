"""Avisos on a node and the calls tied to them (``incident``, ``incident_link``)."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import Incident, IncidentLink
from swat_tui.store.queries import numbering


def by_number(session: Session, *, number: str) -> Incident | None:
    return session.exec(select(Incident).where(Incident.number == number)).first()


def links_of_account(
    session: Session, *, cuenta: int, incident_id: int | None = None
) -> Sequence[IncidentLink]:
    """The account's calls tied to avisos (one aviso's when ``incident_id``), oldest first."""
    statement = select(IncidentLink).where(IncidentLink.cuenta == cuenta)
    if incident_id is not None:
        statement = statement.where(IncidentLink.incident_id == incident_id)
    return session.exec(statement.order_by(col(IncidentLink.linked_at), col(IncidentLink.id))).all()


def links_of_call(session: Session, *, call_id: int) -> Sequence[IncidentLink]:
    return session.exec(
        select(IncidentLink).where(IncidentLink.call_id == call_id).order_by(col(IncidentLink.id))
    ).all()


def incidents_by_id(session: Session, ids: Sequence[int]) -> dict[int, Incident]:
    if not ids:
        return {}
    rows = session.exec(select(Incident).where(col(Incident.id).in_(ids))).all()
    return {row.id: row for row in rows if row.id is not None}


def add_link(
    session: Session,
    *,
    incident_id: int,
    cuenta: int,
    call_id: int | None,
    agent: str,
    at: datetime,
    repeat_call: bool,
) -> IncidentLink:
    link = IncidentLink(
        incident_id=incident_id,
        cuenta=cuenta,
        call_id=call_id,
        linked_at=at,
        agent=agent,
        repeat_call=repeat_call,
    )
    session.add(link)
    session.flush()
    return link


def next_incident_number(session: Session) -> str:
    """The next INC number, from its counter in the caller's write transaction; the first
    in a store without avisos is INC000300001."""
    return numbering.take(session, numbering.INC)


def add_incident(session: Session, incident: Incident) -> Incident:
    session.add(incident)
    session.flush()
    return incident
