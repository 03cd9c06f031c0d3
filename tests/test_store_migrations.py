"""Migrations bring an empty or older store to the newest schema."""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

import swat_tui.store.models  # noqa: F401
from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.errors import StoreError
from swat_tui.store.migrate import alembic_config, current_revision, upgrade
from swat_tui.store.migrations import HEAD
from swat_tui.store.models import (
    DimeCase,
    Incident,
    Note,
    NoteFolder,
    Pqr,
    Reconnection,
    WorkOrder,
)
from swat_tui.store.queries import calls as call_queries
from swat_tui.store.queries import cgo as cgo_queries
from swat_tui.store.queries import dime as dime_queries
from swat_tui.store.queries import notes as note_queries
from swat_tui.store.queries import numbering, pqr_filing
from swat_tui.store.queries import visits as visit_queries
from tests.store_rows import account_row, typification_row

CUENTA = 20000001


def test_head_constant_matches_alembic_head(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.connect() as connection:
        script = ScriptDirectory.from_config(alembic_config(connection))  # type: ignore[arg-type]
        assert script.get_current_head() == HEAD


def test_upgrade_creates_every_table_and_is_idempotent(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    assert current_revision(engine) is None
    assert upgrade(engine) is True
    assert current_revision(engine) == HEAD
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert upgrade(engine) is False


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_corrupt_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="dañado"):
        upgrade(make_engine(f"sqlite:///{path}"))


def test_invalid_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        make_engine("not a url at all")
    with pytest.raises(StoreError):
        make_engine("nosuchdb://x/y")


def test_0008_registers_the_installed_modems_on_their_node(tmp_path: Path) -> None:
    """A store at 0007 with an installed, a retired and a decoder device: the upgrade
    lists only the installed modem on the CMTS of its account's node."""
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007_support_visits")  # type: ignore[arg-type]
        connection.exec_driver_sql(
            "INSERT INTO account (cuenta, holder_name, document_type, document_number, address,"
            " city, department, estrato, node, status, blacklist, balance, monthly_rent,"
            " billing_cutoff_day, activated_on) VALUES (20000001, 'A', 'CC', '1',"
            " 'CL 1 # 1-01', 'Bogotá', 'Bogotá', 3, 'BOG-US-0401', 'ACTIVA', 0, 0, 0, 1,"
            " '2024-01-02')"
        )
        for serial, kind, status in (
            ("OLD000001", "modem", "RETIRADO"),
            ("CM0000001", "modem", "INSTALADO"),
            ("DC0000001", "decoder", "INSTALADO"),
        ):
            connection.exec_driver_sql(
                "INSERT INTO equipment (cuenta, kind, serial, model, status, installed_on)"
                f" VALUES (20000001, '{kind}', '{serial}', 'M', '{status}', '2024-01-02')"
            )
    assert upgrade(engine) is True
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT node, cuenta, serial FROM cm_registration").all()
        indexes = {i["name"] for i in inspect(connection).get_indexes("account")}
    assert [tuple(row) for row in rows] == [("BOG-US-0401", 20000001, "CM0000001")]
    assert "ix_account_node_address" in indexes and "ix_account_node" not in indexes


# -- 0010: counters and unique numbers ---------------------------------------------------

BEFORE_COUNTERS = "0009_call_record_presence"
NOW = datetime(2026, 3, 10, 14, 30, tzinfo=UTC)


def _store_at(url: str, revision: str) -> Engine:
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)  # type: ignore[arg-type]
    return engine


def _insert_at_0009(session: Session, model: Any, **values: Any) -> None:
    """A row written with the columns its table had at 0009 (the model has more now:
    the version columns of 0011), through Core so that only these are named."""
    session.connection().execute(model.__table__.insert().values(**values))


