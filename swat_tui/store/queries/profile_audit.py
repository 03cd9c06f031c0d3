"""The audit trail of profile upkeep: which supervisor did what to which profile, and when."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import ProfileAudit


def log_profile_action(
    session: Session, *, actor: str, target: str, action: str, at: datetime
) -> ProfileAudit:
    """Add one audit row to the caller's transaction; ``at`` must be aware."""
    entry = ProfileAudit(actor=actor, target=target, action=action, at=at)
    session.add(entry)
    return entry


def list_profile_actions(
    session: Session, *, target: str | None = None, limit: int = 100
) -> Sequence[ProfileAudit]:
    """The newest audit rows first, of one profile or of every profile."""
    statement = select(ProfileAudit)
    if target is not None:
        statement = statement.where(ProfileAudit.target == target)
    statement = statement.order_by(col(ProfileAudit.at).desc(), col(ProfileAudit.id).desc()).limit(
        limit
    )
    return session.exec(statement).all()
