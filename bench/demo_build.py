"""The store every benchmark runs on, and figure 4: how long the demo build takes.

A store (a SQLite file, or with ``--db`` a PostgreSQL database) that already
holds at least N accounts is reused (and the build is then not measured);
otherwise it is migrated and filled with ``build_demo(accounts=N, seed=2026,
today=2026-11-28)``, and that build is the benchmark. Baseline: plain
``sqlite3`` ``executemany`` into a table with no indexes, in the same run, to
compare rows per second (on PostgreSQL: psycopg's ``COPY`` of the same rows
into such a table).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import (
    BENCH_DISPLAY_NAME,
    BENCH_PASSWORD,
    BENCH_USER,
    Figure,
    log,
    ratio,
)

DEMO_SEED = 2026
DEMO_TODAY = date(2026, 11, 28)
RAW_BASELINE_ROWS = 200_000


@dataclass
class Store:
    """The store the run uses; ``build`` is None when an existing one was reused.

    ``db_url`` is a server's store (PostgreSQL) given with ``--db``; ``path`` is then
    only a name for the report.
    """

    path: Path
    accounts: int
    reused: bool
    build_seconds: float | None = None
    build_rows: int | None = None
    db_url: str | None = None

    @property
    def url(self) -> str:
        return self.db_url or f"sqlite:///{self.path}"

    @property
    def is_file(self) -> bool:
        return self.db_url is None

    @property
    def shown(self) -> str:
        """Where the store is, for the report (a server's URL without its password)."""
        if self.db_url is None:
            return str(self.path)
        return make_url(self.db_url).render_as_string(hide_password=True)


def default_store_path(accounts: int) -> Path:
    return Path(tempfile.gettempdir()) / f"swat-bench-{accounts}.db"


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def count_accounts(path: Path) -> int | None:
    """Accounts in an existing store file, or None if it is not a usable store."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(connection.execute("SELECT count(*) FROM account").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def prepare_store(path: Path | None, accounts: int) -> Store:
    """Reuse ``path`` if it has >= ``accounts`` accounts, else build it (timed)."""
    own_file = path is None
    path = (path or default_store_path(accounts)).expanduser().resolve()
    if path.exists():
        found = count_accounts(path)
        if found is not None and found >= accounts:
            log(f"reusing {path} ({found:,} accounts)")
            store = Store(path, found, reused=True)
            ensure_bench_agent(store)
            return store
        if not own_file:
            held = f"{found:,}" if found is not None else "no readable"
            raise SystemExit(
                f"bench: {path} has {held} accounts (< {accounts:,}); "
                "delete it or pass another --store path"
            )
        log(f"{path} has {found} accounts (< {accounts:,}): rebuilding it")
        for file in _sidecars(path):
            file.unlink(missing_ok=True)
    store = build_store(path, accounts)
    ensure_bench_agent(store)
    return store


def prepare_server_store(db_url: str, accounts: int) -> Store:
    """A server's store (``--db``): reused if it has >= ``accounts`` accounts, built
    (timed) if it has none; one with fewer is never emptied (the run stops)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            has_table = engine.dialect.has_table(connection, "account")
            found = (
                int(connection.execute(text("SELECT count(*) FROM account")).scalar_one())
                if has_table
                else 0
            )
    finally:
        engine.dispose()
    shown = make_url(db_url).render_as_string(hide_password=True)
    if found >= accounts:
        log(f"reusing {shown} ({found:,} accounts)")
        store = Store(Path(shown), found, reused=True, db_url=db_url)
    elif found:
        raise SystemExit(
            f"bench: {shown} has {found:,} accounts (< {accounts:,}); "
            "empty it (swat demo --replace) or pass another --db"
        )
    else:
        store = build_store(Path(shown), accounts, db_url=db_url)
    ensure_bench_agent(store)
    return store


def build_store(path: Path, accounts: int, *, db_url: str | None = None) -> Store:
    """Migrate an empty store and time ``build_demo`` filling it."""
    from swat_tui.store.demo import build_demo
    from swat_tui.store.engine import make_engine
    from swat_tui.store.migrate import upgrade

    engine = make_engine(db_url or f"sqlite:///{path}")
    upgrade(engine)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10 or done == total:
            last[0] = now
            log(f"demo build: {done:,}/{total:,} accounts")

    log(f"building {path} with {accounts:,} accounts (seed {DEMO_SEED}, today {DEMO_TODAY})")
    started = time.perf_counter()
    summary = build_demo(
        engine, accounts=accounts, seed=DEMO_SEED, today=DEMO_TODAY, progress=progress
    )
    seconds = time.perf_counter() - started
    if db_url is None:
        with engine.connect() as connection:  # fold the WAL in: the file size is the store's
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    rows = sum(summary.rows.values())
    log(f"demo build done in {seconds:.1f} s ({rows:,} rows)")
    return Store(
        path, accounts, reused=False, build_seconds=seconds, build_rows=rows, db_url=db_url
    )


def ensure_bench_agent(store: Store) -> None:
    """A profile the benchmarks sign on with (created, or re-enabled, on this store).

    A store built by ``swat demo`` has no profiles; the panel and memory
    benchmarks need one. Its password is reset each run, so a profile
    disabled by an earlier interrupted run works again.
    """
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.domain.errors import DomainError

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    try:
        with services.engine.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM agent WHERE username = :u"), {"u": BENCH_USER}
            ).first()
        if exists:
            services.auth.reset_password(BENCH_USER, BENCH_PASSWORD)
        else:
            try:
                services.auth.create_agent(BENCH_USER, BENCH_DISPLAY_NAME, "asesor", BENCH_PASSWORD)
            except DomainError:  # created meanwhile by a concurrent run
                services.auth.reset_password(BENCH_USER, BENCH_PASSWORD)
            log(f"created profile {BENCH_USER} on {store.shown}")
    finally:
        services.close()


