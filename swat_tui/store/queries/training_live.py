"""A trainee's training call in progress, as the trainer watches it (TRN012)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from swat_tui.store.enums import CallStatus
from swat_tui.store.models import Call, TrainingAssignment

LIVE_STATUSES = (CallStatus.RINGING.value, CallStatus.IN_PROGRESS.value)


def live_call_of(session: Session, *, agent_id: int) -> Call | None:
    """The agent's newest call still ringing or on the line (None: none)."""
    statement = (
        select(Call)
        .where(Call.agent_id == agent_id)
        .where(col(Call.status).in_(LIVE_STATUSES))
        .order_by(col(Call.started_at).desc(), col(Call.id).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def assignment_of_call(session: Session, *, call_id: int) -> TrainingAssignment | None:
    """The assignment a call answers (None: a call rung without one)."""
    statement = select(TrainingAssignment).where(TrainingAssignment.call_id == call_id)
    return session.exec(statement).first()
