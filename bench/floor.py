"""The live floor (SUP001) with 200 agents' presence (goal: each refresh under 100 ms).

The panel reads the floor every second while a supervisor has it up, so a reading must
be a small part of that second even on a full floor and with the sessions writing
meanwhile. The bench adds 200 profiles (FLB001-FLB200) to the run's store with their
presence rows in every state (on a call, ringing, on hold, Disponible, AUX, ACW, and a
tenth with a stale heartbeat), a call row for each one on a call and 20 calls waiting
in the queue. While it measures, a thread writes the 200 sessions' heartbeats as they
arrive on a real floor (one every 5 s each, data/presence.toml: 40 a second), each in
its own transaction.

Timed: ``FloorService.view(now)`` as the panel's worker calls it (presence joined to
profiles and calls, the queue's depth, DESCONECTADO from the heartbeat, sorted, counted)
and, apart, the panel's paint of that view (``FloorScreen._show`` in a headless Pilot
at 80x24, until the compositor has refreshed and the frame is encoded, as
``bench/panel.py`` times a panel). Baseline, interleaved with the readings:
``presence.floor`` (the presence rows alone, one query, no join), the floor as the
store knew it before the supervisor's panel. Every row the bench added is deleted at
the end (and at the start, if an interrupted run left them).

Meant for PostgreSQL (``--db URL``); on the run's SQLite file it measures the same.
``uv run python -m bench --only floor --quick --db URL``.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from bench.common import Figure, delete_calls, log, median, percentile, ratio, verdict
from bench.demo_build import Store

GOAL_P95_MS = 100.0
AGENTS = 200
WAITING = 20
PREFIX = "FLB"
HEARTBEATS_PER_S = AGENTS / 5  # data/presence.toml: every session every 5 s
WARM_UP = 5
# (state, share of the floor, seconds in state at most, with a call)
MIX = (
    ("EN LLAMADA", 0.40, 900, True),
    ("TIMBRANDO", 0.03, 15, True),
    ("EN ESPERA", 0.05, 120, True),
    ("DISPONIBLE", 0.15, 300, False),
    ("AUX", 0.17, 3600, False),
    ("ACW", 0.10, 120, False),
)
STALE_EVERY = 10  # one agent in ten left a stale heartbeat
LEADER = f"{PREFIX}SUP"  # the supervisor whose panel is painted (no presence until then)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1e3


def seed(engine: Engine, now: datetime) -> list[int]:
    """The 200 profiles, their presence rows and calls, and the waiting calls; the
    agents' ids."""
    from swat_tui.store.engine import write_session
    from swat_tui.store.models import Agent, AgentPresence, Call, WaitingCall

    states = [state for state, share, _, _ in MIX for _ in range(round(share * AGENTS))]
    states += ["DISPONIBLE"] * (AGENTS - len(states))
    limits = {state: (seconds, with_call) for state, _, seconds, with_call in MIX}
    ids: list[int] = []
    with write_session(engine) as session:
        session.add(
            Agent(
                username=LEADER,
                display_name="Supervisor del piso",
                role="supervisor",
                password_hash="-",
                created_at=now,
            )
        )
        for number, state in enumerate(states[:AGENTS], start=1):
            agent = Agent(
                username=f"{PREFIX}{number:03d}",
                display_name=f"Agente del piso {number}",
                role="asesor",
                password_hash="-",
                created_at=now - timedelta(days=30),
            )
            session.add(agent)
            session.flush()
            assert agent.id is not None
            ids.append(agent.id)
            longest, with_call = limits[state]
            in_state = timedelta(seconds=(number * 37) % longest + 1)
            call_id = None
            if with_call:
                call = Call(
                    agent_id=agent.id,
                    ani="3001234567",
                    queue="HOGAR_SAC",
                    status="ringing" if state == "TIMBRANDO" else "in_progress",
                    started_at=now - in_state - timedelta(seconds=5),
                    answered_at=None if state == "TIMBRANDO" else now - in_state,
                    current_step=1 + number % 8,
                )
                session.add(call)
                session.flush()
                call_id = call.id
            stale = number % STALE_EVERY == 0
            session.add(
                AgentPresence(
                    agent_id=agent.id,
                    username=agent.username,
                    session=f"bench-floor-{number}",
                    state=state,
                    aux_reason="AUX 1 Break" if state == "AUX" else None,
                    since=now - in_state,
                    call_id=call_id,
                    step=1 + number % 8 if call_id else None,
                    panel="LLM003" if call_id else None,
                    signed_on_at=now - timedelta(hours=3),
                    heartbeat_at=now - timedelta(seconds=120 if stale else number % 5),
                )
            )
        for number in range(WAITING):
            session.add(
                WaitingCall(
                    ani=f"300555{number:04d}",
                    queue="HOGAR_SAC",
                    kind="cuenta",
                    says=PREFIX,  # marks the bench's rows for the clean-up
                    arrived_at=now - timedelta(seconds=10 * number),
                )
            )
    return ids


