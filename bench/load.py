"""Load: N simulated agents, each its own process, taking whole practice calls at once.

``python -m bench.load --db URL --agents N --seconds S`` (see bench/README.md).
The store must hold a demo (``swat db upgrade`` then ``swat demo``). The driver
creates (or resets) the profiles LOAD001..LOADnnn through the auth service,
starts one ``_load_agent.py`` process per agent, lets each sign on and open its
desk, then says ``go`` to all at once; each takes calls through the desk, no UI,
for S seconds (a call in progress at the end is finished). Meanwhile the
driver samples the server: on PostgreSQL the connections each agent process
holds (``pg_stat_activity`` by ``application_name``), and the load average.

Reported: calls per minute (all agents, and per agent), each intent's count,
p50, p95 and max against the same run's baseline (a ``SELECT 1`` round trip
each agent times once per call, under the same load), the errors that reached
the agents by kind ("database is locked" is one), and the consistency count of
``load_check``: every call, note, typification and number the agents say they
got is in the store once, and every number column is unique.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from bench import load_check
from bench.common import Figure, child_command, child_env, log, median, percentile, ratio, verdict
from bench.report import print_report, write_json

AGENT_PREFIX = "LOAD"
AGENT_PASSWORD = "carga2026"
GOAL_P95_MS = 20.0
START_TIMEOUT_S = 300.0
BASELINE = "SELECT 1 (baseline)"
APPLICATION = "swat-load"


@dataclass
class Sampler:
    """Samples the server every ``period`` seconds while the agents run."""

    engine: Engine
    period: float = 2.0
    connections: list[dict[str, int]] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    cpu_at_go: tuple[int, int] = (0, 0)
    cpu_at_end: tuple[int, int] = (0, 0)

    @property
    def cpu_busy(self) -> float | None:
        """The share of all CPUs' time that was busy from go to the last report."""
        total = self.cpu_at_end[1] - self.cpu_at_go[1]
        return (self.cpu_at_end[0] - self.cpu_at_go[0]) / total if total > 0 else None

    def run(self) -> None:
        postgresql = self.engine.dialect.name == "postgresql"
        while not self.stop.wait(self.period):
            self.load.append(os.getloadavg()[0])
            if not postgresql:
                continue
            with self.engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT application_name, count(*) FROM pg_stat_activity "
                        "WHERE application_name LIKE :prefix GROUP BY application_name"
                    ),
                    {"prefix": f"{APPLICATION}-%"},
                ).all()
            self.connections.append({name: int(count) for name, count in rows})


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs so far (``/proc/stat``; zeros off Linux)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return (0, 0)
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values) - idle, sum(values))


def agent_names(count: int) -> list[str]:
    return [f"{AGENT_PREFIX}{index:03d}" for index in range(1, count + 1)]


def prepare_agents(url: str, names: list[str]) -> None:
    """Each simulated agent's profile, created through the auth service (or its password
    reset, which also re-enables it); presences a killed earlier run left are cleared."""
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.domain.errors import DomainError

    services = open_services(Settings(db_url=url, seed_demo_accounts=0))
    try:
        with services.engine.connect() as connection:
            accounts = connection.execute(text("SELECT count(*) FROM account")).scalar_one()
            existing = set(
                connection.execute(
                    text("SELECT username FROM agent WHERE username LIKE :p"),
                    {"p": f"{AGENT_PREFIX}%"},
                ).scalars()
            )
        if not accounts:
            raise SystemExit("load: the store has no accounts; build one with `swat demo` first")
        for name in names:
            if name in existing:
                services.auth.reset_password(name, AGENT_PASSWORD)
                continue
            try:
                services.auth.create_agent(
                    name, f"Agente de carga {name[-3:]}", "asesor", AGENT_PASSWORD
                )
            except DomainError:
                services.auth.reset_password(name, AGENT_PASSWORD)
        with services.engine.begin() as connection:
            connection.execute(
                text(
                    "DELETE FROM agent_presence WHERE agent_id IN "
                    "(SELECT id FROM agent WHERE username LIKE :p)"
                ),
                {"p": f"{AGENT_PREFIX}%"},
            )
    finally:
        services.close()


