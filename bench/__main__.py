"""``python -m bench``: run the benchmarks and print the report (see bench/README.md)."""

from __future__ import annotations

import argparse
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench import (
    agenda_booking,
    base_import,
    branch_keys,
    call_writes,
    demo_build,
    first_paint,
    floor,
    indicator,
    keys,
    lookups,
    memory,
    panel,
    scorecard,
    shift,
    support_keys,
    training_keys,
)
from bench.common import Figure, log
from bench.demo_build import Store
from bench.report import print_report, write_json

BENCHES = (
    "first_paint",
    "lookups",
    "panel",
    "keys",
    "branch_keys",
    "support_keys",
    "training_keys",
    "agenda_booking",
    "call_writes",
    "scorecard",
    "floor",
    "base_import",
    "indicator",
    "demo_build",
    "memory",
    "shift",
)
FULL_ACCOUNTS = 1_000_000
QUICK_ACCOUNTS = 20_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--accounts",
        type=int,
        default=None,
        help=f"store size (default {FULL_ACCOUNTS:,}; {QUICK_ACCOUNTS:,} with --quick)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="store file to reuse if it has >= N accounts, else to build "
        "(default: <tmp>/swat-bench-<N>.db)",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="a server's store instead of a file, e.g. postgresql+psycopg://user@host/db: "
        "reused if it has >= N accounts, built if it has none",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: small store, fewer repetitions"
    )
    parser.add_argument("--only", choices=BENCHES, default=None, help="run one benchmark")
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        metavar="PATH",
        help="also write the figures as JSON to PATH",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    accounts = args.accounts or (QUICK_ACCOUNTS if args.quick else FULL_ACCOUNTS)
    # Repetitions: first-paint runs, look-ups per kind, panel opens, long-shift panels,
    # key presses of each kind, whole guided calls, call-state writes.
    paint_repeats, lookups_n, panels_n, soak, keys_n, calls_n, writes_n = (
        (3, 100, 40, 100, 20, 20, 300) if args.quick else (7, 300, 200, 400, 40, 40, 1000)
    )
    branch_n = 5 if args.quick else 15  # calls per SAC/PQR sub-flow (and per scenario)
    scorecards_n = 50 if args.quick else 200  # long calls scored
    # Long shift: panel opens per block, blocks, practice calls.
    shift_block, shift_blocks, shift_calls = (100, 4, 10) if args.quick else (400, 5, 100)
    started = time.perf_counter()
    store = (
        demo_build.prepare_server_store(args.db, accounts)
        if args.db
        else demo_build.prepare_store(args.store, accounts)
    )
    runs: dict[str, Callable[[Store], list[Figure]]] = {
        "first_paint": lambda s: first_paint.run(s, paint_repeats),
        "lookups": lambda s: lookups.run(s, lookups_n),
        "panel": lambda s: panel.run(s, panels_n),
        "keys": lambda s: keys.run(s, keys_n, calls_n),
        "branch_keys": lambda s: branch_keys.run(s, branch_n),
        "support_keys": lambda s: support_keys.run(s, branch_n),
        "training_keys": lambda s: training_keys.run(s, branch_n),
        "agenda_booking": lambda _s: agenda_booking.run(80 if args.quick else 400),
        "call_writes": lambda s: call_writes.run(s, writes_n),
        "scorecard": lambda _s: scorecard.run(scorecards_n),
        "floor": lambda s: floor.run(s, 100 if args.quick else 500),
        "base_import": lambda _s: base_import.run(),
        "indicator": lambda _s: indicator.run(5 if args.quick else 20),
        "demo_build": demo_build.run,
        "memory": lambda s: memory.run(s, soak, shift_calls),
        "shift": lambda s: shift.run(s, shift_block, shift_blocks, shift_calls),
    }
    figures: list[Figure] = []
    failures: list[str] = []
    for name in BENCHES:
        if args.only and name != args.only:
            continue
        log(f"--- {name}")
        try:
            figures += runs[name](store)
        except Exception as error:  # one broken benchmark must not hide the others
            traceback.print_exc()
            failures.append(f"{name} failed: {type(error).__name__}: {error}")
            figures.append(Figure(name, "FAILED", None, "", note=str(error)[:120]))
    notes = [
        f"Store: {store.accounts:,} accounts, "
        + ("reused: demo build not measured" if store.reused else "built in this run"),
        "Figures are timings on this machine now; ratios compare with a baseline measured "
        "in the same run (see bench/README.md).",
        f"CPUs: {os.cpu_count()}; load average at the end: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        f"Run took {time.perf_counter() - started:.0f} s.",
        *failures,
    ]
    context = {
        "accounts": store.accounts,
        "store": store.shown,
        "reused": store.reused,
        "quick": args.quick,
        "notes": notes,
    }
    print_report(figures, context)
    if args.json:
        write_json(args.json, figures, context)
        log(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
