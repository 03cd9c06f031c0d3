"""The real ``swat`` command in a real terminal (tmux, 80x24), driven by keys.

Slow-ish (a few seconds): it starts the program as an agent would and reads
the screen back with capture-pane.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from swat_tui.store.demo import SHOWCASE

pytestmark = pytest.mark.slow
TMUX = shutil.which("tmux")
SWAT = shutil.which("swat")


class Terminal:
    """A tmux session running one command at 80x24."""

    def __init__(self, command: list[str]) -> None:
        self.name = f"swat-{uuid.uuid4().hex[:8]}"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", *command)

    def tmux(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        """tmux on a server of this terminal's own (-L): parallel tests never share one,
        so one exiting cannot make another's new-session fail."""
        assert TMUX is not None
        return subprocess.run([TMUX, "-L", self.name, *args], check=True, capture_output=True)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name).stdout.decode()

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        assert TMUX is not None
        subprocess.run([TMUX, "-L", self.name, "kill-server"], check=False, capture_output=True)


@pytest.fixture
def terminal(template_db: Path, tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    if TMUX is None or SWAT is None:
        pytest.skip("tmux or the swat command is not available")
    db = tmp_path / "swat.db"
    shutil.copyfile(template_db, db)
    term = Terminal([SWAT, "--db", f"sqlite:///{db}"])
    yield term, db
    term.close()


def test_agent_session_from_sign_on_to_f7_and_f10(terminal: tuple[Terminal, Path]) -> None:
    term, db = terminal
    term.wait_for("Inicio de sesión")
    # Typed ahead in one burst, as agents do.
    term.keys("asesor01", "Tab", "swat2026", "Enter", "1", "Enter")
    term.wait_for("Búsqueda de cuenta")
    term.keys(str(SHOWCASE["blacklist"]), "Enter")
    shown = term.wait_for("NO DAR INFO. VER F7")
    assert "CTA001" in shown and "F10=Servicios/Inventario" in shown
    term.keys("F7")
    term.wait_for("NTS001")
    term.keys("F12")
    term.wait_for("F7 leídas fuera de llamada")
    term.keys("F10")
    shown = term.wait_for("INV001")
    assert "Serial" in shown
    term.keys("F3")
    term.wait_for("MNU001")
    term.keys("F3")
    term.wait_for("SGN001")
    term.keys("F3")
    with sqlite3.connect(db) as connection:
        actions = connection.execute(
            "SELECT username, cuenta, action FROM access_log ORDER BY id"
        ).fetchall()
    cuenta = SHOWCASE["blacklist"]
    assert ("ASESOR01", cuenta, "CONSULTA") in actions
    assert ("ASESOR01", cuenta, "F7") in actions
    assert ("ASESOR01", cuenta, "F10") in actions


def test_the_terminal_cursor_is_where_typing_goes(terminal: tuple[Terminal, Path]) -> None:
    """The tn5250 behaviour, which screen readers and capture tools follow."""
    from swat_tui.ui.display_file import load

    fields = load("SGN001").fields
    user, password = (
        (fields["user"].col, fields["user"].row),
        (
            fields["password"].col,
            fields["password"].row,
        ),
    )
    term, _db = terminal
    term.wait_for("Inicio de sesión")

    def cursor() -> tuple[int, int, str]:
        shown = term.tmux(
            "display", "-p", "-t", term.name, "#{cursor_x} #{cursor_y} #{cursor_flag}"
        )
        x, y, flag = shown.stdout.decode().split()
        return int(x), int(y), flag

    def settles_at(expected: tuple[int, int, str]) -> bool:
        deadline = time.monotonic() + 10
        while cursor() != expected and time.monotonic() < deadline:
            time.sleep(0.1)
        return cursor() == expected

    assert settles_at((*user, "1"))  # on the user field, and shown
    term.keys("abc")
    assert settles_at((user[0] + 3, user[1], "1"))  # after the three letters
    term.keys("Tab")
    assert settles_at((*password, "1"))