def _numbered_rows(engine: Engine, *, cuns: tuple[str, ...]) -> None:
    """A store's numbers before the counters, and the SWAT folder two agents made."""
    with write_session(engine) as session:
        session.add(
            account_row(CUENTA, holder_name="A", document_number="1", address="CL 1 # 1-01")
        )
        session.flush()
        for number in ("LLS000000041", "OT0000000900", "LLS000000007"):
            kind = number[:3].rstrip("0123456789")
            _insert_at_0009(
                session,
                WorkOrder,
                cuenta=CUENTA,
                kind=kind,
                number=number,
                status="CERRADA",
                reason="x",
                created_at=NOW,
            )
        _insert_at_0009(
            session,
            DimeCase,
            number="DIME00000007",
            cuenta=CUENTA,
            area="x",
            subject="x",
            status="ABIERTO",
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(
            Incident(
                number="INC000300050",
                node="BOG-US-0401",
                priority=1,
                kind="masiva",
                description="x",
                status="ABIERTO",
                opened_at=NOW,
            )
        )
        session.add(
            Pqr(
                cuenta=CUENTA,
                radicado="RAD0000000100",
                cun="4410-26-0000000010",
                kind="queja",
                subject="x",
                status="ABIERTA",
                filed_at=NOW,
                due_on=date(2026, 3, 31),
                filed_by="AGT001",
            )
        )
        for cun in cuns:
            session.add(typification_row(CUENTA, cun, created_at=NOW))
        session.add(
            Reconnection(
                number="RCX100000004",
                cuenta=CUENTA,
                status="PENDIENTE",
                requested_at=NOW,
                agent="AGT001",
            )
        )
        for agent in ("AGT001", "AGT002"):  # the same folder twice, each with its note
            folder = NoteFolder(cuenta=CUENTA, name="SWAT", created_by=agent, created_at=NOW)
            session.add(folder)
            session.flush()
            session.add(
                Note(cuenta=CUENTA, folder_id=folder.id, author=agent, created_at=NOW, text="x")
            )


def _unique_indexes(engine: Engine, table: str) -> dict[str, bool]:
    return {str(i["name"]): bool(i["unique"]) for i in inspect(engine).get_indexes(table)}


def test_0010_counts_on_from_the_stored_numbers_and_downgrades(store_url: str) -> None:
    engine = _store_at(store_url, BEFORE_COUNTERS)
    _numbered_rows(engine, cuns=("4410-26-0000000012", "4410-25-0000000005"))
    assert upgrade(engine) is True

    with engine.connect() as connection:
        assert numbering.counters(connection) == {
            "LLS": 41,
            "OT": 900,
            "DIME": 7,
            "INC": 300_050,
            "RAD": 100,
            "RCX": 100_000_004,
            "4410-26-": 12,
            "4410-25-": 5,
        }
    with write_session(engine) as session:  # the next numbers follow the stored ones
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000042"
        assert dime_queries.next_number(session) == "DIME00000008"
        assert cgo_queries.next_number(session) == "CGO000000001"  # none stored: from one
        assert pqr_filing.next_radicado(session) == "RAD0000000101"
        assert call_queries.next_cun_sequence(session, prefix="4410-26-") == 13
        folders = session.exec(select(NoteFolder)).all()
        assert [(f.cuenta, f.name) for f in folders] == [(CUENTA, "SWAT")]  # merged
        assert folders[0].id is not None
        assert len(note_queries.folder_notes(session, folder_id=folders[0].id)) == 2
    assert _unique_indexes(engine, "typification")["ix_typification_cun"] is True
    assert _unique_indexes(engine, "pqr")["ix_pqr_cun"] is True
    assert _unique_indexes(engine, "note_folder")["uq_note_folder_cuenta_name"] is True
    with pytest.raises(IntegrityError), write_session(engine) as session:
        session.add(typification_row(CUENTA, "4410-26-0000000010", created_at=NOW))
        session.add(typification_row(CUENTA, "4410-26-0000000010", created_at=NOW))

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), BEFORE_COUNTERS)  # type: ignore[arg-type]
    assert current_revision(engine) == BEFORE_COUNTERS
    assert "counter" not in inspect(engine).get_table_names()
    assert _unique_indexes(engine, "typification")["ix_typification_cun"] is False
    assert "ix_pqr_cun" not in _unique_indexes(engine, "pqr")
    assert "uq_note_folder_cuenta_name" not in _unique_indexes(engine, "note_folder")
    assert upgrade(engine) is True and current_revision(engine) == HEAD
    engine.dispose()


def test_0010_names_the_repeated_cuns_it_cannot_make_unique(store_url: str) -> None:
    """Two agents on a server before the counters could give one CUN twice: the upgrade
    stops with one clear line and leaves the store as it was."""
    engine = _store_at(store_url, BEFORE_COUNTERS)
    _numbered_rows(engine, cuns=("4410-26-0000000012", "4410-26-0000000012"))
    with pytest.raises(StoreError) as refused:
        upgrade(engine)
    assert str(refused.value) == (
        "No se puede actualizar la base: 1 CUN repetidos (4410-26-0000000012); "
        "corríjalos antes de `swat db upgrade`."
    )
    assert current_revision(engine) == BEFORE_COUNTERS
    assert "counter" not in inspect(engine).get_table_names()
    engine.dispose()
