"""Bulk insert of the demo store: batches of generated rows.

Rows are plain dicts. The generic path hands them to
``connection.execute(table.insert(), rows)`` (one DBAPI ``executemany`` per
table). On SQLite the same compiled INSERT goes to the driver's cursor
directly, and on PostgreSQL (psycopg 3) the rows go through ``COPY ... FROM
STDIN``, both with SQLAlchemy's own bind processors applied through a memo (a
demo has few distinct dates): they skip SQLAlchemy's per-row parameter
building and store exactly what the Core path stores (tests compare them, and
the two backends). See ``row_plans``.

On SQLite each batch is one transaction; large builds generate their batches
in a child process, so generation and insertion use both cores; the child runs
the same generator in the same order, so the rows do not change. During the
build SQLite runs with ``synchronous = OFF`` and a large page cache: an
application crash still loses at most the batch in flight, an OS crash may
need a rebuild (it is demo data).

On PostgreSQL the whole build is one transaction, with the foreign keys of the
tables it fills dropped while it runs and validated again at the end
(``pg_bulk``); large builds generate their batches in a thread of this process,
which runs while this one waits for the server.
"""

from __future__ import annotations

import json
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass, fields
from datetime import date
from itertools import chain
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import Connection, Dialect, Engine, Table, select, text
from sqlmodel import SQLModel

import swat_tui.store.models  # noqa: F401  (registers the tables)
from swat_tui.store.demo.batch import Batch, Row
from swat_tui.store.demo.billing import campaign_rows
from swat_tui.store.demo.call_week import write_call_week
from swat_tui.store.demo.generator import DemoGenerator
from swat_tui.store.demo.management import write_management_demo
from swat_tui.store.demo.outbound_campaign import write_demo_campaign
from swat_tui.store.demo.pg_bulk import bulk_load
from swat_tui.store.demo.row_plans import CopyPlan, SqlitePlan
from swat_tui.store.demo.vocabulary import load_vocabulary
from swat_tui.store.queries import numbering
from swat_tui.store.queries import plant as plant_queries

BATCH_ACCOUNTS = 20_000
DIRECT_SQLITE = True  # False forces the generic Core path (tests compare both)
COPY_POSTGRESQL = True  # False: row INSERTs through Core on PostgreSQL too (tests compare both)
CHILD_PROCESS_MIN_ACCOUNTS = 100_000  # below this, starting a process costs more than it saves
_FRAMES_AHEAD = 2
_SQLITE_BUILD_PRAGMAS = ("cache_size = -262144", "synchronous = OFF")  # 256 MiB of cache
_SQLITE_NORMAL_PRAGMAS = ("cache_size = -2000", "synchronous = NORMAL")  # the engine's defaults
# Every table the build writes (PostgreSQL drops their foreign keys while it runs).
FILLED_TABLES = (
    "discount_campaign",
    *(name for name in (spec.name for spec in fields(Batch)) if name != "folder_note"),
    "cm_registration",
)


@dataclass(frozen=True)
class DemoSummary:
    """What a build wrote and how long it took."""

    accounts: int
    rows: dict[str, int]  # table name -> rows inserted
    seconds: float


