"""The floor's queue: practice calls wait in the store until one agent claims each.

With one agent nothing waits: the agent's own draw rings (and is recorded as claimed
by them), exactly as before the queue existed. A trainer or a load test fills the
queue (``swat queue fill``) and the agents in Disponible take the calls oldest first;
two agents asking at once never get the same call (``claim_oldest``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from swat_tui.domain.desk.practice_queue import CallKind, CallQueue, IncomingCall
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import WaitingCall
from swat_tui.store.queries import waiting_calls


@dataclass(frozen=True)
class QueueDepth:
    """What the floor's queue holds now."""

    waiting: int
    oldest: datetime | None


def claim(engine: Engine, agent_id: int, now: datetime) -> IncomingCall | None:
    """The oldest waiting call, now this agent's alone; None when nothing waits."""
    with write_session(engine) as session:
        row = waiting_calls.claim_oldest(session, agent_id, now)
        return _incoming(row, now) if row is not None else None


def record_drawn(engine: Engine, call: IncomingCall, agent_id: int) -> None:
    """An agent's own draw rang for them: it is in the queue's history, already claimed."""
    with write_session(engine) as session:
        waiting_calls.add(session, _row(call, claimed_by=agent_id))


def fill(engine: Engine, count: int, seed: int, now: datetime) -> int:
    """Put ``count`` practice calls (drawn with ``seed``) in the queue; returns how many."""
    queue = CallQueue(engine, seed=seed)
    drawn = [queue.next_call(now) for _ in range(count)]
    with write_session(engine) as session:
        for call in drawn:
            waiting_calls.add(session, _row(call, claimed_by=None))
    return len(drawn)


def depth(engine: Engine) -> QueueDepth:
    """How many calls wait, and since when the oldest."""
    with read_session(engine) as session:
        count, oldest = waiting_calls.waiting(session)
    return QueueDepth(count, oldest)


def _row(call: IncomingCall, *, claimed_by: int | None) -> WaitingCall:
    return WaitingCall(
        ani=call.ani,
        queue=call.queue,
        kind=call.kind,
        expected_cuenta=call.expected_cuenta,
        says=call.says,
        arrived_at=call.at,
        claimed_by=claimed_by,
        claimed_at=call.at if claimed_by is not None else None,
    )


def _incoming(row: WaitingCall, now: datetime) -> IncomingCall:
    kind: CallKind = row.kind  # type: ignore[assignment]  # written from a CallKind
    return IncomingCall(row.ani, row.queue, kind, row.expected_cuenta, now, row.says)