def clean(engine: Engine) -> None:
    """Every row this bench adds (a run cut short leaves them for the next to remove)."""
    like = {"p": f"{PREFIX}%"}
    with engine.connect() as connection:
        agents = "SELECT id FROM agent WHERE username LIKE :p"
        calls = connection.execute(text(f"SELECT id FROM call WHERE agent_id IN ({agents})"), like)
        call_ids = [row[0] for row in calls]
    with engine.begin() as connection:
        connection.execute(text(f"DELETE FROM agent_presence WHERE agent_id IN ({agents})"), like)
    delete_calls(engine, call_ids)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM waiting_call WHERE says = :p"), {"p": PREFIX})
        connection.execute(text("DELETE FROM agent WHERE username LIKE :p"), like)


class Heartbeats:
    """The floor's sessions beating meanwhile: ``HEARTBEATS_PER_S`` one-row writes."""

    def __init__(self, engine: Engine, agent_ids: list[int], clock: Any) -> None:
        self.engine, self.agent_ids, self.clock = engine, agent_ids, clock
        self.stop = threading.Event()
        self.written = 0
        self.seconds = 0.0
        self.thread = threading.Thread(target=self._run, name="bench-heartbeats", daemon=True)

    def _run(self) -> None:
        from swat_tui.domain import presence

        period = 1 / HEARTBEATS_PER_S
        number = 0
        while not self.stop.is_set():
            agent_id = self.agent_ids[number % len(self.agent_ids)]
            if (number % len(self.agent_ids) + 1) % STALE_EVERY:  # the stale stay stale
                token = f"bench-floor-{number % len(self.agent_ids) + 1}"
                if presence.heartbeat(
                    self.engine, agent_id=agent_id, token=token, now=self.clock()
                ):
                    self.written += 1
            number += 1
            self.stop.wait(period)

    @property
    def rate(self) -> float:
        """Heartbeats written a second while the readings were timed."""
        return self.written / self.seconds if self.seconds else 0.0

    def __enter__(self) -> Heartbeats:
        self._started = time.perf_counter()
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()
        self.seconds = time.perf_counter() - self._started


