"""Migrations bring an empty or older store to the newest schema."""

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import swat_tui.store.models  # noqa: F401
from swat_tui.store.engine import make_engine
from swat_tui.store.errors import StoreError
from swat_tui.store.migrate import alembic_config, current_revision, upgrade
from swat_tui.store.migrations import HEAD


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
    from alembic import command

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
