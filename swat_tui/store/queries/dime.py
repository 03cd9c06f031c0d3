"""DIME cases and their follow-up notes: numbering, writing, listing."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import DimeCase, DimeNote
from swat_tui.store.queries import numbering


def next_number(session: Session) -> str:
    """The next case number (DIME00000001), from its counter in the caller's write
    transaction."""
    return numbering.take(session, numbering.DIME)


def add_case(
    session: Session,
    *,
    number: str,
    cuenta: int,
    call_id: int | None,
    area: str,
    subject: str,
    status: str,
    notes: str,
    due_on: date | None,
    created_by: str,
    at: datetime,
) -> DimeCase:
    """Add one case to the caller's transaction (flushed, so it has its id)."""
    case = DimeCase(
        number=number,
        cuenta=cuenta,
        call_id=call_id,
        area=area,
        subject=subject,
        status=status,
        created_at=at,
        updated_at=at,
        notes=notes,
        due_on=due_on,
        created_by=created_by,
    )
    session.add(case)
    session.flush()
    return case


def cases_of(session: Session, *, cuenta: int) -> Sequence[DimeCase]:
    """Every DIME case of the account, whatever its status, newest first."""
    statement = (
        select(DimeCase)
        .where(DimeCase.cuenta == cuenta)
        .order_by(col(DimeCase.created_at).desc(), col(DimeCase.id).desc())
    )
    return session.exec(statement).all()


def get_case(session: Session, *, number: str, for_update: bool = False) -> DimeCase | None:
    """The case with that number, or None; ``for_update`` locks its row until the
    transaction ends (PostgreSQL; SQLite's write lock already serialises writers)
    and reads it afresh."""
    statement = select(DimeCase).where(DimeCase.number == number)
    if for_update:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    return session.exec(statement).first()


def notes_of(session: Session, *, case_id: int) -> Sequence[DimeNote]:
    """The case's follow-up notes, oldest first."""
    statement = (
        select(DimeNote)
        .where(DimeNote.dime_case_id == case_id)
        .order_by(col(DimeNote.at), col(DimeNote.id))
    )
    return session.exec(statement).all()


def add_note(session: Session, *, case: DimeCase, author: str, text: str, at: datetime) -> DimeNote:
    """A follow-up note; the case's ``updated_at`` and ``updated_by`` (and so its
    version) move with it."""
    assert case.id is not None
    note = DimeNote(dime_case_id=case.id, at=at, author=author, text=text)
    case.updated_at = at
    case.updated_by = author
    session.add(case)
    session.add(note)
    session.flush()
    return note
