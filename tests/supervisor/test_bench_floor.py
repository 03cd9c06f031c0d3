"""The floor bench (``bench/floor.py``) is registered, its floor is the 200 agents it
says (in every state, a tenth stale) and it leaves nothing behind (no timing: the
figures are the bench's). On SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine, text

from bench import floor
from bench.__main__ import BENCHES, parse_args
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.domain.supervisor.floor import FloorGroup
from tests.conftest import FIXED_NOW

TABLES = ("agent", "agent_presence", "call", "waiting_call")


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
        }


def test_the_floor_bench_can_be_run_alone() -> None:
    assert "floor" in BENCHES
    assert parse_args(["--quick", "--only", "floor"]).only == "floor"


def test_its_floor_has_200_agents_in_every_state_and_is_cleaned_up(store_engine: Engine) -> None:
    before = _counts(store_engine)
    floor.seed(store_engine, FIXED_NOW)
    services = Services.create(store_engine, lambda: FIXED_NOW)
    leader = SignedOnAgent(0, floor.LEADER, "Bench", "supervisor")
    view = SupervisorDesk(services, leader).floor.view(FIXED_NOW)
    assert len(view.rows) == floor.AGENTS
    assert all(count > 0 for count in view.counts.values()), view.counts
    assert view.counts[FloorGroup.DESCONECTADO] == floor.AGENTS // floor.STALE_EVERY
    assert view.waiting == floor.WAITING
    floor.clean(store_engine)
    assert _counts(store_engine) == before
