"""The floor's queue of waiting calls: each call rings for one agent only, with many
agents (separate processes) claiming at the same moment, on either backend."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.domain.auth import AuthService
from swat_tui.domain.desk import floor_queue
from swat_tui.domain.desk.sources import PracticeSource
from swat_tui.domain.services import Services
from swat_tui.store.engine import make_engine, read_session
from swat_tui.store.enums import Role
from swat_tui.store.models import WaitingCall
from tests.conftest import FIXED_NOW

AGENTS = 4
CALLS = 40


def _claim_all(url: str, agent_id: int, barrier: Any, claimed: Any) -> None:
    """One agent's process: claim until nothing waits, report the call ids it got."""
    engine = make_engine(url)
    barrier.wait(timeout=60)
    mine: list[int] = []
    while (call := floor_queue.claim(engine, agent_id, FIXED_NOW)) is not None:
        mine.append(int(call.ani))
    engine.dispose()
    claimed.put(mine)


def _agents(engine: Engine, count: int) -> list[int]:
    auth = AuthService(engine, lambda: FIXED_NOW)
    return [
        auth.create_agent(f"COLA{n:02d}", f"Agente {n}", Role.ASESOR, "swat2026").id
        for n in range(count)
    ]


def _fill_numbered(engine: Engine, count: int) -> None:
    """``count`` waiting calls whose ANI is their own serial, arriving a second apart."""
    from swat_tui.store.engine import write_session
    from swat_tui.store.queries import waiting_calls

    with write_session(engine) as session:
        for n in range(count):
            waiting_calls.add(
                session,
                WaitingCall(
                    ani=f"{n:010d}",
                    queue="HOGAR_SAC",
                    kind="cuenta",
                    arrived_at=FIXED_NOW + timedelta(seconds=n),
                ),
            )


def test_agents_claiming_at_once_never_get_the_same_call(
    store_engine: Engine, store_url: str
) -> None:
    agent_ids = _agents(store_engine, AGENTS)
    _fill_numbered(store_engine, CALLS)
    context = multiprocessing.get_context("spawn")
    barrier, claimed = context.Barrier(AGENTS), context.Queue()
    workers = [
        context.Process(target=_claim_all, args=(store_url, agent_id, barrier, claimed))
        for agent_id in agent_ids
    ]
    for worker in workers:
        worker.start()
    got = [claimed.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    every = [ani for mine in got for ani in mine]
    assert sorted(every) == list(range(CALLS))  # each call once, none lost
    assert all(mine == sorted(mine) for mine in got)  # each agent took them oldest first
    with read_session(store_engine) as session:
        rows = session.exec(select(WaitingCall)).all()
    by_agent = Counter(row.claimed_by for row in rows)
    assert sum(by_agent.values()) == CALLS and None not in by_agent
    assert floor_queue.depth(store_engine).waiting == 0


def test_a_waiting_call_rings_before_the_agent_s_own_draw(demo_services: Services) -> None:
    """With calls waiting the agent gets the oldest; with none, their own draw, which
    the queue records as theirs (one agent alone rings exactly as before)."""
    store_engine = demo_services.engine
    (agent_id,) = _agents(store_engine, 1)
    _fill_numbered(store_engine, 1)
    source = PracticeSource(store_engine, seed=6, agent_id=agent_id)
    assert source.next_call(FIXED_NOW).ani == "0000000000"
    drawn = source.next_call(FIXED_NOW)
    alone = PracticeSource(store_engine, seed=6).next_call(FIXED_NOW)  # no agent: no queue
    assert (drawn.ani, drawn.kind) == (alone.ani, alone.kind)
    with read_session(store_engine) as session:
        rows = session.exec(select(WaitingCall).order_by(col(WaitingCall.id))).all()
    assert [(row.ani, row.claimed_by) for row in rows] == [
        ("0000000000", agent_id),
        (drawn.ani, agent_id),
    ]


def test_swat_queue_fills_the_queue_and_says_how_deep_it_is(demo_services: Services) -> None:
    from typer.testing import CliRunner

    from swat_tui.cli.main import app

    url = demo_services.engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    assert runner.invoke(app, ["queue", "status", "--db", url]).stdout == (
        "No hay llamadas en espera.\n"
    )
    filled = runner.invoke(app, ["queue", "fill", "--calls", "3", "--db", url])
    assert filled.exit_code == 0 and filled.stdout == "3 llamadas en espera en la cola.\n"
    status = runner.invoke(app, ["queue", "status", "--db", url]).stdout
    assert status.startswith("3 llamadas en espera; la más antigua desde ")
    assert floor_queue.depth(demo_services.engine).waiting == 3
