"""Process confirmations and the practice each one counts as (SUP011, CNF001)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from swat_tui.store.models import (
    Call,
    PracticeParticipant,
    PracticeRecord,
    ProcessConfirmation,
)


def add_confirmation(
    session: Session,
    *,
    confirmation: ProcessConfirmation,
    practice: PracticeRecord,
    participants: Sequence[int],
) -> ProcessConfirmation:
    """The confirmation, its practice record (linked) and the practice's participants,
    in the caller's transaction."""
    session.add(confirmation)
    session.flush()
    practice.confirmation_id = confirmation.id
    session.add(practice)
    session.flush()
    assert practice.id is not None
    for agent_id in participants:
        session.add(PracticeParticipant(practice_record_id=practice.id, agent_id=agent_id))
    session.flush()
    return confirmation


def confirmations_of(session: Session, *, agent_id: int) -> Sequence[ProcessConfirmation]:
    """The agent's confirmations, newest first."""
    statement = (
        select(ProcessConfirmation)
        .where(ProcessConfirmation.agent_id == agent_id)
        .order_by(col(ProcessConfirmation.recorded_at).desc(), col(ProcessConfirmation.id).desc())
    )
    return session.exec(statement).all()


def get_confirmation(session: Session, *, confirmation_id: int) -> ProcessConfirmation | None:
    return session.get(ProcessConfirmation, confirmation_id)


def unseen_count(session: Session, *, agent_id: int) -> int:
    """How many of the agent's confirmations they have not opened yet."""
    statement = (
        select(func.count())
        .select_from(ProcessConfirmation)
        .where(ProcessConfirmation.agent_id == agent_id)
        .where(col(ProcessConfirmation.seen_at).is_(None))
    )
    return int(session.exec(statement).one())


def recent_calls_of(session: Session, *, agent_id: int, limit: int) -> Sequence[Call]:
    """The agent's latest calls, newest first."""
    statement = (
        select(Call)
        .where(Call.agent_id == agent_id)
        .order_by(col(Call.started_at).desc(), col(Call.id).desc())
        .limit(limit)
    )
    return session.exec(statement).all()
