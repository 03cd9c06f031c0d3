"""Figure 11: booking visits in the WFM agenda from 8 processes at once, on one SQLite store.

A fresh store (migrated like any) holds one account in a zone, ``orders`` pending
OTs and 6 days of windows whose capacity is less than the orders, so the last
places are fought over. Each of 8 processes takes its share of the orders and,
for each, books the soonest free window (``agenda.free_windows`` then
``agenda.book``, one ``write_session``, as VIS030 does); a window taken meanwhile
(``SLOT_TAKEN``) makes it try the next one, until none is left. Measured: the
bookings per second of the whole run, the p50/p95 of one booking (free windows
read plus the conditional UPDATE, retries included), and the windows oversold
(goal: zero). Baseline in the same run: one process booking the same number of
orders alone on a fresh copy of the store.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.common import Figure, log, median, percentile

PROCESSES = 8
ZONE = "BOG-US"
WINDOWS = (("08-10", 8), ("10-12", 10), ("14-16", 14), ("16-18", 16))
DAYS = 6  # the windows of the next 6 days: all inside what VIS030 offers (7 days from today)

WORKER = """
import json, sys, time
from datetime import datetime
from pathlib import Path

from swat_tui.domain.errors import DomainError
from swat_tui.domain.visit import agenda
from swat_tui.store.engine import make_engine, write_session

url, numbers, now, barrier, name = sys.argv[1:]
engine = make_engine(url)
with engine.connect():
    pass
moment = datetime.fromisoformat(now)
Path(barrier, name + ".ready").touch()
while not Path(barrier, "go").exists():
    time.sleep(0.001)
latencies, booked, refused = [], 0, 0
for number in numbers.split(","):
    started = time.perf_counter()
    while True:
        with write_session(engine) as session:
            free = agenda.free_windows(session, "BOG-US", moment.date(), days=7, after=moment)
        if not free:
            refused += 1
            break
        try:
            with write_session(engine) as session:
                agenda.book(session, number, free[0].slot_id, "AGT" + name, moment)
            booked += 1
            break
        except DomainError as error:
            if error.code != agenda.SLOT_TAKEN:
                raise
    latencies.append((time.perf_counter() - started) * 1000)
