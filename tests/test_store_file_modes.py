"""The store is private to its user: folder 0700; database, -wal and -shm 0600.

A new store is created so; an existing, readable one is tightened when the
CLI starts, with one line on stderr the first time only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

import swat_tui.ui.app
from swat_tui.cli.main import app
from swat_tui.config import Settings
from swat_tui.store.engine import make_engine
from swat_tui.store.file_modes import database_file, make_private, sqlite_file
from swat_tui.store.migrate import upgrade
from tests.file_modes import mode_of, usual_umask  # noqa: F401  (a fixture, by name)

runner = CliRunner()
NOTICE = "swat: permisos de la base de datos ajustados"


pytestmark = pytest.mark.usefixtures("usual_umask")  # every test: umask 022


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data directory (platformdirs honours XDG_DATA_HOME) and no SWAT_DB_URL."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("SWAT_DB_URL", raising=False)
    return tmp_path / "xdg" / "swat-tui"


def test_a_new_store_its_wal_and_shm_and_its_new_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "nueva" / "carpeta" / "swat.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as connection:  # -wal and -shm exist while a connection is open
        connection.execute(text("CREATE TABLE probe (x INTEGER)"))
        connection.execute(text("INSERT INTO probe VALUES (1)"))
        connection.commit()
        wal, shm = (path.with_name(f"swat.db{suffix}") for suffix in ("-wal", "-shm"))
        assert wal.exists() and shm.exists()
        assert {name: mode_of(p) for name, p in (("db", path), ("wal", wal), ("shm", shm))} == {
            "db": 0o600,
            "wal": 0o600,
            "shm": 0o600,
        }
    assert mode_of(path.parent) == 0o700
    assert mode_of(tmp_path / "nueva") == 0o755  # a parent is not ours to close
    engine.dispose()


def test_the_store_is_private_even_under_a_careless_umask(tmp_path: Path) -> None:
    os.umask(0o000)
    path = tmp_path / "abierta" / "swat.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    assert (mode_of(path.parent), mode_of(path)) == (0o700, 0o600)
    engine.dispose()


def _loose_store(path: Path) -> None:
    """A store as swat made them before: 0644 files (WAL ones included) in a 0755 folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o755)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE probe (x INTEGER)")
    connection.commit()
    connection.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).write_bytes(b"")  # left behind by a crash
    for file in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        os.chmod(file, 0o644)


def _modes(path: Path) -> dict[str, int]:
    return {
        "folder": mode_of(path.parent),
        "db": mode_of(path),
        "wal": mode_of(path.with_name(path.name + "-wal")),
        "shm": mode_of(path.with_name(path.name + "-shm")),
    }


def test_an_existing_default_store_is_tightened_once_with_one_line(data_home: Path) -> None:
    path = data_home / "swat.db"
    _loose_store(path)
    first = runner.invoke(app, ["users", "list"])
    assert first.exit_code == 0, first.output
    notices = [line for line in first.stderr.splitlines() if line.startswith(NOTICE)]
    assert notices == [f"{NOTICE} para que solo su usuario pueda leerla: {path}"]
    assert _modes(path) == {"folder": 0o700, "db": 0o600, "wal": 0o600, "shm": 0o600}
    again = runner.invoke(app, ["users", "list"])
    assert again.exit_code == 0, again.output
    assert NOTICE not in again.stderr


def test_the_tui_start_tightens_the_store_before_the_app_runs(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_home / "swat.db"
    _loose_store(path)
    seen: list[dict[str, int]] = []

    def fake_run_tui(settings: Settings) -> int:
        seen.append(_modes(path))
        return 0

    monkeypatch.setattr(swat_tui.ui.app, "run_tui", fake_run_tui)
    result = runner.invoke(app, [])
    assert result.exit_code == 0, result.output
    assert seen == [{"folder": 0o700, "db": 0o600, "wal": 0o600, "shm": 0o600}]
    assert result.stderr.count(NOTICE) == 1


def test_a_store_elsewhere_has_its_files_tightened_but_not_its_folder(
    data_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "compartida" / "otra.db"
    _loose_store(path)
    result = runner.invoke(app, ["users", "list", "--db", f"sqlite:///{path}"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count(NOTICE) == 1
    assert _modes(path) == {"folder": 0o755, "db": 0o600, "wal": 0o600, "shm": 0o600}


def test_only_group_and_other_bits_go_and_only_from_regular_files(tmp_path: Path) -> None:
    read_only = tmp_path / "solo_lectura.db"
    read_only.write_bytes(b"")
    os.chmod(read_only, 0o444)
    assert make_private(read_only, folder=False).changed == (read_only,)
    assert mode_of(read_only) == 0o400  # never widened to 0600
    fifo = tmp_path / "tuberia.db"
    os.mkfifo(fifo, 0o644)
    assert make_private(fifo, folder=False).changed == ()
    assert mode_of(fifo) == 0o644


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///relativa/swat.db",
        "sqlite:////tmp/x/swat.db",
        "sqlite+pysqlite:///a%20b.db?timeout=3",
        "sqlite:///file:/tmp/p.db?mode=ro&uri=true",
        "sqlite:///file:/tmp/q.db?uri=true",
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql+psycopg://u:p@host/swat",
    ],
)
def test_the_light_url_reading_agrees_with_sqlalchemy(url: str) -> None:
    parsed = make_url(url)
    expected = (
        database_file(parsed.database, parsed.query)
        if parsed.get_backend_name() == "sqlite"
        else None
    )
    assert sqlite_file(url) == expected


def test_file_uris_name_their_file() -> None:
    found = sqlite_file("sqlite:///file:/tmp/p.db?mode=ro&uri=true")
    assert found is not None and (found.path, found.uri, found.read_only) == (
        Path("/tmp/p.db"),
        True,
        True,
    )
    assert sqlite_file("sqlite:///file:/tmp/m.db?mode=memory&uri=true") is None


def test_a_home_relative_store_is_created_where_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The private file is created before SQLite opens it: both must mean the same file.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    engine = make_engine("sqlite:///~/datos/swat.db")
    upgrade(engine)
    engine.dispose()
    assert mode_of(tmp_path / "datos" / "swat.db") == 0o600
    assert not (tmp_path / "~").exists()