def build_demo(
    engine: Engine,
    *,
    accounts: int,
    seed: int,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    call_week: bool = True,
) -> DemoSummary:
    """Fill an empty, migrated store with ``accounts`` demo accounts and their rows.

    Same (accounts, seed, today) gives the same rows, on either backend.
    ``progress(done, total)`` is called after each batch: committed on SQLite;
    on PostgreSQL the whole build is one transaction (``pg_bulk``). The numbers'
    counters end at the highest number written of each prefix (LLS, RAD, a CUN year...).
    ``call_week``: the asesores' week of finished calls too (``call_week.py``).
    """
    started = time.perf_counter()
    sqlite = engine.dialect.name == "sqlite"
    inserter = _Inserter(engine.dialect, mode=_insert_mode(engine.dialect))
    with engine.connect() as connection:
        if sqlite:
            _pragmas(connection, _SQLITE_BUILD_PRAGMAS)
        whole = (
            bulk_load(connection, FILLED_TABLES)
            if engine.dialect.name == "postgresql"
            else nullcontext()
        )
        try:
            with whole:
                with _transaction(connection):
                    campaigns = campaign_rows(load_vocabulary(), today)
                    inserter.insert(connection, "discount_campaign", campaigns)
                    table = _table("discount_campaign")
                    campaign_ids = {
                        code: ident
                        for code, ident in connection.execute(
                            select(table.c.code, table.c.id).where(
                                table.c.code.in_([row["code"] for row in campaigns])
                            )
                        )
                    }
                # On PostgreSQL the server is the other core: generating in a thread
                # here, while this one waits for the server, costs less than pickling
                # the rows across from a child (a third less CPU in all).
                if accounts < CHILD_PROCESS_MIN_ACCOUNTS:
                    source = _local_batches
                else:
                    source = _child_batches if sqlite else _thread_batches
                done = 0
                spans: list[tuple[int, int]] = []
                for batch in source(accounts, seed, today, campaign_ids):
                    with _transaction(connection):
                        _write_batch(connection, batch, inserter, register=sqlite)
                    if batch.account:
                        spans.append(_cuenta_span(batch.account))
                    done += len(batch.account)
                    if progress is not None and batch.account:
                        progress(done, accounts)
                if not sqlite and spans:
                    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
                    plant_queries.register_modems(connection, first=first, last=last)
                with _transaction(connection):  # the leaders' practices and ideas
                    write_management_demo(connection, today)
                with _transaction(connection):  # an agent's first number follows the demo's
                    if call_week:
                        write_call_week(connection, today=today, seed=seed, accounts=accounts)
                    numbering.catch_up(connection)
                with _transaction(connection):
                    inserter.counts.update(write_demo_campaign(connection, today=today, seed=seed))
        finally:
            if sqlite:
                _pragmas(connection, _SQLITE_NORMAL_PRAGMAS)
    return DemoSummary(
        accounts=accounts,
        rows=dict(inserter.counts),
        seconds=round(time.perf_counter() - started, 3),
    )


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _transaction(connection: Connection) -> AbstractContextManager[object]:
    """A batch's own transaction, or nothing when the whole build is one (PostgreSQL)."""
    return nullcontext() if connection.in_transaction() else connection.begin()


def _pragmas(connection: Connection, pragmas: tuple[str, ...]) -> None:
    # On the driver connection (autocommit): SQLite refuses some pragmas inside a transaction.
    driver = connection.connection.driver_connection
    assert driver is not None
    for pragma in pragmas:
        driver.execute(f"PRAGMA {pragma}")


# ----------------------------------------------------------------- batch sources


def _generate(
    accounts: int, seed: int, today: date, campaign_ids: Mapping[str, int], batch_accounts: int
) -> Iterator[Batch]:
    """All batches in order; the last one carries only the avisos (incidents) and the
    WFM agenda."""
    generator = DemoGenerator(
        load_vocabulary(), accounts=accounts, seed=seed, today=today, campaign_ids=campaign_ids
    )
    for _ in range(0, accounts, batch_accounts):
        yield generator.batch(batch_accounts)
    incidents = generator.incidents()
    yield Batch(
        incident=incidents, wfm_slot=generator.agenda(), incident_link=generator.aviso_reports()
    )


def _local_batches(
    accounts: int, seed: int, today: date, campaign_ids: Mapping[str, int]
) -> Iterator[Batch]:
    yield from _generate(accounts, seed, today, campaign_ids, BATCH_ACCOUNTS)


def _thread_batches(
    accounts: int, seed: int, today: date, campaign_ids: Mapping[str, int]
) -> Iterator[Batch]:
    """The same batches, generated ahead in a thread (at most ``_FRAMES_AHEAD``).

    The generator is pure Python and holds the GIL, so it runs when this thread
    waits for the server (a COPY finishing, a read-back): PostgreSQL's work and
    the generation overlap without a second Python process.
    """
    batches: queue.Queue[tuple[str, Batch | BaseException | None]] = queue.Queue(
        maxsize=_FRAMES_AHEAD
    )
    stop = threading.Event()

    def put(item: tuple[str, Batch | BaseException | None]) -> bool:
        while not stop.is_set():
            with suppress(queue.Full):
                batches.put(item, timeout=0.1)
                return True
        return False

    def generate() -> None:
        try:
            for batch in _local_batches(accounts, seed, today, campaign_ids):
                if not put(("batch", batch)):
                    return
            put(("end", None))
        except BaseException as error:  # handed to the consumer, raised there
            put(("error", error))

    worker = threading.Thread(target=generate, name="demo-generator", daemon=True)
    worker.start()
    try:
        while True:
            kind, item = batches.get()
            if kind == "end":
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, Batch)
            yield item
    finally:
        stop.set()  # we stopped early (our error, or the generator's): it ends too
        worker.join()


