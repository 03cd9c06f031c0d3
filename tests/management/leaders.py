"""A store with the demo profiles (no accounts) and each profile's desk, for the
management model's tests, on the test's backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from sqlmodel import select

from swat_tui.config import Settings
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent, PracticeParticipant, PracticeRecord


@pytest.fixture
def services(store_url: str, fixed_clock: Callable[[], datetime]) -> Iterator[Services]:
    opened = open_services(
        Settings(db_url=store_url, clock=fixed_clock, seed_demo_accounts=0, frozen=True)
    )
    yield opened
    opened.close()


def desk_of(services: Services, username: str) -> SupervisorDesk:
    """``username``'s supervisor desk, as sign-on builds it (no presence row needed)."""
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
    assert agent.id is not None
    signed = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role, "test")
    return SupervisorDesk(services, signed)


def practice_rows(services: Services) -> tuple[int, int]:
    """How many practice records and participants the store holds."""
    with read_session(services.engine) as session:
        records = len(session.exec(select(PracticeRecord)).all())
        people = len(session.exec(select(PracticeParticipant)).all())
    return records, people
