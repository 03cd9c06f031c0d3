"""The ``swat`` command: users, db, demo, and errors that never show a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.config import Settings, now_bogota
from swat_tui.domain.auth import AuthService
from swat_tui.store.engine import make_engine
from swat_tui.store.migrate import current_revision
from swat_tui.store.migrations import HEAD

runner = CliRunner()


def _swat(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("swat")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "swat_tui.cli.main"]
    env = {key: value for key, value in os.environ.items() if key != "SWAT_DB_URL"}
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_no_subcommand_runs_the_tui_with_the_settings(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import swat_tui.ui.app

    seen: list[Settings] = []

    def fake_run_tui(settings: Settings) -> int:
        seen.append(settings)
        return 3

    monkeypatch.setattr(swat_tui.ui.app, "run_tui", fake_run_tui)
    result = runner.invoke(app, ["--db", store_url])
    assert result.exit_code == 3
    assert [settings.db_url for settings in seen] == [store_url]


# -- users and db ----------------------------------------------------------------------


def _auth(store_url: str) -> AuthService:
    return AuthService(make_engine(store_url), now_bogota)


def test_users_add_list_and_reset_password(store_url: str) -> None:
    added = runner.invoke(
        app,
        [
            "--db",
            store_url,
            "users",
            "add",
            "asesor09",
            "--name",
            "Ana Díaz",
            "--role",
            "supervisor",
            "--password",
            "clave123",
        ],
    )
    assert added.exit_code == 0, added.output
    assert "ASESOR09" in added.stdout
    listed = runner.invoke(app, ["--db", store_url, "users", "list"])
    assert listed.exit_code == 0, listed.output
    assert "ASESOR09" in listed.stdout and "supervisor" in listed.stdout
    assert "Fallidos" in listed.stdout
    reset = runner.invoke(
        app, ["--db", store_url, "users", "reset-password", "Asesor09", "--password", "otra4567"]
    )
    assert reset.exit_code == 0, reset.output
    assert "ASESOR09" in reset.stdout
    audit = _auth(store_url).profile_audit("ASESOR09")
    assert [(line.actor, line.action) for line in audit] == [("*CLI", "RESTABLECER CLAVE")]


def test_users_add_asks_for_the_password_twice(store_url: str) -> None:
    command = ["--db", store_url, "users", "add", "ASESOR10", "--name", "Ana"]
    mismatch = runner.invoke(app, command, input="clave123\nclave999\n")
    assert mismatch.exit_code == 2 and "no coinciden" in mismatch.stderr
    ok = runner.invoke(app, command, input="clave123\nclave123\n")
    assert ok.exit_code == 0, ok.output
    assert "clave123" not in ok.output
    assert "ASESOR10 creado (asesor)" in ok.stdout


def test_domain_errors_exit_2_with_the_message(store_url: str) -> None:
    command = [
        "--db",
        store_url,
        "users",
        "add",
        "ASESOR11",
        "--name",
        "Ana",
        "--password",
        "clave123",
    ]
    assert runner.invoke(app, command).exit_code == 0
    again = runner.invoke(app, command)
    assert again.exit_code == 2
    assert again.stderr.strip() == "swat: error: El usuario ASESOR11 ya existe."
    unknown = runner.invoke(
        app, ["--db", store_url, "users", "reset-password", "NADIE", "--password", "clave123"]
    )
    assert unknown.exit_code == 2 and "CPF1120" in unknown.stderr


def test_db_upgrade_prints_the_revisions(store_url: str) -> None:
    first = runner.invoke(app, ["--db", store_url, "db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert "(base vacía)" in first.stdout and HEAD in first.stdout
    second = runner.invoke(app, ["--db", store_url, "db", "upgrade"])
    assert "ya estaba al día" in second.stdout


def test_db_url_comes_from_the_environment(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWAT_DB_URL", store_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    engine = make_engine(store_url)  # the store the variable names is the one upgraded
    try:
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_demo_builds_refuses_to_overwrite_and_replaces(store_url: str) -> None:
    command = [
        "--db",
        store_url,
        "demo",
        "--accounts",
        "20",
        "--seed",
        "5",
        "--today",
        "2026-03-10",
    ]
    built = runner.invoke(app, command)
    assert built.exit_code == 0, built.output
    assert "20 cuentas" in built.stdout and "account" in built.stdout
    assert "5 usuarios" in built.stdout
    refused = runner.invoke(app, command)
    assert refused.exit_code == 2
    assert "ya tiene 20 cuentas" in refused.stderr and "--replace" in refused.stderr
    replaced = runner.invoke(app, [*command[:4], "12", *command[5:], "--replace"])
    assert replaced.exit_code == 0, replaced.output
    assert "12 cuentas" in replaced.stdout and "usuarios" not in replaced.stdout


# -- failures in a real process ------------------------------------------------------------


def test_unknown_database_kind_exits_2_without_traceback() -> None:
    result = _swat("--db", "nosuch://x", "users", "list")
    assert result.returncode == 2
    assert result.stderr.startswith("swat: error: Base de datos no soportada")
    assert "Traceback" not in result.stderr + result.stdout


def test_unwritable_folder_exits_2_without_traceback() -> None:
    result = _swat("--db", "sqlite:////proc/nope/x.db", "users", "list")
    assert result.returncode == 2
    assert "swat: error:" in result.stderr and "Traceback" not in result.stderr


def test_corrupt_file_exits_2_without_traceback(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"no soy una base de datos " * 200)
    result = _swat("--db", f"sqlite:///{corrupt}", "db", "upgrade")
    assert result.returncode == 2
    assert "dañado" in result.stderr and "Traceback" not in result.stderr


def test_read_only_store_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "swat.db"
    assert _swat("--db", f"sqlite:///{path}", "db", "upgrade").returncode == 0
    # Root ignores file modes, so open the file read-only through SQLite itself.
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = _swat("--db", read_only, "users", "list", cwd=tmp_path)
    assert result.returncode == 2
    assert "No se puede escribir" in result.stderr and "Traceback" not in result.stderr


def test_help_is_spanish_and_light() -> None:
    script = (
        "import json, sys\n"
        "sys.argv = ['swat', '--help']\n"
        "from swat_tui.cli.main import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = ('textual', 'sqlmodel', 'sqlalchemy', 'alembic', 'argon2')\n"
        "print(json.dumps([m for m in sys.modules if m.split('.')[0] in heavy]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    *help_lines, loaded = result.stdout.strip().splitlines()
    assert json.loads(loaded) == []
    help_text = "\n".join(help_lines)
    assert "base de datos" in help_text and "Genera una base" in help_text


def test_a_bad_keymap_stops_the_tui_with_one_line(
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from swat_tui.config import Settings as AppSettings
    from swat_tui.ui.app import run_tui

    bad = tmp_path / "keymap.toml"
    bad.write_text('[keys]\nguide = "ctrl+t"\ninventory = "ctrl+t"\n', encoding="utf-8")
    monkeypatch.setenv("SWAT_KEYMAP", str(bad))
    assert run_tui(AppSettings(db_url=store_url)) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "keymap.toml" in error[0] and "inventory" in error[0]


# -- the store option on every subcommand ----------------------------------------------

LEAF_COMMANDS = [
    ["demo"],
    ["db", "upgrade"],
    ["users", "add"],
    ["users", "list"],
    ["users", "reset-password"],
    ["calls", "export"],
    ["ucc", "load"],
    ["ucc", "search"],
]


@pytest.mark.parametrize("command", LEAF_COMMANDS, ids=" ".join)
def test_every_subcommand_help_shows_the_store_option(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "--db" in result.stdout and "URL" in result.stdout


def test_the_store_option_works_after_the_subcommand(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'after.db'}"
    built = runner.invoke(app, ["demo", "--db", url, "--accounts", "5", "--seed", "1"])
    assert built.exit_code == 0, built.output
    listed = runner.invoke(app, ["users", "list", "--db", url])
    assert listed.exit_code == 0 and "ASESOR01" in listed.stdout


def test_the_store_option_nearest_the_command_wins(tmp_path: Path) -> None:
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("first.db", "second.db"))
    result = runner.invoke(app, ["--db", first, "db", "upgrade", "--db", second])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "second.db").exists() and not (tmp_path / "first.db").exists()
