"""Consulting an account's PQRs (step 6, "consultar"): every PQR as recorded, so the
agent gives the information as it is, with each one's term."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.account.disclosure import Gate
from swat_tui.domain.errors import account_not_found
from swat_tui.domain.pqr.terms import business_days_left
from swat_tui.store.engine import write_session
from swat_tui.store.enums import PqrStatus
from swat_tui.store.models import Note, Pqr, WorkOrder
from swat_tui.store.queries import access_log, cases
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import notes as note_queries

KIND_NAMES = {"peticion": "Petición", "queja": "Queja", "reclamo": "Reclamo", "recurso": "Recurso"}
AROUND = timedelta(days=30)  # visits and F7 notes this close to a filing are "around" it


@dataclass(frozen=True)
class VisitAround:
    """An LLS or OT of the account near a PQR's filing (the PQR may be about it)."""

    kind: str  # LLS | OT
    number: str
    status: str
    created_at: datetime  # Bogotá
    slot_start: datetime | None  # Bogotá


@dataclass(frozen=True)
class NoteAround:
    """A special note (F7) of the account near a PQR's filing."""

    created_at: datetime  # Bogotá
    author: str
    text: str


@dataclass(frozen=True)
class PqrLine:
    """One PQR of the account, as the consult panel lists it."""

    radicado: str
    cun: str | None
    kind: str  # Petición, Queja, Reclamo, Recurso
    subject: str
    status: str  # ABIERTA, CERRADA, DESISTIDA
    filed_at: datetime  # Bogotá
    due_on: date
    business_days_left: int  # meaningful while ABIERTA
    response_channel: str | None
    visits: tuple[VisitAround, ...] = ()  # within ``AROUND`` of the filing, oldest first
    notes: tuple[NoteAround, ...] = ()  # F7 notes within ``AROUND`` of the filing

    @property
    def overdue(self) -> bool:
        """Open past its term: at risk of silencio administrativo positivo."""
        return self.status == PqrStatus.ABIERTA and self.business_days_left < 0


@dataclass(frozen=True)
class PqrsView:
    cuenta: int
    lines: tuple[PqrLine, ...]


def consult_pqrs(
    engine: Engine, clock: Callable[[], datetime], cuenta: int, *, agent: str, gate: Gate
) -> PqrsView:
    """The account's PQRs, newest first; logged, refused while the gate masks it."""
    now = clock()
    today = now.astimezone(BOGOTA).date()
    with write_session(engine) as session:
        account = account_queries.get_account(session, cuenta=cuenta)
        if account is None:
            raise account_not_found(cuenta)
        gate.require(cuenta, blacklist=account.blacklist)
        access_log.log_access(session, username=agent, cuenta=cuenta, action="PQR", at=now)
        rows = cases.pqrs_of(session, cuenta=cuenta)
        visits = cases.work_orders_of(session, cuenta=cuenta)
        notes = note_queries.special_notes(session, cuenta=cuenta)
        return PqrsView(cuenta, tuple(_line(row, today, visits, notes) for row in rows))


def _near(moment: datetime, filed: datetime) -> bool:
    return abs(moment - filed) <= AROUND


def _line(pqr: Pqr, today: date, visits: Sequence[WorkOrder], notes: Sequence[Note]) -> PqrLine:
    filed = pqr.filed_at
    return PqrLine(
        radicado=pqr.radicado,
        cun=pqr.cun,
        kind=KIND_NAMES.get(pqr.kind, pqr.kind),
        subject=pqr.subject,
        status=pqr.status,
        filed_at=pqr.filed_at.astimezone(BOGOTA),
        due_on=pqr.due_on,
        business_days_left=business_days_left(pqr.due_on, today),
        response_channel=pqr.response_channel,
        visits=tuple(
            VisitAround(
                v.kind,
                v.number,
                v.status,
                v.created_at.astimezone(BOGOTA),
                v.slot_start.astimezone(BOGOTA) if v.slot_start else None,
            )
            for v in visits
            if _near(v.created_at, filed)
        ),
        notes=tuple(
            NoteAround(n.created_at.astimezone(BOGOTA), n.author, n.text)
            for n in notes
            if _near(n.created_at, filed)
        ),
    )
