"""The call KPIs over many calls (issue 21: think of 100,000): time and peak memory.

Fills a fresh SQLite store (or an empty PostgreSQL database with ``--db``) with
``--calls`` finished calls: the demo's week of calls (``store.demo.call_week``)
written for ``AGENTS`` asesores over as many weeks as it takes, each call with
its events, request and typification. Then times SUP040's read (one row per
agent for the whole span), ``swat kpi``'s (per agent and day) and SUP041's (one
agent's codes and time per step, a window function over its events), with the
peak of Python memory each takes: the sums are grouped in SQL, so memory
follows the agents and days, not the calls.

``uv run python -m bench.kpi --calls 100000`` (the fill takes minutes; the
figures are printed, not judged).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select

from swat_tui.config import BOGOTA
from swat_tui.domain.supervisor.kpi import Period, detail, report
from swat_tui.store.demo import build_demo
from swat_tui.store.demo.call_week import write_call_week
from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.migrate import upgrade
from swat_tui.store.models import Agent, Call

AGENTS = 40
ACCOUNTS = 2_000
TODAY = date(2026, 11, 28)


def fill(engine: Engine, calls: int) -> tuple[date, date]:
    """Accounts, ``AGENTS`` asesores and weeks of calls until ``calls``; the span."""
    upgrade(engine)
    with write_session(engine) as session:
        for number in range(1, AGENTS + 1):
            session.add(
                Agent(
                    username=f"ASESOR{number:02d}",
                    display_name=f"Asesor {number}",
                    role="asesor",
                    password_hash="x",
                    created_at=datetime(2026, 1, 1, tzinfo=BOGOTA),
                )
            )
    build_demo(engine, accounts=ACCOUNTS, seed=1, today=TODAY, call_week=False)
    written, week = 0, 0
    while written < calls:
        with engine.begin() as connection:
            today = TODAY - timedelta(days=7 * week)
            written += write_call_week(connection, today=today, seed=week, accounts=ACCOUNTS)
        week += 1
    return TODAY - timedelta(days=7 * week), TODAY


def measure(name: str, read: Callable[[], object]) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    read()
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{name:<42} {seconds * 1000:>9.0f} ms   peak {peak / 2**20:>6.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.kpi", description=__doc__)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--db", default=None, metavar="URL", help="an empty PostgreSQL database")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="swat-kpi-bench-")
    engine = make_engine(args.db or f"sqlite:///{Path(folder) / 'kpi.db'}")
    started = time.perf_counter()
    since, until = fill(engine, args.calls)
    with engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(Call)).scalar_one()
    print(f"{stored:,} calls written in {time.perf_counter() - started:.0f} s ({since}..{until})")
    period = Period(since, until)
    measure("SUP040: per agent, whole span", lambda: report(engine, period, by_day=False))
    measure("swat kpi: per agent and day", lambda: report(engine, period, by_day=True))
    measure("SUP041: one agent's codes and steps", lambda: detail(engine, period, "ASESOR01"))
    engine.dispose()


if __name__ == "__main__":
    main()