print(json.dumps({"latencies": latencies, "booked": booked, "refused": refused}))
"""


def _seed(path: Path, orders: int, per_window: int, today: date) -> str:
    """A migrated store with one account, ``orders`` pending OTs and a week of windows."""
    from swat_tui.config import BOGOTA
    from swat_tui.store import migrate
    from swat_tui.store.engine import make_engine, write_session
    from swat_tui.store.enums import WorkOrderStatus
    from swat_tui.store.models import Account, WfmSlot, WorkOrder

    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    created = datetime(today.year, today.month, today.day, 7, tzinfo=BOGOTA)
    with write_session(engine) as session:
        session.add(
            Account(
                cuenta=10_000_001,
                holder_name="CLIENTE BENCH",
                document_type="CC",
                document_number="10000001",
                address="CL 45A # 12-08",
                city="Bogotá",
                department="Bogotá D.C.",
                estrato=3,
                node=f"{ZONE}-0401",
                status="ACTIVA",
                activated_on=date(2024, 1, 2),
            )
        )
        session.flush()
        for n in range(orders):
            session.add(
                WorkOrder(
                    cuenta=10_000_001,
                    kind="OT",
                    number=f"OT{n + 1:010d}",
                    status=WorkOrderStatus.PENDIENTE,
                    reason="Bench",
                    created_at=created,
                )
            )
        for offset in range(1, DAYS + 1):
            day = today + timedelta(days=offset)
            for window, hour in WINDOWS:
                start = datetime(day.year, day.month, day.day, hour, tzinfo=BOGOTA)
                session.add(
                    WfmSlot(
                        zone=ZONE,
                        day=day,
                        arrival_window=window,
                        starts_at=start,
                        ends_at=start + timedelta(hours=2),
                        capacity=per_window,
                        booked=0,
                    )
                )
    engine.dispose()
    return url


def _race(
    url: str, numbers: list[str], processes: int, now: datetime, work: Path
) -> tuple[list[dict[str, object]], float]:
    """Run ``processes`` workers on their shares of ``numbers`` at once; their outputs and
    the wall time from the start signal to the last one done."""
    barrier = work / f"barrier-{processes}"
    barrier.mkdir()
    shares = [numbers[n::processes] for n in range(processes)]
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                url,
                ",".join(share),
                now.isoformat(),
                str(barrier),
                f"{n:02d}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, share in enumerate(shares)
    ]
    deadline = time.monotonic() + 120
    while len(list(barrier.glob("*.ready"))) < len(workers):
        if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
            raise RuntimeError(
                f"agenda workers did not start: {[w.communicate() for w in workers]}"
            )
        time.sleep(0.01)
    started = time.perf_counter()
    (barrier / "go").touch()
    outputs = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        if worker.returncode != 0:
            raise RuntimeError(f"an agenda worker failed: {err[-500:]}")
        outputs.append(json.loads(out))
    return outputs, time.perf_counter() - started


def _oversold(url: str) -> tuple[int, int]:
    """(windows with more bookings than capacity, bookings in all), counted from the rows."""
    from sqlalchemy import text

    from swat_tui.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            over = connection.execute(
                text(
                    "SELECT COUNT(*) FROM wfm_slot s WHERE s.booked > s.capacity OR "
                    "(SELECT COUNT(*) FROM visit_booking b WHERE b.slot_id = s.id) != s.booked"
                )
            ).scalar_one()
            total = connection.execute(text("SELECT COUNT(*) FROM visit_booking")).scalar_one()
    finally:
        engine.dispose()
    return int(over), int(total)


def run(orders: int) -> list[Figure]:
    """Bookings per second and p95 with 8 processes against one alone; windows oversold."""
    from swat_tui.config import BOGOTA

    today = date(2026, 3, 10)
    now = datetime(2026, 3, 10, 9, 30, tzinfo=BOGOTA)
    per_window = max(1, (orders * 3 // 4) // (DAYS * len(WINDOWS)))  # fewer places than orders
    places = per_window * DAYS * len(WINDOWS)
    numbers = [f"OT{n + 1:010d}" for n in range(orders)]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="swat-agenda-") as folder:
        work = Path(folder)
        results = {}
        for processes in (1, PROCESSES):
            url = _seed(work / f"agenda-{processes}.db", orders, per_window, today)
            log(f"agenda_booking: {processes} process(es), {orders} orders, {places} places")
            outputs, wall = _race(url, numbers, processes, now, work)
            latencies = [ms for out in outputs for ms in out["latencies"]]  # type: ignore[attr-defined]
            booked = sum(int(out["booked"]) for out in outputs)  # type: ignore[call-overload]
            over, rows = _oversold(url)
            results[processes] = (booked / wall, percentile(latencies, 0.95), median(latencies))
            figures.append(
                Figure(
                    "agenda_booking",
                    f"{processes} process(es): windows oversold ({booked} booked, {places} places)",
                    float(over),
                    "windows",
                    goal="= 0",
                    verdict="meets" if over == 0 and rows == booked <= places else "misses",
                    note=f"{rows} booking rows",
                )
            )
    alone, many = results[1], results[PROCESSES]
    figures += [
        Figure(
            "agenda_booking",
            f"{PROCESSES} processes: bookings per second",
            many[0],
            "/s",
            baseline=alone[0],
            baseline_name="1 process",
            ratio=many[0] / alone[0] if alone[0] else None,
        ),
        Figure("agenda_booking", f"{PROCESSES} processes: one booking p50", many[2], "ms"),
        Figure(
            "agenda_booking",
            f"{PROCESSES} processes: one booking p95",
            many[1],
            "ms",
            baseline=alone[1],
            baseline_name="1 process p95",
            ratio=many[1] / alone[1] if alone[1] else None,
        ),
    ]
    return figures
