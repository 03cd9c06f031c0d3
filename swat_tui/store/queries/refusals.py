"""The audit of refused intents: what a rule refused, to whom, in which call."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import RefusedIntent


def add_refusal(
    session: Session,
    *,
    at: datetime,
    username: str,
    call_id: int | None,
    intent: str,
    rule: str,
    message: str,
) -> RefusedIntent:
    """Add one refused intent to the caller's transaction; ``at`` must be aware."""
    row = RefusedIntent(
        at=at, username=username, call_id=call_id, intent=intent, rule=rule, message=message
    )
    session.add(row)
    return row


def refusals_of_call(session: Session, *, call_id: int) -> Sequence[RefusedIntent]:
    """The intents refused in one call, oldest first."""
    statement = (
        select(RefusedIntent)
        .where(RefusedIntent.call_id == call_id)
        .order_by(col(RefusedIntent.at), col(RefusedIntent.id))
    )
    return session.exec(statement).all()
