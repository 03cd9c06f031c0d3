"""What every benchmark shares: the figure record, statistics, sampling, child processes."""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

BENCH_DIR = Path(__file__).resolve().parent
# Bytecode of the child processes goes here, never next to the sources (see child_env).
PYCACHE_DIR = Path(tempfile.gettempdir()) / "swat-bench-pycache"
BENCH_USER = "BENCH01"
BENCH_PASSWORD = "bench2026"
BENCH_DISPLAY_NAME = "Perfil de benchmarks"


@dataclass
class Figure:
    """One line of the report: a measured value, its goal and its baseline."""

    bench: str
    name: str
    value: float | None
    unit: str
    goal: str = ""
    baseline: float | None = None
    baseline_name: str = ""
    ratio: float | None = None
    verdict: str = ""  # "meets", "misses" or "" when the figure has no goal
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RunConfig:
    """How big and how long the run is (from the command line)."""

    accounts: int
    quick: bool
    paint_repeats: int
    lookups: int
    panels: int
    json_path: Path | None = None
    notes: list[str] = field(default_factory=list)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (0..1) with linear interpolation between ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * fraction
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 0.5)


def ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or not baseline:
        return None
    return value / baseline


def verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


@dataclass(frozen=True)
class SampledAccount:
    """What the benchmarks type to find one existing account."""

    cuenta: int
    document_type: str
    document_number: str
    phone_mobile: str | None
    phone_fixed: str | None


def sample_accounts(engine: Engine, count: int, rng: random.Random) -> list[SampledAccount]:
    """``count`` distinct existing accounts drawn with ``rng`` (deterministic per store)."""
    with engine.connect() as connection:
        low, high = connection.execute(text("SELECT min(cuenta), max(cuenta) FROM account")).one()
        total = connection.execute(text("SELECT count(*) FROM account")).scalar_one()
        count = min(count, total)
        chosen: dict[int, SampledAccount] = {}
        while len(chosen) < count:
            draws = [rng.randint(low, high) for _ in range(count - len(chosen))]
            fresh = [cuenta for cuenta in dict.fromkeys(draws) if cuenta not in chosen]
            if not fresh:
                continue
            marks = ",".join(str(cuenta) for cuenta in fresh)
            rows = connection.execute(
                text(
                    "SELECT cuenta, document_type, document_number, phone_mobile, phone_fixed "
                    f"FROM account WHERE cuenta IN ({marks})"
                )
            ).all()
            found = {row[0]: SampledAccount(*row) for row in rows}
            for cuenta in fresh:  # keep the order of the draws, not of the index
                if cuenta in found and len(chosen) < count:
                    chosen[cuenta] = found[cuenta]
    return list(chosen.values())


def child_env() -> dict[str, str]:
    """Environment of the child processes: a terminal, and bytecode caching on.

    The sandbox sets ``PYTHONDONTWRITEBYTECODE``, and no ``.pyc`` exists in the
    venv, so each cold start would compile Textual from source. An installed
    app has its bytecode, so children cache it under ``PYCACHE_DIR`` (outside
    the project), filled by an untimed warm-up run.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE_DIR)
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


def child_command(script: str, *args: str) -> list[str]:
    """Run one of the bench's child scripts with this interpreter (no ``uv`` in between)."""
    return [sys.executable, str(BENCH_DIR / script), *args]


def warm_store(path: Path) -> float:
    """Read the store file once, so the timed keys find it in the OS cache as a store
    serving a floor all day would be; the seconds it took.

    On the shared test machines a random page read from disk takes ~1.5 ms and
    spikes to hundreds under other tenants' I/O, and the cache is trimmed as
    they run: a key's figure would say where the disk stood, not what the key
    costs. Reading 1.5 GB sequentially takes ~3 s.
    """
    started = time.perf_counter()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            with part.open("rb", buffering=0) as stream:
                while stream.read(8 << 20):
                    pass
    return time.perf_counter() - started


def log(message: str) -> None:
    """Progress on stderr, so stdout keeps only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# Tables whose rows point at a call, deleted before the call itself (children first).
CALL_CHILD_TABLES = ("typification", "call_event", "call_request", "dime_case", "refused_intent")


def delete_calls(engine: Engine, call_ids: Sequence[int]) -> int:
    """Delete calls a benchmark made, with every row that points at them; how many."""
    ids = sorted(set(call_ids))
    deleted = 0
    with engine.begin() as connection:
        for start in range(0, len(ids), 500):
            marks = ",".join(str(int(call_id)) for call_id in ids[start : start + 500])
            for table in CALL_CHILD_TABLES:
                connection.execute(text(f"DELETE FROM {table} WHERE call_id IN ({marks})"))
            # A run killed mid-call leaves its session's presence on the call.
            connection.execute(
                text(
                    "UPDATE agent_presence SET call_id = NULL, step = NULL, panel = NULL"
                    f" WHERE call_id IN ({marks})"
                )
            )
            deleted += connection.execute(text(f"DELETE FROM call WHERE id IN ({marks})")).rowcount
    return deleted
