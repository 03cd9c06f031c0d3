"""DIME cases: escalating the call's request to a resolving area, and the account's
cases with their follow-up notes, for this call and the later ones.

Each function runs inside the transaction its desk intent owns; a refusal
(``DomainError`` of a ``dime.*`` rule of ``data/messages.toml``) raises
before the transaction commits, so nothing of it is written. Every view of a
case is account data: the BLACKLIST gate decides first, and the access is
logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain import versions
from swat_tui.domain.account.disclosure import Gate
from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.dime.areas import DimeArea, DimeAreas
from swat_tui.domain.errors import account_not_found, refusal
from swat_tui.domain.pqr.terms import business_days_left
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.check_ids import TYPIFICATION
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import DIME_FIELD, SUGGESTED_CODE_FIELD
from swat_tui.store.enums import DimeStatus
from swat_tui.store.models import DimeCase, DimeNote
from swat_tui.store.queries import access_log, dime
from swat_tui.store.queries import accounts as account_queries

ACCESS_ACTION = "DIME"
REASON_MAX = 120  # dime_case.subject
DATA_MAX = 500  # what DIM010's data lines hold, and more
NOTE_MAX = 250  # dime_note.text
# What DIM001 shows of a case, in the order a refusal for a stale version names them
# ([changed.label] of data/messages.toml); a note added shows as updated_at alone.
SHOWN = ("status", "area", "reason", "notes", "due_on")


@dataclass(frozen=True)
class DimeCaseView:
    """One DIME case as the panels show it."""

    number: str
    cuenta: int
    area: str  # the area's name as shown (Facturación)
    area_id: str  # its id in data/dime_areas.toml ("" for an area no longer there)
    reason: str
    status: str  # enums.DimeStatus
    created_at: datetime  # Bogotá
    updated_at: datetime  # Bogotá
    due_on: date | None  # the area's SLA
    notes: str  # the data the area needs
    created_by: str
    call_id: int | None
    overdue: bool  # open past its SLA ("vencido")
    business_days_left: int | None  # to the SLA while open (0 on the day), else None
    version: int = 1  # the row's version when read: a note on the case takes the view back


@dataclass(frozen=True)
class DimeNoteView:
    """A follow-up note on a case."""

    at: datetime  # Bogotá
    author: str
    text: str


@dataclass(frozen=True)
class Escalation:
    """What the agent typed on DIM010, checked before the store is touched."""

    area: DimeArea
    reason: str
    data: str

    @classmethod
    def checked(cls, areas: DimeAreas, *, area: str, reason: str, data: str) -> Escalation:
        chosen = areas.choice(area)
        if chosen is None:
            raise refusal("dime.area", code="dime_area", options=areas.options)
        said = _one_line(reason)
        if not said:
            raise refusal("dime.reason_missing", code="dime_reason")
        if len(said) > REASON_MAX:
            raise refusal(
                "dime.text_long", code="dime_reason", what="El motivo", maximum=REASON_MAX
            )
        given = _one_line(data)
        if len(given) < chosen.data_min:
            raise refusal(
                "dime.data_short",
                code="dime_data",
                area=chosen.name,
                minimum=chosen.data_min,
                typed=len(given),
            )
        if len(given) > DATA_MAX:
            raise refusal("dime.text_long", code="dime_data", what="Los datos", maximum=DATA_MAX)
        return cls(chosen, said, given)


def escalate(
    session: Session,
    procedure: ProcedureDef,
    areas: DimeAreas,
    *,
    call_id: int,
    cuenta: int,
    escalation: Escalation,
    check_id: str | None,
    agent: str,
    gate: Gate,
    now: datetime,
) -> tuple[DimeCaseView, CallRecord]:
    """The case for the call's request, and the call's change that records it: the
    branch check (when given) escalated, the DIME number and the area's UCC code."""
    _require_account(session, cuenta, gate)
    today = now.astimezone(BOGOTA).date()
    area = escalation.area
    number = dime.next_number(session)

    def apply(change: CallChange) -> None:
        change.require_in_progress()
        state = change.state
        if state.request is None or state.awaiting_request:
            raise refusal("dime.needs_request")
        escalated_to = state.request_field(DIME_FIELD)
        if escalated_to:
            raise refusal("dime.already", number=escalated_to)
        if state.mark_for(TYPIFICATION, state.request_number) is not None:
            raise refusal("dime.typified")
        if check_id is not None and state.mark_for(check_id, state.request_number) is None:
            change.record(check_id, load_actions().escalation(f"DIME {number}"))
        change.action("dime.escalate", number, area=area.id)
        change.set_request_field(DIME_FIELD, number)
        change.set_request_field(SUGGESTED_CODE_FIELD, area.ucc_code)

    record = change_in(session, procedure, call_id, now, apply)
    case = dime.add_case(
        session,
        number=number,
        cuenta=cuenta,
        call_id=call_id,
        area=area.name,
        subject=escalation.reason,
        status=DimeStatus.ABIERTO.value,
        notes=escalation.data,
        due_on=area.due_on(today),
        created_by=agent,
        at=now,
    )
    return case_view(case, areas, today), record


