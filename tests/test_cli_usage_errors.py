"""Every command-line error is one Spanish line on stderr, ``swat: error: ...``, exit code 2.

Typer's own words are English in a rich box; agents and operators read Spanish.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import swat_tui.cli.users
from swat_tui.cli.main import app, run

runner = CliRunner()
ENGLISH = (
    "Invalid",
    "Missing",
    "No such",
    "Usage",
    "Try ",
    "Got unexpected",
    "requires an",
    "Did you mean",
    "Possible",
    "Value error",
    "Input should",
    "does not",
    "is not",
    "Error:",
    "Aborted",
    "╭",
    "│",
)


CASES = [
    (
        ["calls", "export", "--since", "2026-13-01"],
        "Valor inválido para --since: «2026-13-01» no es una fecha válida (AAAA-MM-DD). "
        "Ayuda: swat calls export --help",
    ),
    (["calls", "export"], "Falta la opción --since. Ayuda: swat calls export --help"),
    (["calls", "export", "--since"], "Falta el valor de la opción --since."),
    (
        ["users", "reset-password"],
        "Falta el argumento USUARIO. Ayuda: swat users reset-password --help",
    ),
    (
        ["users", "add", "ASESOR05", "--name", "Ana", "--role", "jefe"],
        "Valor inválido para --role: «jefe» no es uno de: asesor, supervisor, formador, "
        "coordinador. "
        "Ayuda: swat users add --help",
    ),
    (
        ["demo", "--accounts", "muchas"],
        "Valor inválido para --accounts: «muchas» no es un número entero. Ayuda: swat demo --help",
    ),
    (
        ["demo", "--accounts", "0"],
        "Valor inválido para --accounts: «0» es menor que el mínimo (1). Ayuda: swat demo --help",
    ),
    (
        ["demo", "--today", "2026-02-30"],
        "Valor inválido para --today: «2026-02-30» no es una fecha válida (AAAA-MM-DD). "
        "Ayuda: swat demo --help",
    ),
    (["--bogus"], "Opción desconocida: --bogus. Ayuda: swat --help"),
    (
        ["users", "list", "--dbb", "x"],
        "Opción desconocida: --dbb. ¿Quiso decir --db? Ayuda: swat users list --help",
    ),
    (["nosuch"], "Comando desconocido: nosuch. Ayuda: swat --help"),
    (
        ["users", "lst"],
        "Comando desconocido: lst. ¿Quiso decir list? Ayuda: swat users --help",
    ),
    (
        ["users", "list", "de", "mas"],
        "Sobran argumentos: de mas. Ayuda: swat users list --help",
    ),
    (["demo", "--replace=si"], "La opción --replace no lleva valor."),
]


@pytest.mark.parametrize(("args", "line"), CASES, ids=[" ".join(args) for args, _ in CASES])
def test_a_usage_error_is_one_spanish_line(args: list[str], line: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"swat: error: {line}"]
    assert not any(word in result.stderr for word in ENGLISH)


def test_a_password_typed_without_its_option_is_not_echoed() -> None:
    result = runner.invoke(app, ["users", "reset-password", "ASESOR01", "Secreta2026"])
    assert result.exit_code == 2
    assert "Secreta2026" not in result.output
    assert result.stderr.splitlines() == [
        "swat: error: Sobran argumentos. ¿Escribió la contraseña sin --password? "
        "Ayuda: swat users reset-password --help"
    ]


def test_end_of_input_at_a_password_prompt_is_one_line(store_url: str) -> None:
    result = runner.invoke(app, ["--db", store_url, "users", "reset-password", "ASESOR01"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "swat: error: Operación cancelada."


def test_help_still_answers_and_a_group_without_command_shows_its_help() -> None:
    help_result = runner.invoke(app, ["--help"])
    assert help_result.exit_code == 0 and "Genera una base" in help_result.stdout
    group = runner.invoke(app, ["users"])
    assert group.exit_code == 2 and "restablecer contraseñas" in group.stdout
    assert "swat: error" not in group.output


def test_the_installed_command_answers_in_spanish(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("swat")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "swat_tui.cli.main"]
    result = subprocess.run(
        [*command, "calls", "export", "--since", "2026-13-01"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "swat: error: Valor inválido para --since: «2026-13-01» no es una fecha válida "
        "(AAAA-MM-DD). Ayuda: swat calls export --help"
    ]


def test_an_unexpected_error_is_logged_and_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    def broken(*_args: object) -> None:
        secret = "Secreta2026"
        raise RuntimeError(f"fallo interno con {len(secret)} letras")

    monkeypatch.setattr(swat_tui.cli.users, "_auth", broken)
    url = f"sqlite:///{tmp_path / 'swat.db'}"
    monkeypatch.setattr(sys, "argv", ["swat", "--db", url, "users", "list"])
    with pytest.raises(SystemExit) as leaving:
        run()
    assert leaving.value.code == 1
    log = tmp_path / "xdg" / "swat-tui" / "swat-errors.log"
    assert capsys.readouterr().err.splitlines() == [
        f"swat: error: Error inesperado (RuntimeError); detalle en {log}."
    ]
    text = log.read_text(encoding="utf-8")
    assert "[swat users list] RuntimeError: fallo interno con 11 letras" in text
    assert "Secreta2026" not in text and url not in text
