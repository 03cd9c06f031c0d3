"""Figure 5: peak memory (RSS) of the app on the store, vs a bare Textual app.

The real app runs headless in a child process through a scripted session
(``_memory_child.py``): sign on, search several cuentas and open each panel,
F7 and F10, then a search by document and one by phone. The peak is the
child's own VmHWM (``/proc/self/status``) read after the app has shut down;
it also reports VmHWM after each stage, to show where the memory went.
(``ru_maxrss`` from ``wait4`` is not used: Python spawns children with
``vfork``, and Linux then carries the parent's high-water mark into the
child's.) Baseline: the bare Textual app, run and measured the same way.
Figures are MiB (1024 x 1024 bytes), the goal too.

Then one agent's session of calls (issue 19): the real app signs on and takes
100 practice calls through the whole procedure by keys (``_shift_child.py``
with no panel rounds, so the same calls as the long-shift figure), on the
run's store, SQLite or PostgreSQL (``--db``). Reported: its peak RSS (goal
under 100 MiB: a served floor pays it once per browser tab), the current RSS
at sign-on and after the calls, and on PostgreSQL the most connections the
session held at once (``pg_stat_activity`` by the ``application_name`` the run
gives the child's URL), sampled every 0.2 s.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import (
    BENCH_PASSWORD,
    BENCH_USER,
    Figure,
    child_command,
    child_env,
    log,
    ratio,
    sample_accounts,
    verdict,
)
from bench.demo_build import Store

GOAL_MIB = 150.0
GOAL_CALLS_MIB = 100.0  # issue 19: one agent's session of calls, either store
CALLS_SEED = 8
RANDOM_PANELS = 4
SHOWCASE_PANELS = ("everything", "blacklist", "swat_folder", "many_accounts_document")


def run_child(argv: list[str]) -> tuple[float, dict[str, object]]:
    """Run a child to the end; its peak RSS in MiB and its JSON report."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=child_env(),
        )
        assert process.stdout is not None
        output = process.stdout.read()
        process.stdout.close()
        process.wait()
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(
                f"memory child failed ({process.returncode}): "
                f"{errors.read().decode(errors='replace')[-2000:]}"
            )
    lines = output.decode().strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    peak_kb = report.get("peak_kb")
    if not isinstance(peak_kb, int) or peak_kb <= 0:
        raise RuntimeError("the child could not read its VmHWM (Linux /proc needed)")
    return peak_kb / 1024, report


def _session_spec(store: Store, soak: int) -> dict[str, object]:
    from sqlalchemy import create_engine

    from swat_tui.store.demo import SHOWCASE, SHOWCASE_MIN_ACCOUNTS

    engine = create_engine(store.url)
    try:
        sampled = sample_accounts(engine, RANDOM_PANELS + 2 + soak, random.Random(5))
    finally:
        engine.dispose()
    cuentas = [a.cuenta for a in sampled[:RANDOM_PANELS]]
    if store.accounts >= SHOWCASE_MIN_ACCOUNTS:
        cuentas += [SHOWCASE[key] for key in SHOWCASE_PANELS]
    document, phone = sampled[RANDOM_PANELS], sampled[RANDOM_PANELS + 1]
    return {
        "url": child_url(store),
        "user": BENCH_USER,
        "password": BENCH_PASSWORD,
        "cuentas": cuentas,
        "document": document.document_number,
        "phone": phone.phone_mobile or phone.phone_fixed or "",
        "soak": [a.cuenta for a in sampled[RANDOM_PANELS + 2 :]],
    }


APPLICATION = "swat-bench-memory"


