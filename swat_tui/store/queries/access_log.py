"""The audit trail: who opened which account view, and when."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import AccessLog


def log_access(
    session: Session, *, username: str, cuenta: int, action: str, at: datetime
) -> AccessLog:
    """Add one audit row to the caller's transaction; ``at`` must be aware."""
    entry = AccessLog(username=username, cuenta=cuenta, action=action, at=at)
    session.add(entry)
    return entry


def list_access(session: Session, *, cuenta: int, limit: int = 100) -> Sequence[AccessLog]:
    """The newest audit rows of one account first."""
    statement = (
        select(AccessLog)
        .where(AccessLog.cuenta == cuenta)
        .order_by(col(AccessLog.at).desc(), col(AccessLog.id).desc())
        .limit(limit)
    )
    return session.exec(statement).all()
