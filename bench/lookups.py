"""Figure 2: account look-ups by cuenta, document and phone through the domain.

Each look-up is what the search screen does on Enter: ``parse_query`` on the
typed text, then ``AccountService.search`` (first page of 10 and the total).
Values are existing ones, drawn with ``random.Random(1)`` from the store, a
separate set of accounts per kind. Baseline: a ``SELECT 1`` round trip in a
session of the same engine, timed the same way in the same run.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from sqlalchemy import text

from bench.common import (
    Figure,
    SampledAccount,
    log,
    median,
    percentile,
    ratio,
    sample_accounts,
    verdict,
)
from bench.demo_build import Store

GOAL_P95_MS = 10.0
WARM_UP = 20


def _timed(calls: list[Callable[[], object]]) -> list[float]:
    """Milliseconds of each call, in order."""
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1e3)
    return times


def _texts(
    accounts: list[SampledAccount], count: int, rng: random.Random
) -> dict[str, list[tuple[str, str]]]:
    """What an agent would type, ``count`` of each: (kind code, value) per query kind.

    Phones: the mobile or the fixed number at random (accounts with neither are skipped).
    """
    by_cuenta, by_document, rest = (
        accounts[:count],
        accounts[count : 2 * count],
        accounts[2 * count :],
    )
    phones: list[tuple[str, str]] = []
    for account in rest:
        use_fixed = account.phone_fixed and (rng.random() < 0.5 or not account.phone_mobile)
        phone = account.phone_fixed if use_fixed else account.phone_mobile
        if phone and len(phones) < count:
            phones.append(("3", phone))
    return {
        "cuenta": [("1", str(a.cuenta)) for a in by_cuenta],
        "document": [("2", f"{a.document_type} {a.document_number}") for a in by_document],
        "phone": phones,
    }


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95 of each kind of look-up, and of ``SELECT 1``, in milliseconds."""
    from swat_tui.config import Settings
    from swat_tui.domain.account.query import parse_query
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.store.engine import read_session

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    try:
        rng = random.Random(1)
        # A few spare accounts for the phone kind: some accounts have no phone.
        accounts = sample_accounts(services.engine, 4 * count + WARM_UP, rng)
        warm, accounts = accounts[:WARM_UP], accounts[WARM_UP:]
        queries = _texts(accounts, count, rng)
        search = services.accounts.search

        def look_up(kind: str, value: str) -> Callable[[], object]:
            return lambda: search(parse_query(kind, value))

        def select_one() -> object:
            with read_session(services.engine) as session:
                return session.connection().execute(text("SELECT 1")).scalar_one()

        # Warm the pool, SQLAlchemy's statement cache and the import of every path.
        _timed([look_up("1", str(a.cuenta)) for a in warm] + [select_one] * WARM_UP)
        _timed([look_up("3", a.phone_mobile) for a in warm if a.phone_mobile])
        _timed([look_up("2", f"{a.document_type} {a.document_number}") for a in warm])

        log(f"lookups: {count} of each kind on {store.accounts:,} accounts")
        baseline = _timed([select_one] * count)
        base50, base95 = median(baseline), percentile(baseline, 0.95)
        figures = [
            Figure("lookups", "SELECT 1 round trip p50", base50, "ms", note="baseline"),
            Figure("lookups", "SELECT 1 round trip p95", base95, "ms", note="baseline"),
        ]
        for name, typed in queries.items():
            times = _timed([look_up(kind, value) for kind, value in typed])
            p50, p95 = median(times), percentile(times, 0.95)
            figures += [
                Figure(
                    "lookups",
                    f"by {name} p50 (n={len(times)})",
                    p50,
                    "ms",
                    baseline=base50,
                    baseline_name="SELECT 1 p50",
                    ratio=ratio(p50, base50),
                ),
                Figure(
                    "lookups",
                    f"by {name} p95 (n={len(times)})",
                    p95,
                    "ms",
                    goal=f"< {GOAL_P95_MS:g} ms",
                    baseline=base95,
                    baseline_name="SELECT 1 p95",
                    ratio=ratio(p95, base95),
                    verdict=verdict(p95 < GOAL_P95_MS),
                    note=f"p99 {percentile(times, 0.99):.2f} ms, max {max(times):.2f} ms",
                ),
            ]
        return figures
    finally:
        services.close()
