"""Figure 7: writing the call state after each field, through the call service on SQLite.

Every completed field of a call panel is one ``CallService`` write: a
``BEGIN IMMEDIATE`` transaction that reads the call, updates its row (the
procedure state as JSON) and adds a ``call_event`` row. The benchmark writes
into the bench store itself (a copy of a 1 GB store would take longer than the
benchmark; the indexes that matter are those of the real store): calls of the
bench profile are offered and answered (untimed), then each gets
``set_field`` for caller name, document, relation, callback number and the
request draft (``request_draft``, a state field as LLM002 writes it), and
``record_check`` for "saludo" and "estado_revisado", each timed. The call is
then hung up (untimed), and every call the run made is deleted at the end.

Baseline, interleaved with the writes (one after each): a bare
``BEGIN IMMEDIATE; UPDATE call SET hold_seconds = hold_seconds WHERE id = ?;
COMMIT`` on a connection of the same engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from sqlalchemy import text

from bench.common import (
    BENCH_USER,
    Figure,
    delete_calls,
    log,
    median,
    percentile,
    ratio,
    verdict,
)
from bench.demo_build import Store

GOAL_P95_MS = 5.0
WARM_UP_CALLS = 3
QUEUE = "HOGAR_SAC"
ANI = "3001234567"
# (method, field or check, value): the writes of one call, in the order an agent makes them.
WRITES = (
    ("set_field", "caller_name", "Ana María Banco"),
    ("set_field", "caller_document", "52.123.456"),
    ("set_field", "caller_relation", "titular"),
    ("set_field", "callback_number", "300 123-4567"),
    ("record_check", "saludo", "guion leído"),
    ("record_check", "estado_revisado", "revisada"),
    ("set_field", "request_draft", "Factura con un cobro no reconocido de 35.000 pesos"),
)


def _ms(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1e3


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95/max of ``count`` call-state writes, and of a bare update, in milliseconds."""
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    engine = services.engine
    calls = services.calls
    # The engine starts transactions with the "sqlite_begin" execution option (store.engine).
    immediate = engine.execution_options(sqlite_begin="IMMEDIATE")
    bare_update = text("UPDATE call SET hold_seconds = hold_seconds WHERE id = :id")

    def bare_write(call_id: int) -> None:
        with immediate.begin() as connection:
            connection.execute(bare_update, {"id": call_id})

    times: dict[str, list[float]] = {"set_field": [], "record_check": []}
    every: list[float] = []
    bare: list[float] = []
    call_ids: list[int] = []
    try:
        with engine.connect() as connection:
            agent_id = connection.execute(
                text("SELECT id FROM agent WHERE username = :u"), {"u": BENCH_USER}
            ).scalar_one()
            existing = connection.execute(text("SELECT count(*) FROM call")).scalar_one()
            events = connection.execute(text("SELECT count(*) FROM call_event")).scalar_one()
        for record in calls.interrupted(agent_id):  # left open by an interrupted run
            delete_calls(engine, [record.id])
        log(
            f"call_writes: {count} writes on a store with {existing:,} calls, "
            f"{events:,} call events"
        )
        call_number = 0
        while len(every) < count:
            record = calls.offer(agent_id=agent_id, ani=ANI, queue=QUEUE)
            call_ids.append(record.id)
            calls.answer(record.id)
            counted = call_number >= WARM_UP_CALLS
            for method, name, value in WRITES:
                if counted and len(every) >= count:
                    break
                elapsed = _ms(partial(getattr(calls, method), record.id, name, value))
                base = _ms(partial(bare_write, record.id))
                if counted:
                    times[method].append(elapsed)
                    every.append(elapsed)
                    bare.append(base)
            calls.hang_up(record.id)
            call_number += 1
    finally:
        if call_ids:
            delete_calls(engine, call_ids)
            log(f"call_writes: deleted the {len(call_ids)} calls the run made")
        services.close()
    p50, p95 = median(every), percentile(every, 0.95)
    b50, b95 = median(bare), percentile(bare, 0.95)
    figures = [
        Figure(
            "call_writes",
            f"call-state write p50 (n={len(every)})",
            p50,
            "ms",
            baseline=b50,
            baseline_name="bare UPDATE p50",
            ratio=ratio(p50, b50),
            note=f"store had {existing:,} calls, {events:,} call events",
        ),
        Figure(
            "call_writes",
            f"call-state write p95 (n={len(every)})",
            p95,
            "ms",
            goal=f"< {GOAL_P95_MS:g} ms",
            baseline=b95,
            baseline_name="bare UPDATE p95",
            ratio=ratio(p95, b95),
            verdict=verdict(p95 < GOAL_P95_MS),
            note=f"p99 {percentile(every, 0.99):.2f} ms",
        ),
        Figure(
            "call_writes",
            "call-state write max",
            max(every),
            "ms",
            baseline=max(bare),
            baseline_name="bare UPDATE max",
            ratio=ratio(max(every), max(bare)),
        ),
    ]
    for method, values in times.items():
        m50, m95 = median(values), percentile(values, 0.95)
        figures.append(
            Figure(
                "call_writes",
                f"{method}() p95 (n={len(values)})",
                m95,
                "ms",
                goal=f"< {GOAL_P95_MS:g} ms",
                baseline=b95,
                baseline_name="bare UPDATE p95",
                ratio=ratio(m95, b95),
                verdict=verdict(m95 < GOAL_P95_MS),
                note=f"p50 {m50:.2f} ms, max {max(values):.2f} ms",
            )
        )
    figures += [
        Figure(
            "call_writes",
            f"bare BEGIN IMMEDIATE/UPDATE/COMMIT p50 (n={len(bare)})",
            b50,
            "ms",
            note="baseline",
        ),
        Figure(
            "call_writes",
            f"bare BEGIN IMMEDIATE/UPDATE/COMMIT p95 (n={len(bare)})",
            b95,
            "ms",
            note="baseline",
        ),
    ]
    return figures
