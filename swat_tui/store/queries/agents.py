"""Sign-on profiles: look-ups and counts for the auth service and the CLI."""

from collections.abc import Sequence

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