def raw_insert_rate(rows: int = RAW_BASELINE_ROWS) -> float:
    """Rows per second of plain sqlite3 ``executemany`` (8 columns, no index) in one commit."""
    data = _raw_rows(rows)
    with tempfile.TemporaryDirectory(prefix="swat-bench-raw-") as folder:
        connection = sqlite3.connect(Path(folder) / "raw.db")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(
            "CREATE TABLE t (cuenta INTEGER PRIMARY KEY, holder TEXT, doc_type TEXT, doc TEXT,"
            " phone TEXT, city TEXT, address TEXT, balance REAL)"
        )
        started = time.perf_counter()
        connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data)
        connection.commit()
        seconds = time.perf_counter() - started
        connection.close()
    return rows / seconds


def raw_copy_rate(db_url: str, rows: int = RAW_BASELINE_ROWS) -> float:
    """Rows per second of psycopg's ``COPY`` of the same rows as ``raw_insert_rate``
    into a temporary table with no index, in one transaction (rolled back)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            with connection.begin() as transaction:
                connection.exec_driver_sql(
                    "CREATE TEMPORARY TABLE raw_t (cuenta integer PRIMARY KEY, holder text,"
                    " doc_type text, doc text, phone text, city text, address text,"
                    " balance float8)"
                )
                started = time.perf_counter()
                with driver.cursor() as cursor, cursor.copy("COPY raw_t FROM STDIN") as copy:
                    for row in _raw_rows(rows):
                        copy.write_row(row)
                seconds = time.perf_counter() - started
                transaction.rollback()
    finally:
        engine.dispose()
    return rows / seconds


def _raw_rows(rows: int) -> list[tuple[object, ...]]:
    return [
        (
            10_000_001 + i,
            f"Nombre {i}",
            "CC",
            str(79_000_000 + i),
            f"3{i:09d}",
            "BOGOTA",
            f"Calle {i % 200} # {i % 90}-{i % 70}",
            float(i % 500_000),
        )
        for i in range(rows)
    ]


def _size_mb(store: Store) -> float:
    if store.db_url is None:
        return sum(f.stat().st_size for f in _sidecars(store.path) if f.exists()) / 1e6
    engine = create_engine(store.db_url)
    try:
        with engine.connect() as connection:
            size = connection.execute(text("SELECT pg_database_size(current_database())"))
            return int(size.scalar_one()) / 1e6
    finally:
        engine.dispose()


def run(store: Store) -> list[Figure]:
    """Figure 4: build seconds, rows per second and size of the store."""
    size_mb = _size_mb(store)
    if store.reused:
        note = "not measured (reused store)"
        return [
            Figure("demo_build", f"build time, {store.accounts:,} accounts", None, "s", note=note),
            Figure("demo_build", "store file size", size_mb, "MB", note="reused store"),
        ]
    assert store.build_seconds is not None and store.build_rows is not None
    rate = store.build_rows / store.build_seconds
    raw = raw_insert_rate() if store.is_file else raw_copy_rate(store.url)
    raw_name = "plain sqlite3 executemany" if store.is_file else "plain psycopg COPY"
    return [
        Figure(
            "demo_build",
            f"build time, {store.accounts:,} accounts",
            store.build_seconds,
            "s",
            note=f"{store.build_rows:,} rows in all tables",
        ),
        Figure(
            "demo_build",
            "build rate",
            rate,
            "rows/s",
            baseline=raw,
            baseline_name=raw_name,
            ratio=ratio(rate, raw),
        ),
        Figure("demo_build", "accounts per second", store.accounts / store.build_seconds, "acc/s"),
        Figure(
            "demo_build",
            "store file size",
            size_mb,
            "MB",
            note=f"{size_mb * 1e6 / store.accounts / 1e3:.2f} kB per account",
        ),
    ]
