"""Figure 8: does a long shift grow memory? RSS over 2,000 panel opens and 100 calls.

One run of the real app in a child process (``_shift_child.py``), driven by
keys only, as an agent: sign on, then panels opened in rounds of four (menu
option 1 -> CTA010, a cuenta and Intro -> CTA001, F7 -> NTS001, F12, F10 ->
INV001, F12, F3), then practice calls from the queue through the whole
procedure. The current RSS (not the peak) is read at sign-on, after every
block of panel opens and after the calls, each time once the app's idle-time
collection has run. Reported: those RSS figures, the growth after the first
block (the part that is not warm-up), the full (gen 2) collections that fell
inside a timed key, and how much slower the keys of the last block are than
those of the first. Baseline: a bare Textual app opening and closing as many
screens by keys, in the same pattern and with the same collection regime.

``python -m bench.shift --diagnose`` runs the app alone with ``tracemalloc``
on and prints where the memory that grows after the first block was
allocated, and which object types grew (slow; figures not comparable).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from typing import Any

from sqlalchemy import create_engine, text

from bench.common import (
    BENCH_PASSWORD,
    BENCH_USER,
    Figure,
    child_command,
    delete_calls,
    log,
    median,
    percentile,
    ratio,
    verdict,
)
from bench.demo_build import Store, prepare_store
from bench.keys import _clear_open_calls, pick_accounts
from bench.memory import run_child

GOAL_GROWTH_MIB = 10.0
PANELS_PER_ROUND = 4  # CTA010, CTA001, NTS001, INV001
SEED = 8


def _spec(store: Store, block: int, blocks: int, calls: int, trace: int = 0) -> dict[str, Any]:
    """What the child types: one cuenta per round of panels and one per call."""
    rounds = block * blocks // PANELS_PER_ROUND
    if block % PANELS_PER_ROUND or blocks < 2 or calls < 1:
        raise ValueError(f"blocks of whole rounds ({PANELS_PER_ROUND} panels), two or more; a call")
    # A small store has too few distinct accounts for a whole shift: they come round again.
    wanted = min(rounds + calls, store.accounts // 3)
    accounts = [a.cuenta for a in pick_accounts(store, wanted, random.Random(SEED))]
    cuentas = [accounts[i % len(accounts)] for i in range(rounds + calls)]
    return {
        "url": store.url,
        "user": BENCH_USER,
        "password": BENCH_PASSWORD,
        "cuentas": cuentas[:rounds],
        "call_cuentas": cuentas[rounds:],
        "opens": block * blocks,
        "block": block,
        "trace": trace,
    }


def _last_call_id(store: Store) -> int:
    engine = create_engine(store.url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(text("SELECT coalesce(max(id), 0) FROM call")).scalar_one()
            )
    finally:
        engine.dispose()


def _delete_calls_since(store: Store, last_id: int) -> None:
    """The calls the child took (and the one still ringing when it quit)."""
    engine = create_engine(store.url)
    try:
        with engine.connect() as connection:
            ids = list(
                connection.execute(
                    text(
                        "SELECT call.id FROM call JOIN agent ON agent.id = call.agent_id "
                        "WHERE agent.username = :user AND call.id > :last"
                    ),
                    {"user": BENCH_USER, "last": last_id},
                ).scalars()
            )
        if ids:
            delete_calls(engine, ids)
            log(f"shift: deleted the {len(ids)} calls the run made")
    finally:
        engine.dispose()


def _run_swat(store: Store, spec: dict[str, Any]) -> dict[str, Any]:
    _clear_open_calls(store)  # an open call would bring REC001 up at sign-on
    last_id = _last_call_id(store)
    try:
        return _child("swat", spec)
    finally:
        _delete_calls_since(store, last_id)


def _child(mode: str, spec: dict[str, Any]) -> dict[str, Any]:
    """Run ``_shift_child.py`` to its end (``bench.memory.run_child``); its report."""
    _, report = run_child(child_command("_shift_child.py", mode, json.dumps(spec)))
    return dict(report)


def _mib(kb: float) -> float:
    return kb / 1024


def run(store: Store, block: int, blocks: int, calls: int) -> list[Figure]:
    """RSS through the shift, its growth after the first block, GCs inside keys."""
    spec = _spec(store, block, blocks, calls)
    opens = spec["opens"]
    log(f"shift: bare Textual app, {opens} screens opened by keys")
    bare = _child("bare", spec)
    log(
        f"shift: swat, {opens} panel opens then {calls} practice calls, by keys "
        f"(about {opens // 240 + calls // 40 + 1} minutes)"
    )
    report = _run_swat(store, spec)
    marks = {m["stage"]: m for m in report["marks"]}
    bare_marks = {m["stage"]: m for m in bare["marks"]}

    def rss(stage: str, source: dict[str, dict[str, Any]] = marks) -> float:
        return _mib(source[stage]["rss_kb"])

    figures = [
        Figure(
            "shift",
            "RSS at sign-on",
            rss("sign_on"),
            "MiB",
            baseline=rss("sign_on", bare_marks),
            baseline_name="bare Textual app",
            ratio=ratio(rss("sign_on"), rss("sign_on", bare_marks)),
            note=f"{marks['sign_on']['objects']:,} objects tracked by the GC",
        )
    ]
    previous = "sign_on"
    for panels in range(block, opens + 1, block):
        stage = f"panels_{panels}"
        figures.append(
            Figure(
                "shift",
                f"RSS after {panels:,} panel opens",
                rss(stage),
                "MiB",
                baseline=rss(stage, bare_marks),
                baseline_name="bare app, as many screens",
                ratio=ratio(rss(stage), rss(stage, bare_marks)),
                note=f"{rss(stage) - rss(previous):+.1f} MiB over the block; "
                f"{marks[stage]['objects'] - marks[previous]['objects']:+,} objects",
            )
        )
        previous = stage
    last = f"panels_{opens}"
    figures.append(
        Figure(
            "shift",
            f"RSS after {calls} practice calls",
            rss("calls"),
            "MiB",
            note=f"{rss('calls') - rss(last):+.1f} MiB over the calls; "
            f"{marks['calls']['objects'] - marks[last]['objects']:+,} objects; "
            f"peak {_mib(report['peak_kb']):.0f} MiB",
        )
    )
    first = f"panels_{block}"
    grown = rss(last) - rss(first)
    bare_grown = rss(last, bare_marks) - rss(first, bare_marks)
    split = {
        kind: _mib(marks[last][f"{kind}_kb"] - marks[first][f"{kind}_kb"])
        for kind in ("anon", "file", "shmem")
    }
    heap_blocks = marks[last]["blocks"] - marks[first]["blocks"]
    figures.append(
        Figure(
            "shift",
            f"RSS growth from {block:,} to {opens:,} panel opens",
            grown,
            "MiB",
            goal=f"< {GOAL_GROWTH_MIB:g} MiB",
            baseline=bare_grown,
            baseline_name="bare app growth",
            # A bare app that grows well under 1 MiB would make any ratio noise.
            ratio=ratio(grown, bare_grown) if bare_grown >= 1 else None,
            verdict=verdict(grown < GOAL_GROWTH_MIB),
            note=f"{grown / (opens - block) * 400:+.1f} MiB per 400; anon {split['anon']:+.1f}, "
            f"file {split['file']:+.1f}, shmem {split['shmem']:+.1f} MiB; "
            f"{marks[last]['objects'] - marks[first]['objects']:+,} GC objects, "
            f"{heap_blocks:+,} Python heap blocks",
        )
    )
    pauses: list[float] = report["gc_in_keys_ms"]
    keys_ms: dict[str, list[float]] = report["keys_ms"]
    timed = sum(len(times) for times in keys_ms.values())
    full = marks["calls"]["full_gcs"] - marks["sign_on"]["full_gcs"]
    figures.append(
        Figure(
            "shift",
            "full GCs inside a timed key",
            float(len(pauses)),
            "collections",
            goal="none",
            verdict=verdict(not pauses),
            note=(
                f"max {max(pauses):.0f} ms, total {sum(pauses):.0f} ms, {_where(report)}; "
                if pauses
                else "none; "
            )
            + f"{timed:,} keys timed; {full:,} full collections in the whole shift",
        )
    )
    head = keys_ms["after_sign_on"]
    tail = keys_ms[f"after_panels_{opens - block}"]
    h95, t95 = percentile(head, 0.95), percentile(tail, 0.95)
    figures.append(
        Figure(
            "shift",
            f"timed keys p95, panels {opens - block:,}-{opens:,} (n={len(tail)})",
            t95,
            "ms",
            baseline=h95,
            baseline_name=f"p95 of panels 0-{block:,}",
            ratio=ratio(t95, h95),
            note=f"p50 {median(tail):.1f} vs {median(head):.1f} ms; "
            f"keys of the calls p95 {percentile(keys_ms[f'after_{last}'], 0.95):.1f} ms",
        )
    )
    return figures


def _where(report: dict[str, Any]) -> str:
    """Which keys the full collections fell in, e.g. ``2 in after_panels_800 (f12 -> CTA001)``."""
    places = Counter(
        f"{hit['stage']} ({hit['key']} -> {hit['target']})" for hit in report.get("gc_in_keys", [])
    )
    return ", ".join(f"{count} in {place}" for place, count in places.most_common(3))


def _print_trace(report: dict[str, Any]) -> None:
    """The diagnosis, readable: marks, allocation sites, stacks, object types."""
    for mark in report["marks"]:
        print(
            f"{mark['stage']:>14}: RSS {_mib(mark['rss_kb']):7.1f} MiB "
            f"(anon {_mib(mark['anon_kb']):.1f}, file {_mib(mark['file_kb']):.1f}, "
            f"shmem {_mib(mark['shmem_kb']):.1f}); {mark['objects']:,} objects; "
            f"{mark['blocks']:,} heap blocks; {mark['full_gcs']} full GCs; {mark['seconds']:.0f} s"
        )
    for hit in report.get("gc_in_keys", []):
        print(
            f"full GC of {hit['ms']:.0f} ms inside {hit['key']} -> {hit['target']} "
            f"({hit['stage']}; the key took {hit['key_ms']:.0f} ms)"
        )
    trace = report["trace"]
    if "lines" not in trace:
        print("no trace (fewer than two blocks?)")
        return
    print(
        f"\ntracemalloc, {trace['from']} -> {trace['to']}: {trace['total_diff_kb']:+,.0f} KiB "
        f"traced (now {trace['traced_kb'][0]:,} KiB, peak {trace['traced_kb'][1]:,} KiB)"
    )
    print("\nTop allocation sites by size growth:")
    for line in trace["lines"]:
        print(
            f"  {line['size_diff_kb']:+10.1f} KiB {line['count_diff']:+9,} blocks  {line['site']}"
        )
    print("\nTop call stacks by size growth (innermost first):")
    for stack in trace["stacks"]:
        print(f"  {stack['size_diff_kb']:+10.1f} KiB {stack['count_diff']:+9,} blocks")
        for frame in stack["frames"]:
            print(f"        {frame}")
    print("\nObject types (tracked by the GC) by count growth:")
    for row in trace["types"]:
        print(f"  {row['diff']:+9,}  (now {row['count']:,})  {row['type']}")


def main(argv: list[str] | None = None) -> int:
    """``--diagnose``: one traced run of the app alone, printed as a report."""
    parser = argparse.ArgumentParser(prog="python -m bench.shift", description=__doc__)
    parser.add_argument("--diagnose", action="store_true", help="trace the allocations")
    parser.add_argument("--accounts", type=int, default=2000, help="store size (default 2,000)")
    parser.add_argument("--store", default=None, help="store file (see python -m bench)")
    parser.add_argument("--block", type=int, default=400, help="panel opens per block")
    parser.add_argument("--blocks", type=int, default=5, help="blocks of panel opens")
    parser.add_argument("--calls", type=int, default=10, help="practice calls after them")
    parser.add_argument("--frames", type=int, default=12, help="tracemalloc frames kept")
    args = parser.parse_args(argv)
    if not args.diagnose:
        parser.error("run the figure with python -m bench --only shift; this is --diagnose")
    from pathlib import Path

    store = prepare_store(Path(args.store) if args.store else None, args.accounts)
    spec = _spec(store, args.block, args.blocks, args.calls, trace=args.frames)
    log(f"shift --diagnose: {spec['opens']} panel opens with tracemalloc on (slow)")
    _print_trace(_run_swat(store, spec))
    return 0


if __name__ == "__main__":
    sys.exit(main())
