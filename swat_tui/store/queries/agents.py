"""Sign-on profiles: look-ups and counts for the auth service and the CLI."""

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from swat_tui.store.models import Agent


def get_agent(session: Session, *, username: str) -> Agent | None:
    """The profile whose (upper-case) user name is ``username``."""
    return session.exec(select(Agent).where(Agent.username == username)).first()


def list_agents(session: Session) -> Sequence[Agent]:
    """Every profile, by user name."""
    return session.exec(select(Agent).order_by(col(Agent.username))).all()


def count_agents(session: Session) -> int:
    """How many profiles exist (zero means a fresh store)."""
    return session.exec(select(func.count()).select_from(Agent)).one()


def count_failed_signon(session: Session, *, agent_id: int) -> int:
    """One more failed sign-on, counted by the store (``failed_signons + 1``, so two
    at once are both counted); the count now."""
    result = session.execute(
        update(Agent)
        .where(col(Agent.id) == agent_id)
        .values(failed_signons=Agent.failed_signons + 1)
        .returning(col(Agent.failed_signons))
    )
    return int(result.scalar_one())


def disable_agent(session: Session, *, agent_id: int) -> None:
    """The profile is disabled (QMAXSIGN failed sign-ons in a row)."""
    session.execute(update(Agent).where(col(Agent.id) == agent_id).values(disabled=True))
