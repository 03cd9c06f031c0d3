"""The floor's queue of waiting calls: add one, claim the oldest, count them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from swat_tui.store.models import WaitingCall


def add(session: Session, call: WaitingCall) -> WaitingCall:
    """Put ``call`` in the queue (claimed already when an agent draws it for itself)."""
    session.add(call)
    session.flush()
    return call


def claim_oldest(session: Session, agent_id: int, now: datetime) -> WaitingCall | None:
    """The oldest unclaimed call, now this agent's; None when nothing waits.

    ``FOR UPDATE SKIP LOCKED``: on PostgreSQL a call another agent is claiming at this
    moment is passed over, not waited for and never taken twice; SQLite emits no lock
    clause, and its write lock (the session began IMMEDIATE) serialises the claims."""
    statement = (
        select(WaitingCall)
        .where(col(WaitingCall.claimed_by).is_(None))
        .order_by(col(WaitingCall.arrived_at), col(WaitingCall.id))
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    call = session.exec(statement).first()
    if call is None:
        return None
    call.claimed_by = agent_id
    call.claimed_at = now
    session.add(call)
    session.flush()
    return call


def waiting(session: Session) -> tuple[int, datetime | None]:
    """How many calls wait and since when the oldest does."""
    statement = select(func.count(), func.min(WaitingCall.arrived_at)).where(
        col(WaitingCall.claimed_by).is_(None)
    )
    count, oldest = session.exec(statement).one()
    return int(count), oldest