def _child_batches(
    accounts: int, seed: int, today: date, campaign_ids: Mapping[str, int]
) -> Iterator[Batch]:
    """The same batches, generated ahead in a child Python process.

    A plain subprocess rather than ``multiprocessing``: spawn would re-run the
    caller's unguarded main script, and fork is unsafe under the app's threads.
    Batches come back as length-prefixed pickles on the child's stdout; a
    reader thread drains the pipe (releasing the GIL) so the child does not
    wait on us for up to ``_FRAMES_AHEAD`` batches.
    """
    command = [
        sys.executable,
        "-c",
        _CHILD_CODE,
        str(accounts),
        str(seed),
        today.isoformat(),
        json.dumps(dict(campaign_ids)),
        str(BATCH_ACCOUNTS),
    ]
    package_root = str(Path(__file__).resolve().parents[3])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p),
    }
    frames: queue.Queue[bytes | None] = queue.Queue(maxsize=_FRAMES_AHEAD)
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        reader = threading.Thread(
            target=_read_frames, args=(child.stdout, frames), name="demo-frames", daemon=True
        )
        reader.start()
        finished = False
        try:
            while (frame := frames.get()) is not None:
                item = pickle.loads(frame)
                if not isinstance(item, Batch):
                    finished = item is None
                    break
                yield item
        finally:
            if not finished and child.poll() is None:
                child.kill()  # we stopped early (our error): do not leave it running
            while reader.is_alive():  # let the reader reach EOF even if the queue is full
                with suppress(queue.Empty):
                    frames.get(timeout=0.1)
            error = child.stderr.read().decode(errors="replace")
            child.wait()
        if child.returncode != 0 or not finished:
            raise RuntimeError(f"demo generator process failed ({child.returncode}):\n{error}")


_CHILD_CODE = (
    "import sys; from swat_tui.store.demo.writer import child_main; child_main(sys.argv[1:])"
)


def _read_frames(stream: IO[bytes], frames: queue.Queue[bytes | None]) -> None:
    try:
        while len(header := stream.read(8)) == 8:
            frames.put(stream.read(int.from_bytes(header, "big")))
    finally:
        frames.put(None)


def child_main(argv: list[str]) -> None:
    """Entry of the child process: every batch to stdout as a length-prefixed pickle, then None."""
    accounts, seed, today, campaign_ids, batch_accounts = argv
    out = sys.stdout.buffer
    batches = _generate(
        int(accounts),
        int(seed),
        date.fromisoformat(today),
        json.loads(campaign_ids),
        int(batch_accounts),
    )
    for item in chain(batches, [None]):
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(len(data).to_bytes(8, "big"))
        out.write(data)
    out.flush()


# ----------------------------------------------------------------- inserts


# Tables whose rows other rows of the batch point at by id.
_PARENTS = frozenset({"equipment", "invoice", "dime_case", "note_folder", "incident"})


def _write_batch(
    connection: Connection, batch: Batch, inserter: _Inserter, *, register: bool = True
) -> None:
    """The batch's rows, parents first; ``register``: its modems listed on their
    CMTS now (PostgreSQL lists them all at the end, once its indexes are back)."""
    for spec in fields(Batch):
        if spec.name not in (
            "folder_note",
            "invoice_charge",
            "dime_note",
            "plant_condition",
            "incident_link",
        ):
            rows = getattr(batch, spec.name)
            if inserter.mode == "copy" and spec.name in _PARENTS and rows:
                _take_ids(connection, spec.name, rows)
            inserter.insert(connection, spec.name, rows)
    if batch.account and register:
        first, last = _cuenta_span(batch.account)
        plant_queries.register_modems(connection, first=first, last=last)
    if batch.invoice_charge:
        rows = _with_parent_ids(
            connection,
            batch.invoice_charge,
            "invoice_charge",
            "invoice",
            "invoice_number",
            "invoice_id",
            parents=batch.invoice,
        )
        inserter.insert(connection, "invoice_charge", rows)
    if batch.dime_note:
        rows = _with_parent_ids(
            connection,
            batch.dime_note,
            "dime_note",
            "dime_case",
            "dime_number",
            "dime_case_id",
            parents=batch.dime_case,
        )
        inserter.insert(connection, "dime_note", rows)
    if batch.plant_condition:
        rows = _with_parent_ids(
            connection,
            batch.plant_condition,
            "plant_condition",
            "equipment",
            "serial",
            "equipment_id",
            parents=batch.equipment,
            parent_key="serial",
        )
        inserter.insert(connection, "plant_condition", rows)
    if batch.incident_link:
        incidents = _table("incident")
        numbers = [row["incident_number"] for row in batch.incident_link]
        incident_ids = (
            {row["number"]: row["id"] for row in batch.incident}
            if _have_ids(batch.incident)
            else dict(
                connection.execute(
                    select(incidents.c.number, incidents.c.id).where(
                        incidents.c.number.in_(numbers)
                    )
                ).all()
            )
        )
        links = [
            {
                **{k: v for k, v in row.items() if k != "incident_number"},
                "incident_id": incident_ids[row["incident_number"]],
            }
            for row in batch.incident_link
        ]
        inserter.insert(connection, "incident_link", links)
    if batch.folder_note:
        folders = _table("note_folder")
        cuentas = [row["cuenta"] for row in batch.note_folder]
        folder_ids: dict[Any, Any] = (
            {row["cuenta"]: row["id"] for row in batch.note_folder if row["name"] == "SWAT"}
            if _have_ids(batch.note_folder)
            else {
                cuenta: ident
                for cuenta, ident in connection.execute(
                    select(folders.c.cuenta, folders.c.id).where(
                        folders.c.cuenta.in_(cuentas), folders.c.name == "SWAT"
                    )
                )
            }
        )
        notes = [{**row, "folder_id": folder_ids[row["cuenta"]]} for row in batch.folder_note]
        inserter.insert(connection, "note", notes)


