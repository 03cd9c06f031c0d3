"""``swat base import`` of a 100,000-row base: time and peak memory.

A store of the bench's own (``_campaign_store``: 100,000 accounts) and a CSV of
100,000 rows as Excel writes it (cp1252, semicolons, a second phone on every third
row, 1 % of rows rejected: unknown accounts and bad phones). The import runs in a
child process so its peak RSS (VmHWM) is its own; the figure is the peak over the
child's RSS before the import (interpreter and libraries loaded), which is what
the file's size could make grow. Goals: under 30 s, under 100 MiB more memory.

``uv run python -m bench.base_import`` prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from bench import _campaign_store
from bench.common import Figure, child_command, child_env, log, verdict

ROWS = 100_000
GOAL_S = 30.0
GOAL_MIB = 100.0


def write_base(path: Path, rows: int) -> None:
    """The client's file: cuenta;teléfono;teléfono 2;nombre, one line per account."""
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write("Cuenta;Teléfono;Teléfono 2;Nombre\r\n")
        for n in range(rows):
            cuenta = _campaign_store.FIRST + n
            if n % 100 == 7:
                cuenta += 10_000_000  # not in RR: rejected
            phone = f"3{n % 1_000_000_000:09d}" if n % 100 != 9 else "555123"
            second = f"601{n % 10_000_000:07d}" if n % 3 == 0 else ""
            out.write(f"{cuenta};{phone};{second};José Núñez {n}\r\n")


def run(rows: int = ROWS) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="swat-bench-base-") as folder:
        store, base = Path(folder) / "base.db", Path(folder) / "base.csv"
        log(f"base_import: a store of {rows:,} accounts and a file of {rows:,} rows")
        _campaign_store.build(store, rows).dispose()
        write_base(base, rows)
        size_mib = base.stat().st_size / 2**20
        done = subprocess.run(
            child_command("_base_import_child.py", f"sqlite:///{store}", str(base)),
            env=child_env(),
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
    grown = result["peak_mib"] - result["before_mib"]
    note = f"{result['loaded']:,} loaded, {result['rejected']:,} rejected; file {size_mib:.1f} MiB"
    return [
        Figure(
            "base_import",
            f"import of {rows:,} rows (SQLite)",
            round(result["seconds"], 2),
            "s",
            goal=f"< {GOAL_S:.0f} s",
            verdict=verdict(result["seconds"] < GOAL_S),
            note=note,
        ),
        Figure(
            "base_import",
            "peak memory over the process before the import",
            round(grown, 1),
            "MiB",
            goal=f"< {GOAL_MIB:.0f} MiB",
            baseline=round(result["before_mib"], 1),
            baseline_name="process before",
            verdict=verdict(grown < GOAL_MIB),
        ),
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
