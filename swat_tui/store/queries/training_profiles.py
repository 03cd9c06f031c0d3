"""The training store's copy of the real store's profiles (no passwords)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from swat_tui.store.models import Agent
from swat_tui.store.queries.agents import get_agent

NO_PASSWORD = "!"
"""The password hash of a profile copied into the training store: no hash at all, so
no password signs on there (argon2 refuses it as an invalid hash)."""


def copy_profile(
    session: Session, *, username: str, display_name: str, role: str, at: datetime
) -> bool:
    """Add ``username`` to the caller's transaction, or bring its name and role up to
    date; never its password. Whether anything changed."""
    agent = get_agent(session, username=username)
    if agent is None:
        session.add(
            Agent(
                username=username,
                display_name=display_name,
                role=role,
                password_hash=NO_PASSWORD,
                created_at=at,
            )
        )
        return True
    if (agent.display_name, agent.role) == (display_name, role):
        return False
    agent.display_name, agent.role = display_name, role
    return True
