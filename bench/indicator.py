"""CASOS CONTACTO EFECTIVO over a 100,000-record base (goal: under 200 ms).

A store of the bench's own (``_campaign_store``) holds one campaign of 100,000
records worked for 30 days by 20 asesores: 150,000 attempts, about half the records
contacted. Timed: ``read_indicator`` (by status, per agent, per day: the queries
SUP021 and ``swat base report`` make), median and p95 of ``repeats`` reads after one
untimed. Baseline: counting the base's records alone, the least any indicator costs.

``uv run python -m bench.indicator`` prints the figures.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlmodel import col, func, select

from bench import _campaign_store
from bench.common import Figure, log, median, percentile, ratio, verdict
from swat_tui.domain.supervisor.campaign.figures import read_indicator
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Agent, Campaign, CampaignAttempt, CampaignRecord
from swat_tui.store.queries import campaigns as queries

RECORDS = 100_000
ATTEMPTS = 150_000
DAYS = 30
GOAL_MS = 200.0
RESULTS = ("contacto_efectivo", "no_contesta", "ocupado", "buzon", "numero_errado")


def fill(engine: Engine, records: int, attempts: int, seed: int = 21) -> None:
    """The campaign, its records and a month of attempts (``seed``: the same rows)."""
    rng = random.Random(seed)
    now = _campaign_store.NOW
    start = now - timedelta(days=DAYS)
    with read_session(engine) as session:
        agents = [a for a in session.exec(select(col(Agent.id))).all() if a is not None]
    with write_session(engine) as session:
        campaign_id = queries.add_campaign(
            session,
            Campaign(code="BENCH", name="Bench", imported_at=start, imported_by="bench",
                     record_count=records),
        )  # fmt: skip
        queries.insert_records(
            session,
            [
                {"campaign_id": campaign_id, "line": n + 2, "cuenta": _campaign_store.FIRST + n,
                 "phone": f"3{n:09d}", "phone2": None, "status": "pendiente", "attempts": 0}
                for n in range(records)
            ],
        )  # fmt: skip
    with write_session(engine) as session:
        statement = select(col(CampaignRecord.id)).order_by(col(CampaignRecord.id))
        ids = [i for i in session.exec(statement).all() if i is not None]
        rows: list[dict[str, object]] = []
        contacted: dict[int, tuple[datetime, int]] = {}
        for _ in range(attempts):
            record = ids[rng.randrange(len(ids))]
            if record in contacted:
                continue
            at = start + timedelta(minutes=rng.randrange(DAYS * 24 * 60))
            result = rng.choice(RESULTS)
            agent = agents[rng.randrange(len(agents))]
            rows.append(
                {"campaign_id": campaign_id, "record_id": record, "agent_id": agent,
                 "phone": "3000000000", "result": result, "note": "", "at": at}
            )  # fmt: skip
            if result == "contacto_efectivo":
                contacted[record] = (at, agent)
        session.execute(insert(CampaignAttempt), rows)
        for record, (at, agent) in contacted.items():
            session.execute(
                CampaignRecord.__table__.update()  # type: ignore[attr-defined]
                .where(CampaignRecord.__table__.c.id == record)  # type: ignore[attr-defined]
                .values(status="contactado", contacted_at=at, contacted_by=agent, attempts=1)
            )


def run(repeats: int = 20, records: int = RECORDS, attempts: int = ATTEMPTS) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="swat-bench-indicator-") as folder:
        log(f"indicator: a base of {records:,} records and {attempts:,} attempts")
        engine = _campaign_store.build(Path(folder) / "indicator.db", records)
        fill(engine, records, attempts)
        now = _campaign_store.NOW
        indicator = read_indicator(engine, "BENCH", now=now)  # untimed: caches warm
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            read_indicator(engine, "BENCH", now=now)
            timings.append((time.perf_counter() - started) * 1000)
        counts = []
        for _ in range(repeats):
            started = time.perf_counter()
            with read_session(engine) as session:
                session.exec(select(func.count()).select_from(CampaignRecord)).one()
            counts.append((time.perf_counter() - started) * 1000)
        engine.dispose()
    p95, base = percentile(timings, 0.95), median(counts)
    note = (
        f"{indicator.records:,} records, {indicator.pct:.1f} % contacted, "
        f"{len(indicator.by_agent)} agents, {len(indicator.by_day)} days; median "
        f"{median(timings):.1f} ms"
    )
    return [
        Figure(
            "indicator",
            f"indicator over {records:,} records, p95 (SQLite)",
            round(p95, 1),
            "ms",
            goal=f"< {GOAL_MS:.0f} ms",
            baseline=round(base, 2),
            baseline_name="count of the records",
            ratio=ratio(p95, base),
            verdict=verdict(p95 < GOAL_MS),
            note=note,
        )
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
