"""Training: the scenarios a trainer assigns and the scored training calls.

These rows live in the training store (``domain/training/training_store``): the
real store has the same tables, empty, so one schema serves both.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class TrainingAssignment(SQLModel, table=True):
    """A scenario a trainer gave a trainee: it rings on the trainee's softphone the
    next time they are Disponible (claimed with ``SKIP LOCKED``: it rings once)."""

    __tablename__ = "training_assignment"

    id: int | None = Field(default=None, primary_key=True)
    scenario_id: str = Field(max_length=40)
    series: str = Field(default="", max_length=40)  # a series assigned as one, or ""
    position: int = 0  # its place in the series (the next rings after this one)
    trainee_id: int = Field(foreign_key="agent.id", index=True)
    assigned_by: str = Field(max_length=10)  # the trainer's username
    assigned_at: datetime = Field(index=True)
    status: str = Field(default="pendiente", max_length=12)  # pendiente|en_curso|hecha|anulada
    claimed_at: datetime | None = None
    call_id: int | None = Field(default=None, foreign_key="call.id")


class TrainingResult(SQLModel, table=True):
    """A training call's scorecard: the score, pass or fail, and the whole card."""

    __tablename__ = "training_result"

    id: int | None = Field(default=None, primary_key=True)
    call_id: int = Field(foreign_key="call.id", unique=True)
    assignment_id: int | None = Field(default=None, foreign_key="training_assignment.id")
    trainee_id: int = Field(foreign_key="agent.id", index=True)
    scenario_id: str = Field(max_length=40)
    mode: str = Field(max_length=14)  # practica | certificacion
    score: int
    passed: bool
    abandoned: bool = False
    critical: int = 0  # how many critical errors
    handle_seconds: int = 0
    scorecard_json: str = "{}"  # the whole scorecard, as the trainee saw it
    scored_at: datetime = Field(index=True)
