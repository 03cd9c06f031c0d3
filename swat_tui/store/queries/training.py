"""Training rows: assignments given, claimed and done; the scored training calls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import Agent, TrainingAssignment, TrainingResult

PENDING = "pendiente"
IN_PROGRESS = "en_curso"
DONE = "hecha"
CANCELLED = "anulada"


def add_assignment(session: Session, assignment: TrainingAssignment) -> TrainingAssignment:
    session.add(assignment)
    session.flush()
    return assignment


def claim_next(session: Session, *, trainee_id: int, now: datetime) -> TrainingAssignment | None:
    """The trainee's oldest pending assignment (a series in its order), now in
    progress; None when nothing is pending. ``SKIP LOCKED``: two terminals of the
    same trainee never ring the same one."""
    statement = (
        select(TrainingAssignment)
        .where(TrainingAssignment.trainee_id == trainee_id)
        .where(TrainingAssignment.status == PENDING)
        .order_by(
            col(TrainingAssignment.assigned_at),
            col(TrainingAssignment.position),
            col(TrainingAssignment.id),
        )
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    assignment = session.exec(statement).first()
    if assignment is None:
        return None
    assignment.status = IN_PROGRESS
    assignment.claimed_at = now
    session.add(assignment)
    session.flush()
    return assignment


def get_assignment(session: Session, *, assignment_id: int) -> TrainingAssignment | None:
    return session.get(TrainingAssignment, assignment_id)


def assignments_of(
    session: Session, *, trainee_id: int | None = None, statuses: Sequence[str] = ()
) -> Sequence[TrainingAssignment]:
    """Assignments (of one trainee, in these statuses), newest first."""
    statement = select(TrainingAssignment)
    if trainee_id is not None:
        statement = statement.where(TrainingAssignment.trainee_id == trainee_id)
    if statuses:
        statement = statement.where(col(TrainingAssignment.status).in_(statuses))
    statement = statement.order_by(
        col(TrainingAssignment.assigned_at).desc(), col(TrainingAssignment.id).desc()
    )
    return session.exec(statement).all()


def assignment_of_call(session: Session, *, call_id: int) -> TrainingAssignment | None:
    """The assignment whose call is ``call_id`` (None: a call rung by hand)."""
    statement = select(TrainingAssignment).where(TrainingAssignment.call_id == call_id)
    return session.exec(statement).first()


def add_result(session: Session, result: TrainingResult) -> TrainingResult:
    session.add(result)
    session.flush()
    return result


def result_of_call(session: Session, *, call_id: int) -> TrainingResult | None:
    return session.exec(select(TrainingResult).where(TrainingResult.call_id == call_id)).first()


def results_of(session: Session, *, trainee_id: int | None = None) -> Sequence[TrainingResult]:
    """Scored training calls (of one trainee), oldest first."""
    statement = select(TrainingResult)
    if trainee_id is not None:
        statement = statement.where(TrainingResult.trainee_id == trainee_id)
    return session.exec(
        statement.order_by(col(TrainingResult.scored_at), col(TrainingResult.id))
    ).all()


def trainees(session: Session) -> Sequence[Agent]:
    """Every profile a trainer may assign to (the asesores), by username."""
    statement = select(Agent).where(Agent.role == "asesor").order_by(col(Agent.username))
    return session.exec(statement).all()
