"""The floor's queue of waiting calls: a call rings for one agent only."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class WaitingCall(SQLModel, table=True):
    """A call in the queue, waiting for an agent in Disponible until one claims it.

    A claim is a row lock taken with ``SKIP LOCKED``: two agents asking at the same
    moment get two different calls (or one gets none), never the same one."""

    __tablename__ = "waiting_call"

    id: int | None = Field(default=None, primary_key=True)
    ani: str = Field(max_length=15)
    queue: str = Field(max_length=20)
    kind: str = Field(max_length=20)
    expected_cuenta: int | None = None
    says: str = ""
    arrived_at: datetime = Field(index=True)
    claimed_by: int | None = Field(default=None, foreign_key="agent.id", index=True)
    claimed_at: datetime | None = None