def agent_url(url: str, index: int) -> str:
    """The store's URL for one agent: on PostgreSQL it names the agent's process
    (``application_name``), so ``pg_stat_activity`` counts its connections."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    named = parsed.update_query_dict({"application_name": f"{APPLICATION}-{index:03d}"})
    return named.render_as_string(hide_password=False)


def run_agents(
    url: str, names: list[str], seconds: float, think: float, sampler: Sampler
) -> tuple[list[dict[str, Any]], list[str], float]:
    """Start the agents, wait until every one has signed on, say go, collect reports."""
    with ExitStack() as stack:
        return _run(stack, url, names, seconds, think, sampler)


def _run(
    stack: ExitStack, url: str, names: list[str], seconds: float, think: float, sampler: Sampler
) -> tuple[list[dict[str, Any]], list[str], float]:
    children: list[tuple[str, subprocess.Popen[bytes], IO[bytes]]] = []
    for index, name in enumerate(names, start=1):
        spec = {
            "url": agent_url(url, index),
            "user": name,
            "password": AGENT_PASSWORD,
            "seed": 1000 + index,
            "seconds": seconds,
            "think": think,
            "first_action": index,
        }
        errors = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 (the stack closes it)
        process = subprocess.Popen(
            child_command("_load_agent.py", json.dumps(spec)),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=child_env(),
        )
        children.append((name, process, errors))
    failures: list[str] = []
    deadline = time.monotonic() + START_TIMEOUT_S
    for name, process, stderr in children:
        assert process.stdout is not None
        line = process.stdout.readline().decode().strip()
        if line != "ready" or time.monotonic() > deadline:
            failures.append(f"{name} did not start: {_tail(stderr)}")
    log(f"load: {len(children)} agents signed on and warmed up; go for {seconds:g} s")
    sampler.cpu_at_go = cpu_times()
    started = time.monotonic()
    thread = threading.Thread(target=sampler.run, name="load-sampler", daemon=True)
    thread.start()
    for _, process, _ in children:
        assert process.stdin is not None
        try:
            process.stdin.write(b"go\n")
            process.stdin.flush()
        except BrokenPipeError:
            pass
    reports: list[dict[str, Any]] = []
    for name, process, stderr in children:
        assert process.stdout is not None
        output = process.stdout.read().decode()
        process.wait()
        lines = output.strip().splitlines()
        try:
            reports.append(json.loads(lines[-1]))
        except (IndexError, json.JSONDecodeError):
            failures.append(f"{name} exited {process.returncode}: {_tail(stderr)}")
    elapsed = time.monotonic() - started
    sampler.cpu_at_end = cpu_times()
    sampler.stop.set()
    thread.join()
    return reports, failures, elapsed


def _tail(stream: IO[bytes]) -> str:
    stream.seek(0)
    return stream.read().decode(errors="replace")[-1500:]


def figures(
    reports: list[dict[str, Any]], elapsed: float, sampler: Sampler, engine: Engine
) -> list[Figure]:
    """Calls per minute, every intent against the baseline, errors, connections."""
    times: dict[str, list[float]] = {}
    for report in reports:
        for intent, values in report["times"].items():
            times.setdefault(intent, []).extend(values)
    calls = [call for report in reports for call in report["calls"]]
    ended = [call for call in calls if call.get("outcome") == "ended"]
    minutes = elapsed / 60
    agents = len(reports)
    base = times.pop(BASELINE, [0.0])
    b50, b95 = median(base), percentile(base, 0.95)
    out = [
        Figure(
            "load",
            f"calls ended per minute, {agents} agents",
            len(ended) / minutes,
            "calls/min",
            note=f"{len(ended)} ended of {len(calls)} started in {elapsed:.0f} s; "
            f"{len(ended) / minutes / max(agents, 1):.1f} per agent per minute",
        ),
        Figure("load", f"{BASELINE} p50 (n={len(base)})", b50, "ms", note="baseline"),
        Figure("load", f"{BASELINE} p95", b95, "ms", note=f"baseline; max {max(base):.1f} ms"),
    ]
    intents_per_call = sum(len(v) for v in times.values()) / max(len(calls), 1)
    worst = 0.0
    for intent in sorted(times, key=lambda name: -percentile(times[name], 0.95)):
        values = times[intent]
        p95 = percentile(values, 0.95)
        if intent not in ("sign_on", "open_desk", "sign_off"):
            worst = max(worst, p95)
        out.append(
            Figure(
                "load",
                f"{intent} p95 (n={len(values)})",
                p95,
                "ms",
                goal=f"< {GOAL_P95_MS:g} ms" if intent not in ("sign_on", "open_desk") else "",
                baseline=b95,
                baseline_name="SELECT 1 p95",
                ratio=ratio(p95, b95),
                verdict=verdict(p95 < GOAL_P95_MS)
                if intent not in ("sign_on", "open_desk")
                else "",
                note=f"p50 {median(values):.1f} ms, max {max(values):.1f} ms; "
                f"{len(values) / minutes / max(agents, 1):.1f}/min per agent",
            )
        )
    out.append(
        Figure(
            "load",
            "intents per call (reads and writes)",
            intents_per_call,
            "intents",
            note=f"{sum(len(v) for v in times.values()) / minutes / max(agents, 1):.0f} "
            "intents per minute per agent",
        )
    )
    errors: Counter[str] = Counter()
    for report in reports:
        errors.update(report["errors"])
    real = {kind: n for kind, n in errors.items() if "(not an error)" not in kind}
    locked = sum(n for kind, n in real.items() if "locked" in kind or "busy" in kind)
    out.append(
        Figure(
            "load",
            "errors reaching an agent",
            float(sum(real.values())),
            "errors",
            goal="0",
            verdict=verdict(not real),
            note="; ".join(f"{n} {kind}" for kind, n in Counter(real).most_common()) or "none",
        )
    )
    out.append(
        Figure(
            "load",
            '"database is locked" reaching an agent',
            float(locked),
            "errors",
            goal="0",
            verdict=verdict(not locked),
        )
    )
    for kind, n in errors.items():
        if "(not an error)" in kind:
            out.append(Figure("load", kind, float(n), "times"))
    if sampler.connections:
        held = [count for sample in sampler.connections for count in sample.values()]
        agents_seen = max(len(sample) for sample in sampler.connections)
        out.append(
            Figure(
                "load",
                "PostgreSQL connections per agent process",
                max(held) if held else 0.0,
                "connections",
                note=f"max over {len(sampler.connections)} samples of pg_stat_activity; "
                f"median {median(held) if held else 0:.0f}; up to {agents_seen} agents seen, "
                f"{max(sum(s.values()) for s in sampler.connections)} connections in all",
            )
        )
    out += cpu_figures(reports, len(ended))
    busy = sampler.cpu_busy
    if busy is not None:
        out.append(
            Figure(
                "load",
                "CPU busy from go to the end (all processes)",
                busy * 100,
                "%",
                note=f"{os.cpu_count()} CPUs; load average (1 min) median "
                f"{median(sampler.load) if sampler.load else 0:.1f}, max "
                f"{max(sampler.load) if sampler.load else 0:.1f}",
            )
        )
    del engine
    return out


def cpu_figures(reports: list[dict[str, Any]], ended: int) -> list[Figure]:
    """What a call costs in CPU, the agent's process and its server backend apart: a
    figure the other tenants of a shared machine do not move, from which a floor's
    cores are planned (a real agent takes a call every few minutes)."""
    client = sum(float(r.get("cpu", {}).get("client_s") or 0) for r in reports)
    servers = [r.get("cpu", {}).get("server_s") for r in reports]
    server = sum(float(s) for s in servers if s is not None)
    if not ended:
        return []
    total_ms = (client + server) * 1e3 / ended
    out = [
        Figure(
            "load",
            "CPU per call ended, agent process",
            client * 1e3 / ended,
            "ms",
            note=f"{client:.1f} CPU s over {ended} calls (errors' calls included in the CPU)",
        )
    ]
    if any(s is not None for s in servers):
        out.append(
            Figure(
                "load",
                "CPU per call ended, PostgreSQL backend",
                server * 1e3 / ended,
                "ms",
                note=f"{server:.1f} CPU s; the backends read from /proc (server on this machine)",
            )
        )
    out.append(
        Figure(
            "load",
            "calls per minute one CPU core serves",
            60_000 / total_ms,
            "calls/min",
            note=f"{total_ms:.0f} ms of CPU per call in all",
        )
    )
    return out


def consistency_figures(result: load_check.Consistency) -> list[Figure]:
    out = []
    for item in result.checks:
        detail = (
            f"agents {item.reported}, store {item.stored}" if item.reported or item.stored else ""
        )
        parts = [
            detail,
            f"lost {item.lost}" if item.lost else "",
            f"extra {item.extra}" if item.extra else "",
            f"duplicated {item.duplicated}" if item.duplicated else "",
            item.note,
        ]
        out.append(
            Figure(
                "consistency",
                item.what,
                float(item.lost + item.extra + item.duplicated),
                "wrong",
                goal="0",
                verdict=verdict(item.ok),
                note="; ".join(part for part in parts if part),
            )
        )
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--db", required=True, help="the store's URL (a demo must be built)")
    parser.add_argument("--agents", type=int, default=8, help="simulated agents (processes)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they take calls")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds an agent waits before each intent (0.5 to 1.5 times it)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from swat_tui.store.engine import make_engine

    names = agent_names(args.agents)
    log(f"load: preparing {len(names)} profiles")
    prepare_agents(args.db, names)
    engine = make_engine(args.db)
    try:
        mark = load_check.marks(engine)
        sampler = Sampler(engine)
        reports, failures, elapsed = run_agents(args.db, names, args.seconds, args.think, sampler)
        log("load: counting what the store holds")
        result = load_check.check(engine, reports, mark, names)
        with engine.connect() as connection:
            accounts = connection.execute(text("SELECT count(*) FROM account")).scalar_one()
        out = figures(reports, elapsed, sampler, engine) + consistency_figures(result)
    finally:
        engine.dispose()
    samples: dict[str, str] = {}
    for report in reports:
        for kind, sample in report.get("samples", {}).items():
            samples.setdefault(kind, sample)
    notes = [
        f"{args.agents} agents, {args.seconds:g} s, think {args.think:g} s, on "
        f"{make_url(args.db).render_as_string(hide_password=True)}",
        *result.facts,
        *failures,
        *(f"first {kind}: {sample.splitlines()[0]}" for kind, sample in samples.items()),
    ]
    context = {
        "accounts": accounts,
        "store": make_url(args.db).render_as_string(hide_password=True),
        "reused": True,
        "notes": notes,
    }
    print_report(out, context)
    if args.json:
        write_json(args.json, out, {**context, "samples": samples})
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