def _cuenta_span(accounts: list[Row]) -> tuple[int, int]:
    """The lowest and highest cuenta of these account rows."""
    cuentas = [cast(int, row["cuenta"]) for row in accounts]
    return min(cuentas), max(cuentas)


def _take_ids(connection: Connection, table: str, rows: list[Row]) -> None:
    """PostgreSQL: the rows' ids drawn from the table's own sequence before COPY, as
    one block in order (the ids the inserts would draw: the build holds the table's
    lock, so nothing else draws meanwhile), so the rows pointing at them need not read
    them back, and the sequence stays past every row for the inserts after."""
    last = connection.execute(
        text(
            "SELECT setval(CAST(s AS regclass), nextval(CAST(s AS regclass)) + :count - 1) "
            "FROM pg_get_serial_sequence(:table, 'id') AS s"
        ),
        {"table": table, "count": len(rows)},
    ).scalar_one()
    for offset, row in enumerate(rows, start=int(last) - len(rows) + 1):
        row["id"] = offset


def _have_ids(rows: list[Row]) -> bool:
    return bool(rows) and "id" in rows[0]


def _with_parent_ids(
    connection: Connection,
    rows: list[Row],
    child: str,
    parent: str,
    key: str,
    id_field: str,
    *,
    parents: list[Row],
    parent_key: str = "number",
) -> list[Row]:
    """Child rows that name their parent by its number (``key``: "invoice_number"...)
    and cuenta get the parent's id instead (``id_field``): from the batch's ``parents``
    when they carry their ids (PostgreSQL), else read back after the parents' insert
    by their cuentas (indexed; an invoice's number is not); fields the child table
    does not have are dropped."""
    table = _table(parent)
    columns = set(_table(child).c.keys())
    cuentas = list({row["cuenta"] for row in rows})
    numbers = {row[key] for row in rows}
    if _have_ids(parents):
        wanted = set(cuentas)
        pairs = [(p[parent_key], p["id"]) for p in parents if p["cuenta"] in wanted]
    else:
        pairs = [
            (number, ident)
            for number, ident in connection.execute(
                select(table.c[parent_key], table.c.id).where(table.c.cuenta.in_(cuentas))
            )
        ]
    ids: dict[Any, Any] = {number: ident for number, ident in pairs if number in numbers}
    return [
        {**{k: v for k, v in row.items() if k in columns}, id_field: ids[row[key]]} for row in rows
    ]


class _Inserter:
    """Inserts lists of row dicts and counts them per table.

    ``mode``: "sqlite" (``executemany`` on the driver cursor), "copy" (PostgreSQL's
    COPY through psycopg 3) or "core" (``connection.execute(table.insert(), rows)``).
    """

    def __init__(self, dialect: Dialect, *, mode: str) -> None:
        self.dialect = dialect
        self.mode = mode
        self.counts: Counter[str] = Counter()
        self._plans: dict[tuple[str, tuple[str, ...]], SqlitePlan | CopyPlan] = {}

    def insert(self, connection: Connection, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        if self.mode == "core":
            connection.execute(_table(table).insert(), rows)
        else:
            key = (table, tuple(rows[0]))
            plan = self._plans.get(key)
            if plan is None:
                kind = SqlitePlan if self.mode == "sqlite" else CopyPlan
                plan = self._plans[key] = kind(_table(table), key[1], self.dialect)
            plan.write(connection, rows)
        self.counts[table] += len(rows)


def _insert_mode(dialect: Dialect) -> str:
    """How this store takes the rows (see ``_Inserter``)."""
    if dialect.name == "sqlite":
        return "sqlite" if DIRECT_SQLITE else "core"
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        return "copy" if COPY_POSTGRESQL else "core"
    return "core"
