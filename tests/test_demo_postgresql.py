"""The demo build on PostgreSQL goes through COPY and stores what the SQLite build stores.

One build per backend with the same seed and day, read back through SQLAlchemy
(so both give the same Python values), table by table; the COPY path against
PostgreSQL's row INSERTs; and the sequences behind the ``id`` columns, which an
insert after the build must find past the rows COPY wrote.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel

import swat_tui.store.demo.writer as writer
from swat_tui.store.demo import build_demo
from swat_tui.store.demo.batch import Batch
from swat_tui.store.demo.pg_bulk import foreign_keys, plain_indexes
from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.migrate import upgrade
from swat_tui.store.models import Account, Note
from tests.backends import PgServer

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
SEED = 2026
ACCOUNTS = 300
# Every table the build writes, parents and children (ids included: the children
# point at them).
TABLES = (
    "account",
    "service",
    "equipment",
    "plant_condition",
    "cm_registration",
    "invoice",
    "invoice_charge",
    "payment",
    "final_notice",
    "discount_campaign",
    "account_discount",
    "pqr",
    "work_order",
    "dime_case",
    "dime_note",
    "note_folder",
    "note",
    "incident",
    "incident_link",
    "wfm_slot",
)


def _built(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    build_demo(engine, accounts=ACCOUNTS, seed=SEED, today=TODAY)
    return engine


def _contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every demo table, in primary-key order."""
    contents: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for name in TABLES:
            table = SQLModel.metadata.tables[name]
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            contents[name] = [tuple(row) for row in rows]
    return contents


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """An empty database of this test's own on the test server."""
    name = pg_server.new_name()
    pg_server.create(name)
    yield pg_server.url(name)
    pg_server.drop(name)


def test_copy_on_postgresql_stores_what_sqlite_stores(tmp_path: Path, pg_url: str) -> None:
    sqlite = _built(f"sqlite:///{tmp_path / 'demo.db'}")
    postgresql = _built(pg_url)
    try:
        on_sqlite, on_postgresql = _contents(sqlite), _contents(postgresql)
    finally:
        sqlite.dispose()
        postgresql.dispose()
    assert on_sqlite["account"] and on_sqlite["note"] and on_sqlite["invoice_charge"]
    for name in TABLES:
        assert on_postgresql[name] == on_sqlite[name], name


def test_copy_stores_what_row_inserts_store(
    pg_server: PgServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied = _built(pg_url)
    monkeypatch.setattr(writer, "COPY_POSTGRESQL", False)
    name = pg_server.new_name()
    pg_server.create(name)
    inserted = _built(pg_server.url(name))
    try:
        assert _contents(copied) == _contents(inserted)
    finally:
        copied.dispose()
        inserted.dispose()
        pg_server.drop(name)


def test_progress_follows_each_batch_and_the_schema_is_back(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "BATCH_ACCOUNTS", 64)
    monkeypatch.setattr(writer, "CHILD_PROCESS_MIN_ACCOUNTS", 0)  # the generator thread
    seen: list[tuple[int, int]] = []
    engine = make_engine(pg_url)
    upgrade(engine)
    try:
        with engine.connect() as connection:
            schema = (
                foreign_keys(connection, writer.FILLED_TABLES),
                plain_indexes(connection, writer.FILLED_TABLES),
            )
        summary = build_demo(
            engine,
            accounts=ACCOUNTS,
            seed=SEED,
            today=TODAY,
            progress=lambda done, total: seen.append((done, total)),
        )
        with engine.connect() as connection:
            stored = connection.execute(select(func.count()).select_from(Account)).scalar_one()
            assert (
                foreign_keys(connection, writer.FILLED_TABLES),
                plain_indexes(connection, writer.FILLED_TABLES),
            ) == schema  # every key and index the load dropped is back, as it was
    finally:
        engine.dispose()
    assert seen == [(64, 300), (128, 300), (192, 300), (256, 300), (300, 300)]
    assert stored == summary.rows["account"] == ACCOUNTS


def test_a_failed_build_leaves_the_store_as_it_was(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction: no rows, and every foreign key and index dropped for the load
    is back."""
    monkeypatch.setattr(writer, "BATCH_ACCOUNTS", 64)
    monkeypatch.setattr(writer, "CHILD_PROCESS_MIN_ACCOUNTS", 0)  # the generator thread
    real = writer._write_batch
    written: list[int] = []

    def fails_on_the_third(connection: Any, batch: Any, inserter: Any, **options: Any) -> None:
        if len(written) == 2:
            raise RuntimeError("the disk is full")
        real(connection, batch, inserter, **options)
        written.append(len(batch.account))

    engine = make_engine(pg_url)
    upgrade(engine)
    try:
        with engine.connect() as connection:
            keys = foreign_keys(connection, writer.FILLED_TABLES)
            indexes = plain_indexes(connection, writer.FILLED_TABLES)
        monkeypatch.setattr(writer, "_write_batch", fails_on_the_third)
        with pytest.raises(RuntimeError, match="the disk is full"):
            build_demo(engine, accounts=ACCOUNTS, seed=SEED, today=TODAY)
        with engine.connect() as connection:
            assert foreign_keys(connection, writer.FILLED_TABLES) == keys
            assert plain_indexes(connection, writer.FILLED_TABLES) == indexes
            for name in ("account", "discount_campaign", "equipment"):
                table = SQLModel.metadata.tables[name]
                count = connection.execute(select(func.count()).select_from(table)).scalar_one()
                assert count == 0, name
    finally:
        engine.dispose()
    assert written == [64, 64]
    assert len(keys) > 15 and len(indexes) > 15  # the build's tables have them to drop


def test_the_generator_thread_hands_on_its_error_and_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def breaks(*_args: Any) -> Iterator[Batch]:
        yield Batch(account=[{"cuenta": 1}])
        raise ValueError("vocabulary missing")

    monkeypatch.setattr(writer, "_local_batches", breaks)
    batches = writer._thread_batches(ACCOUNTS, SEED, TODAY, {})
    assert next(batches).account == [{"cuenta": 1}]
    with pytest.raises(ValueError, match="vocabulary missing"):
        next(batches)
    assert not [t for t in threading.enumerate() if t.name == "demo-generator"]


def test_an_insert_after_the_build_gets_a_fresh_id(pg_url: str) -> None:
    """COPY leaves each ``id`` to its sequence: every sequence is past its table's
    rows, and the next ORM insert does not collide."""
    engine = _built(pg_url)
    try:
        with engine.connect() as connection:
            for name in TABLES:
                table = SQLModel.metadata.tables[name]
                if "id" not in table.c:
                    continue
                highest_id = connection.execute(select(func.max(table.c.id))).scalar_one()
                following = connection.exec_driver_sql(
                    f"SELECT nextval(pg_get_serial_sequence('{name}', 'id'))"
                ).scalar_one()
                assert highest_id is None or following > highest_id, name
            highest = connection.execute(select(func.max(Note.id))).scalar_one()
            cuenta = connection.execute(select(func.min(Account.cuenta))).scalar_one()
        assert highest is not None
        with write_session(engine) as session:
            note = Note(cuenta=cuenta, author="PRUEBA01", created_at=NOW, text="Nota")
            session.add(note)
            session.flush()
            assert note.id is not None and note.id > highest
    finally:
        engine.dispose()