@contextmanager
def held_connections(store: Store) -> Iterator[list[int]]:
    """While the block runs, the connections the child named ``APPLICATION`` holds,
    sampled every 0.2 s (empty off PostgreSQL)."""
    samples: list[int] = []
    if make_url(store.url).get_backend_name() != "postgresql":
        yield samples
        return
    stop = threading.Event()
    engine = create_engine(store.url)

    def sample() -> None:
        query = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
        with engine.connect() as connection:
            while not stop.wait(0.2):
                samples.append(int(connection.execute(query, {"name": APPLICATION}).scalar_one()))
                connection.rollback()  # a fresh snapshot of pg_stat_activity each time

    thread = threading.Thread(target=sample, name="memory-connections", daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()
        engine.dispose()


def child_url(store: Store) -> str:
    """The store's URL for the child: on PostgreSQL it carries ``APPLICATION``."""
    url = make_url(store.url)
    if url.get_backend_name() != "postgresql":
        return store.url
    named = url.update_query_dict({"application_name": APPLICATION})
    return named.render_as_string(hide_password=False)


def calls_session(store: Store, calls: int) -> list[Figure]:
    """Sign-on and ``calls`` practice calls by keys in the real app: its RSS."""
    from bench.common import BENCH_PASSWORD as password
    from bench.keys import pick_accounts
    from bench.shift import _run_swat

    wanted = min(calls, store.accounts // 3)
    accounts = [a.cuenta for a in pick_accounts(store, wanted, random.Random(CALLS_SEED))]
    spec: dict[str, Any] = {
        "url": child_url(store),
        "user": BENCH_USER,
        "password": password,
        "cuentas": [],
        "call_cuentas": [accounts[i % len(accounts)] for i in range(calls)],
        "opens": 0,
        "block": 1,
        "trace": 0,
    }
    log(f"memory: swat session, sign-on then {calls} practice calls by keys")
    with held_connections(store) as connections:
        report = _run_swat(store, spec)
    marks = {m["stage"]: m for m in report["marks"]}
    peak = report["peak_kb"] / 1024
    after = marks["calls"]["rss_kb"] / 1024
    signed = marks["sign_on"]["rss_kb"] / 1024
    backend = make_url(store.url).get_backend_name()
    figures = [
        Figure(
            "memory",
            f"swat peak RSS, sign-on + {calls} practice calls ({backend})",
            peak,
            "MiB",
            goal=f"< {GOAL_CALLS_MIB:g} MiB",
            verdict=verdict(peak < GOAL_CALLS_MIB),
            note=f"current RSS {signed:.0f} MiB at sign-on, {after:.0f} MiB after the calls",
        ),
        Figure(
            "memory",
            f"swat current RSS after {calls} practice calls ({backend})",
            after,
            "MiB",
            goal=f"< {GOAL_CALLS_MIB:g} MiB",
            verdict=verdict(after < GOAL_CALLS_MIB),
            note=f"{after - signed:+.1f} MiB over the calls",
        ),
    ]
    if connections:
        figures.append(
            Figure(
                "memory",
                "PostgreSQL connections held by the session",
                float(max(connections)),
                "connections",
                note=f"most at once over {len(connections)} samples; "
                f"median {sorted(connections)[len(connections) // 2]}",
            )
        )
    return figures


def run(store: Store, soak: int, calls: int = 0) -> list[Figure]:
    """Peak RSS of the agent session, of a long shift, of a session of calls, and of
    the bare app, in MiB."""
    spec = _session_spec(store, soak)
    log("memory: bare Textual app")
    bare_mb, _ = run_child(child_command("_memory_child.py", "bare"))
    panels = len(spec["cuentas"])  # type: ignore[arg-type]
    log(f"memory: swat session ({panels} panels with F7 and F10, then {soak} more panels)")
    _, report = run_child(child_command("_memory_child.py", "swat", json.dumps(spec)))
    stages: dict[str, int] = report.get("stages", {})  # type: ignore[assignment]
    visited: list[str] = report.get("visited", [])  # type: ignore[assignment]
    current: dict[str, int] = report.get("current", {})  # type: ignore[assignment]
    shift: dict[str, float] = report.get("shift", {})  # type: ignore[assignment]
    session_mb = stages["end"] / 1024
    steps = ", ".join(
        f"{name} {stages[name] / 1024:.0f}/{current.get(name, 0) / 1024:.0f}" for name in stages
    )
    figures = [
        Figure(
            "memory",
            f"swat peak RSS, agent session ({panels} panels, F7, F10)",
            session_mb,
            "MiB",
            goal=f"< {GOAL_MIB:g} MiB",
            baseline=bare_mb,
            baseline_name="bare Textual app",
            ratio=ratio(session_mb, bare_mb),
            verdict=verdict(session_mb < GOAL_MIB),
            note=f"after each stage, peak/current RSS (MiB): {steps}",
        ),
    ]
    if soak:
        stage = f"shift_{soak}"  # read before the GC census, which itself takes memory
        shift_mb = stages[stage] / 1024
        grown = (current.get(stage, 0) - current.get("end", 0)) / 1024
        figures += [
            Figure(
                "memory",
                f"swat peak RSS after {soak} more panel opens (long shift)",
                shift_mb,
                "MiB",
                goal=f"< {GOAL_MIB:g} MiB",
                baseline=bare_mb,
                baseline_name="bare Textual app",
                ratio=ratio(shift_mb, bare_mb),
                verdict=verdict(shift_mb < GOAL_MIB),
                note=f"current RSS grew {grown:+.1f} MiB over those {soak} panels",
            ),
            Figure(
                "memory",
                f"objects tracked by the GC after the {soak} panels",
                shift.get("objects"),
                "objects",
                note=f"one full collection then took {shift.get('full_gc_ms', 0):.0f} ms",
            ),
        ]
    if calls:
        figures += calls_session(store, calls)
    figures += [
        Figure("memory", "bare Textual app peak RSS", bare_mb, "MiB", note="baseline"),
        Figure(
            "memory",
            "screens reached in the session",
            float(len(visited)),
            "screens",
            note=" ".join(dict.fromkeys(visited)),
        ),
    ]
    return figures
