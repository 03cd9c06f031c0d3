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