def account_cases(
    session: Session,
    areas: DimeAreas,
    cuenta: int,
    *,
    agent: str,
    gate: Gate,
    now: datetime,
) -> tuple[DimeCaseView, ...]:
    """Every case of the account, newest first; logged, refused while it is masked."""
    _require_account(session, cuenta, gate)
    access_log.log_access(session, username=agent, cuenta=cuenta, action=ACCESS_ACTION, at=now)
    today = now.astimezone(BOGOTA).date()
    return tuple(case_view(case, areas, today) for case in dime.cases_of(session, cuenta=cuenta))


def case_notes(
    session: Session,
    number: str,
    *,
    agent: str,
    gate: Gate,
    now: datetime,
) -> tuple[DimeNoteView, ...]:
    """The case's follow-up notes, oldest first (account data: gated and logged)."""
    case = _case(session, number, gate)
    access_log.log_access(session, username=agent, cuenta=case.cuenta, action=ACCESS_ACTION, at=now)
    assert case.id is not None
    return tuple(note_view(note) for note in dime.notes_of(session, case_id=case.id))


def add_note(
    session: Session,
    number: str,
    text: str,
    *,
    agent: str,
    gate: Gate,
    now: datetime,
    areas: DimeAreas,
    seen: DimeCaseView | None = None,
) -> DimeNoteView:
    """A follow-up note by this agent on an open case; refused (``versions.CHANGED``)
    when the case changed since the agent's panel read ``seen``."""
    said = _one_line(text)
    if not said:
        raise refusal("dime.note_missing")
    if len(said) > NOTE_MAX:
        raise refusal("dime.text_long", what="La nota", maximum=NOTE_MAX)
    case = _case(session, number, gate, for_update=True)
    _refuse_if_changed(case, seen, areas, now.astimezone(BOGOTA).date())
    if case.status == DimeStatus.CERRADO:
        raise refusal("dime.closed", number=case.number)
    return note_view(dime.add_note(session, case=case, author=agent, text=said, at=now))


def case_view(case: DimeCase, areas: DimeAreas, today: date) -> DimeCaseView:
    area = areas.by_name(case.area)
    is_open = case.status != DimeStatus.CERRADO
    left = business_days_left(case.due_on, today) if is_open and case.due_on else None
    return DimeCaseView(
        number=case.number,
        cuenta=case.cuenta,
        area=case.area,
        area_id=area.id if area is not None else "",
        reason=case.subject,
        status=case.status,
        created_at=case.created_at.astimezone(BOGOTA),
        updated_at=case.updated_at.astimezone(BOGOTA),
        due_on=case.due_on,
        notes=case.notes,
        created_by=case.created_by or "",
        call_id=case.call_id,
        overdue=left is not None and left < 0,
        business_days_left=left,
        version=case.version,
    )


def note_view(note: DimeNote) -> DimeNoteView:
    return DimeNoteView(note.at.astimezone(BOGOTA), note.author, note.text)


def _one_line(text: str) -> str:
    """What was typed over several input lines, as one text."""
    return " ".join(text.split())


def _require_account(session: Session, cuenta: int, gate: Gate) -> None:
    account = account_queries.get_account(session, cuenta=cuenta)
    if account is None:
        raise account_not_found(cuenta)
    gate.require(cuenta, blacklist=account.blacklist)


def _refuse_if_changed(
    case: DimeCase, seen: DimeCaseView | None, areas: DimeAreas, today: date
) -> None:
    if seen is None or seen.version == case.version:
        return
    fresh = case_view(case, areas, today)
    what = versions.changed_fields(seen, fresh, SHOWN)
    if not what and seen.updated_at != fresh.updated_at:
        what = versions.changed_fields(seen, fresh, ("updated_at",))  # a note was added
    raise versions.changed(
        "case", case.number, what, by=case.updated_by, at=case.updated_at, today=today
    )


def _case(session: Session, number: str, gate: Gate, *, for_update: bool = False) -> DimeCase:
    case = dime.get_case(session, number=number.strip().upper(), for_update=for_update)
    if case is None:
        raise refusal("dime.unknown", number=number.strip()[:16])
    _require_account(session, case.cuenta, gate)
    return case
