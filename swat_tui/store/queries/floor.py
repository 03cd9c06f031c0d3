"""The live floor (SUP001): every presence row with its agent's name and its call, in one
query; the queue's depth is ``waiting_calls.waiting``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlmodel import Session, col

from swat_tui.store.models import Agent, AgentPresence, Call


class FloorRecord(NamedTuple):
    """One signed-on session as stored, with what the floor joins to it."""

    username: str
    display_name: str
    state: str
    aux_reason: str | None
    since: datetime
    call_id: int | None
    step: int | None
    panel: str | None
    signed_on_at: datetime
    heartbeat_at: datetime
    call_started_at: datetime | None
    call_answered_at: datetime | None
    call_queue: str | None
    call_cuenta: int | None


COLUMNS = (  # in FloorRecord's order
    col(AgentPresence.username),
    col(Agent.display_name),
    col(AgentPresence.state),
    col(AgentPresence.aux_reason),
    col(AgentPresence.since),
    col(AgentPresence.call_id),
    col(AgentPresence.step),
    col(AgentPresence.panel),
    col(AgentPresence.signed_on_at),
    col(AgentPresence.heartbeat_at),
    col(Call.started_at),
    col(Call.answered_at),
    col(Call.queue),
    col(Call.cuenta),
)


def floor_records(session: Session) -> Sequence[FloorRecord]:
    """Every presence row joined to its agent and (if any) its call; unordered: the
    domain sorts by time in state, which needs ``now``."""
    statement = (
        select(*COLUMNS)
        .select_from(AgentPresence)
        .join(Agent, col(Agent.id) == col(AgentPresence.agent_id))
        .outerjoin(Call, col(Call.id) == col(AgentPresence.call_id))
    )
    return [FloorRecord(*row) for row in session.execute(statement).all()]
