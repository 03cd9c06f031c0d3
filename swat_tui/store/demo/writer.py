"""Bulk insert of the demo store: batches of generated rows, one transaction each.

Rows are plain dicts. The generic path hands them to
``connection.execute(table.insert(), rows)`` (one DBAPI ``executemany`` per
table; what PostgreSQL uses). On SQLite the same compiled INSERT is fed to the
driver's cursor directly, with SQLAlchemy's own bind processors applied
through a memo (a demo has few distinct dates): that skips per-row parameter
construction and makes a million-account build about twice as fast, while
storing exactly what the Core path stores (a test compares both).
The next batch is generated in a helper thread while the current one is
written; the driver releases the GIL while SQLite works.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, Table, select
from sqlmodel import SQLModel

import swat_tui.store.models  # noqa: F401  (registers the tables)
from swat_tui.store.demo.generator import Batch, DemoGenerator, Row, campaign_rows
from swat_tui.store.demo.vocabulary import load_vocabulary

BATCH_ACCOUNTS = 10_000
DIRECT_SQLITE = True  # False forces the generic Core path (tests compare both)
_SQLITE_BUILD_CACHE_KIB = 256 * 1024  # a large page cache keeps index inserts off the disk
_SQLITE_DEFAULT_CACHE_KIB = 2000


@dataclass(frozen=True)
class DemoSummary:
    """What a build wrote and how long it took."""

    accounts: int
    rows: dict[str, int]  # table name -> rows inserted
    seconds: float


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def build_demo(engine: Engine, *, accounts: int, seed: int, today: date,
               progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill an empty, migrated store with ``accounts`` demo accounts and their rows.

    Same (accounts, seed, today) gives the same rows. ``progress(done, total)``
    is called after each committed batch.
    """
    started = time.perf_counter()
    vocabulary = load_vocabulary()
    sqlite = engine.dialect.name == "sqlite"
    inserter = _Inserter(engine.dialect, direct=sqlite and DIRECT_SQLITE)
    with engine.connect() as connection:
        if sqlite:
            _pragma(connection, f"cache_size = -{_SQLITE_BUILD_CACHE_KIB}")
        try:
            with connection.begin():
                campaigns = campaign_rows(vocabulary, today)
                inserter.insert(connection, "discount_campaign", campaigns)
                table = _table("discount_campaign")
                codes = [row["code"] for row in campaigns]
                campaign_ids = {
                    code: ident for code, ident in connection.execute(
                        select(table.c.code, table.c.id).where(table.c.code.in_(codes)))
                }
            generator = DemoGenerator(vocabulary, accounts=accounts, seed=seed, today=today,
                                      campaign_ids=campaign_ids)
            _write_batches(connection, generator, accounts, inserter, progress)
            with connection.begin():
                inserter.insert(connection, "incident", generator.incidents())
        finally:
            if sqlite:
                _pragma(connection, f"cache_size = -{_SQLITE_DEFAULT_CACHE_KIB}")
    return DemoSummary(accounts=accounts, rows=dict(inserter.counts),
                       seconds=round(time.perf_counter() - started, 3))


def _pragma(connection: Connection, pragma: str) -> None:
    # Executing autobegins a transaction; end it so the next ``begin()`` can start.
    connection.exec_driver_sql(f"PRAGMA {pragma}")
    connection.commit()


def _write_batches(connection: Connection, generator: DemoGenerator, accounts: int,
                   inserter: _Inserter, progress: Callable[[int, int], None] | None) -> None:
    sizes = [min(BATCH_ACCOUNTS, accounts - start) for start in range(0, accounts, BATCH_ACCOUNTS)]
    done = 0
    # One worker thread: batches are still generated strictly in order, so the
    # random stream (and the rows) do not depend on timing.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-gen") as pool:
        pending = pool.submit(generator.batch, sizes[0]) if sizes else None
        for index, size in enumerate(sizes):
            assert pending is not None
            batch = pending.result()
            pending = pool.submit(generator.batch, sizes[index + 1]) \
                if index + 1 < len(sizes) else None
            with connection.begin():
                _write_batch(connection, batch, inserter)
            done += size
            if progress is not None:
                progress(done, accounts)


def _write_batch(connection: Connection, batch: Batch, inserter: _Inserter) -> None:
    for spec in fields(Batch):
        if spec.name != "folder_note":
            inserter.insert(connection, spec.name, getattr(batch, spec.name))
    if batch.folder_note:
        folders = _table("note_folder")
        cuentas = [row["cuenta"] for row in batch.note_folder]
        folder_ids: dict[Any, int] = {
            cuenta: ident for cuenta, ident in connection.execute(
                select(folders.c.cuenta, folders.c.id).where(
                    folders.c.cuenta.in_(cuentas), folders.c.name == "SWAT"))
        }
        notes = [{**row, "folder_id": folder_ids[row["cuenta"]]} for row in batch.folder_note]
        inserter.insert(connection, "note", notes)


class _Inserter:
    """Inserts lists of row dicts and counts them per table."""

    def __init__(self, dialect: Dialect, *, direct: bool) -> None:
        self.dialect = dialect
        self.direct = direct  # SQLite: executemany on the driver cursor
        self.counts: Counter[str] = Counter()
        self._plans: dict[tuple[str, tuple[str, ...]], _DirectPlan] = {}

    def insert(self, connection: Connection, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        if self.direct:
            key = (table, tuple(rows[0]))
            plan = self._plans.get(key)
            if plan is None:
                plan = self._plans[key] = _DirectPlan(_table(table), key[1], self.dialect)
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(plan.sql, [plan.values(row) for row in rows])
            finally:
                cursor.close()
        else:
            connection.execute(_table(table).insert(), rows)
        self.counts[table] += len(rows)


class _DirectPlan:
    """The compiled INSERT of one table and how to turn a row dict into its parameters."""

    def __init__(self, table: Table, keys: tuple[str, ...], dialect: Dialect) -> None:
        compiled = table.insert().compile(dialect=dialect, column_keys=list(keys))
        self.sql = str(compiled)
        order = list(compiled.positiontup or ())
        getter = itemgetter(*order)
        self.getter: Callable[[Row], Any] = (
            getter if len(order) > 1 else lambda row: (getter(row),))
        self.converters: list[tuple[int, dict[Any, Any], Callable[[Any], Any]]] = []
        for index, name in enumerate(order):
            processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.converters.append((index, {}, processor))

    def values(self, row: Row) -> list[Any]:
        values = list(self.getter(row))
        for index, memo, processor in self.converters:
            value = values[index]
            try:
                values[index] = memo[value]
            except KeyError:
                values[index] = memo[value] = processor(value)
        return values