def run(store: Store, repeats: int) -> list[Figure]:
    """p50/p95 of ``repeats`` floor readings (and paints) against the presence rows alone."""
    from swat_tui.config import Settings, now_bogota
    from swat_tui.domain import presence
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.domain.supervisor.desk import SupervisorDesk

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    engine = services.engine
    backend = engine.dialect.name
    clean(engine)
    agent_ids = seed(engine, now_bogota())
    try:
        leader = SupervisorDesk(services, SignedOnAgent(0, LEADER, "Bench", "supervisor"))
        floor = leader.floor
        for _ in range(WARM_UP):
            floor.view(now_bogota())
            presence.floor(engine, now_bogota())
        view = floor.view(now_bogota())
        assert len(view.rows) >= AGENTS, f"{len(view.rows)} rows on the floor"
        readings: list[float] = []
        baseline: list[float] = []
        with Heartbeats(engine, agent_ids, now_bogota) as beats:
            for _ in range(repeats):
                started = time.perf_counter()
                floor.view(now_bogota())
                readings.append(_ms(started))
                started = time.perf_counter()
                presence.floor(engine, now_bogota())
                baseline.append(_ms(started))
        log(f"floor: {repeats} readings of {len(view.rows)} rows on {backend}; "
            f"{beats.written} heartbeats written meanwhile ({beats.rate:.0f}/s)")  # fmt: skip
        paints = _paints(store, view, max(10, repeats // 4))
    finally:
        clean(engine)
        services.close()
    p95, base = percentile(readings, 0.95), median(baseline)
    figures = [
        Figure(
            bench="floor",
            name=f"floor view of {AGENTS} agents ({backend}), p95",
            value=p95,
            unit="ms",
            goal=f"< {GOAL_P95_MS:.0f} ms",
            baseline=base,
            baseline_name="presence rows alone (median)",
            ratio=ratio(p95, base),
            verdict=verdict(p95 < GOAL_P95_MS),
            note=f"p50 {median(readings):.2f} ms; {beats.rate:.0f} heartbeats/s meanwhile",
        )
    ]
    if paints:
        paint95 = percentile(paints, 0.95)
        total = p95 + paint95
        figures.append(
            Figure(
                bench="floor",
                name=f"SUP001 paint of {AGENTS} agents (80x24), p95",
                value=paint95,
                unit="ms",
                goal=f"reading + paint < {GOAL_P95_MS:.0f} ms",
                baseline=p95,
                baseline_name="the floor view's reading (p95)",
                ratio=ratio(paint95, p95),
                verdict=verdict(total < GOAL_P95_MS),
                note=f"p50 {median(paints):.2f} ms; reading + paint p95 {total:.1f} ms",
            )
        )
    return figures


def _paints(store: Store, view: Any, repeats: int) -> list[float]:
    """The panel's paint of ``view`` (keeping options, page and side column), timed in a
    headless Pilot until the compositor has refreshed and the frame is encoded, as
    ``bench/panel.py`` times a panel's opening."""
    import asyncio

    from bench.panel import frame_shows, painted_frame
    from swat_tui.config import Settings
    from swat_tui.ui.app import make_app
    from swat_tui.ui.screens.supervisor import floor as panel
    from swat_tui.ui.screens.supervisor.floor import FloorScreen

    times: list[float] = []
    panel.EVERY_S = 3600.0  # no reading of its own between the timed paints

    async def session() -> None:
        app = make_app(Settings(db_url=store.url, seed_demo_accounts=0, frozen=True))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.wait_for_store()
            services = app.services
            assert services is not None
            await app.signed_on(_supervisor(services))
            await app.navigator.open_panel("SUP001")
            await app.workers.wait_for_complete()
            screen = app.screen
            assert isinstance(screen, FloorScreen)
            first = view.rows[0].username
            for number in range(repeats + WARM_UP):
                await pilot.pause()  # untimed: the previous paint's messages settle
                started = time.perf_counter()
                screen._show(view)
                await pilot._wait_for_screen()
                app.screen._on_timer_update()  # the refresh the update timer would run now
                frame = painted_frame(app)
                if number >= WARM_UP:
                    times.append(_ms(started))
                if not frame_shows(frame, first):
                    raise RuntimeError(f"painted frame does not show {first!r}")

    asyncio.run(session())
    return times


def _supervisor(services: Any) -> Any:
    """The bench's supervisor, signed on without a password."""
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.store.engine import read_session
    from swat_tui.store.queries.agents import get_agent

    with read_session(services.engine) as session:
        agent = get_agent(session, username=LEADER)
        assert agent is not None and agent.id is not None
        return SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)


if __name__ == "__main__":
    import sys

    from bench.demo_build import prepare_server_store

    url = sys.argv[1] if len(sys.argv) > 1 else ""
    if not url:
        raise SystemExit("usage: python -m bench.floor POSTGRESQL_URL (a store with accounts)")
    for figure in run(prepare_server_store(url, 1000), 100):
        print(f"{figure.name}: {figure.value:.2f} {figure.unit} ({figure.goal}: {figure.verdict}); "
              f"{figure.baseline_name} {figure.baseline:.2f} ms; {figure.note}")  # fmt: skip
