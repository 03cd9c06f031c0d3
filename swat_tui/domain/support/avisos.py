"""Avisos (numbered incidents) on the customer's node, and a call tied to one.

A call tied to an aviso the account had already called about is a repeat call
("rellamada", F22+F13 shows it); a new point case or sector aviso the agent
raises from the Diagnosticador is an aviso too (``kind`` puntual or masiva).
Every function works in the caller's transaction and raises ``DomainError``
before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.store.enums import IncidentStatus
from swat_tui.store.models import Incident
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import cases

MASS = "masiva"
POINT = "puntual"
PRIORITY_NAMES = {1: "CRÍTICA", 2: "ALTA", 3: "MEDIA", 4: "BAJA"}
SECTOR_PRIORITY = 2  # a sector aviso the agent raises: alta, until NOC grades it
POINT_PRIORITY = 4


@dataclass(frozen=True)
class AvisoView:
    """An aviso as the agent tells it: number, severity, area, when service returns."""

    number: str
    node: str
    kind: str
    priority: int
    description: str
    zone: str
    opened_at: datetime
    restore_by: datetime | None
    open: bool

    @property
    def severity(self) -> str:
        return PRIORITY_NAMES.get(self.priority, str(self.priority))

    @property
    def mass(self) -> bool:
        return self.kind == MASS


@dataclass(frozen=True)
class LinkResult:
    """The call tied to an aviso: whether the account had called for it before, and how often."""

    aviso: AvisoView
    repeat: bool
    previous_calls: int


def view_of(incident: Incident) -> AvisoView:
    return AvisoView(
        number=incident.number,
        node=incident.node,
        kind=incident.kind,
        priority=incident.priority,
        description=incident.description,
        zone=incident.zone or f"Nodo {incident.node}",
        opened_at=incident.opened_at,
        restore_by=incident.restore_by,
        open=incident.status == IncidentStatus.ABIERTO.value,
    )


def open_on_node(session: Session, node: str) -> tuple[AvisoView, ...]:
    """The node's open avisos, the most urgent first."""
    return tuple(view_of(row) for row in cases.open_incidents(session, node=node))


def mass_aviso_on(session: Session, node: str) -> AvisoView | None:
    """The open mass aviso of the node (the most urgent), which rules out a visit."""
    return next((a for a in open_on_node(session, node) if a.mass), None)


def tied_code(repeat: bool) -> str:
    """The code the typification proposes for a call tied to a mass aviso (first or
    repeated call for it: data/actions.toml, mass_link)."""
    return load_actions().action("mass_link").suggested("repeat" if repeat else "first")


def aviso_to_tie(session: Session, *, node: str, typed: str) -> AvisoView:
    """The aviso the agent ties the call to: the INC typed, else the node's most urgent
    mass aviso, else its most urgent open one (the first the panels list). An aviso of
    another node or a closed one is found here and refused by ``link_call``."""
    number = typed.strip().upper()
    if number:
        found = aviso_queries.by_number(session, number=number)
        if found is None:
            raise refusal("support.aviso_unknown", number=number[:12])
        return view_of(found)
    open_avisos = open_on_node(session, node)
    aviso = next((a for a in open_avisos if a.mass), open_avisos[0] if open_avisos else None)
    if aviso is None:
        raise refusal("support.no_open_avisos", node=node)
    return aviso


def previous_calls(session: Session, *, cuenta: int, number: str, call_id: int | None) -> int:
    """How many other calls of the account were tied to the aviso ``number``."""
    incident = aviso_queries.by_number(session, number=number)
    if incident is None or incident.id is None:
        return 0
    links = aviso_queries.links_of_account(session, cuenta=cuenta, incident_id=incident.id)
    return len({link.call_id for link in links if link.call_id != call_id})


def link_call(
    session: Session,
    *,
    number: str,
    node: str,
    cuenta: int,
    call_id: int | None,
    agent: str,
    at: datetime,
) -> LinkResult:
    """Tie the call to the open aviso ``number`` of the account's node; a second call of
    the account for the same aviso is marked as a repeat call. Refused for an unknown,
    closed or other node's aviso, or one the call is already tied to."""
    typed = number.strip().upper()
    incident = aviso_queries.by_number(session, number=typed)
    if incident is None or incident.id is None:
        raise refusal("support.aviso_unknown", number=typed[:12] or "vacío")
    if incident.node != node:
        raise refusal("support.aviso_other_node", typed=typed, node=incident.node)
    if incident.status != IncidentStatus.ABIERTO.value:
        raise refusal("support.aviso_closed", typed=typed)
    if call_id is not None and any(
        link.incident_id == incident.id
        for link in aviso_queries.links_of_call(session, call_id=call_id)
    ):
        raise refusal("support.aviso_linked", typed=typed)
    before = previous_calls(session, cuenta=cuenta, number=typed, call_id=call_id)
    aviso_queries.add_link(
        session,
        incident_id=incident.id,
        cuenta=cuenta,
        call_id=call_id,
        agent=agent,
        at=at,
        repeat_call=before > 0,
    )
    return LinkResult(view_of(incident), before > 0, before)


def raise_aviso(
    session: Session, *, node: str, kind: str, description: str, at: datetime
) -> AvisoView:
    """A new aviso on the node: a point case (one customer) or a sector aviso (several)."""
    text = " ".join(description.split())
    if len(text) < 10:
        raise refusal("support.aviso_description_short")
    incident = Incident(
        number=aviso_queries.next_incident_number(session),
        node=node,
        priority=SECTOR_PRIORITY if kind == MASS else POINT_PRIORITY,
        kind=kind,
        description=text[:200],
        status=IncidentStatus.ABIERTO.value,
        opened_at=at,
    )
    return view_of(aviso_queries.add_incident(session, incident))
