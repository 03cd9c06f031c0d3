"""A whole call in the real ``swat`` command inside tmux (80x24), F-keys and Shift+F-keys,
then the call record in the store; and a real kill -9 mid-call, then resume."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from swat_tui.store.demo import SHOWCASE
from tests.e2e.test_tmux_session import SWAT, TMUX, Terminal

pytestmark = pytest.mark.slow


@pytest.fixture
def store(template_db: Path, tmp_path: Path) -> Path:
    if TMUX is None or SWAT is None:
        pytest.skip("tmux or the swat command is not available")
    db = tmp_path / "swat.db"
    shutil.copyfile(template_db, db)
    return db


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for term in opened:
        term.close()


def start(store: Path, terminals: list[Terminal]) -> Terminal:
    drill = ["env", "SWAT_RING_DELAY=0.2", "SWAT_PRACTICE_SEED=2026"]  # the same calls each run
    term = Terminal([*drill, str(SWAT), "--db", f"sqlite:///{store}"])
    terminals.append(term)
    term.wait_for("Inicio de sesión")
    term.keys("asesor01", "Tab", "swat2026", "Enter")
    return term


def answer(term: Terminal) -> None:
    term.wait_for("MNU001")
    term.keys("F2")
    term.wait_for("SFT001")
    term.keys("1", "Enter")
    term.wait_for("LLAMADA ENTRANTE")
    term.keys("3", "Enter")
    term.wait_for("LLM001")


def test_whole_call_with_function_keys(store: Path, terminals: list[Terminal]) -> None:
    term = start(store, terminals)
    answer(term)
    cuenta = str(SHOWCASE["activa"])
    term.keys("S", "Tab", "Carlos Ñañez", "Tab", "80111222", "Tab", "1", "Tab")
    term.keys(
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "BSpace",
        "3001234567",
        "Tab",
        cuenta,
        "Enter",
    )
    term.wait_for("LLM002")
    term.keys("S", "Tab", "Cobro no reconocido", "Tab", "1", "Enter")
    term.wait_for("LLM003")
    term.keys("S-F10")  # Shift+F10 is F22 on a 5250 keyboard: typify now
    term.wait_for("TIP001")
    term.keys("cobro no reconocido", "Enter")  # search the catalogue by words
    term.wait_for("SAC-FAC-002")
    term.keys("Tab", "1", "Enter")  # Opt 1 on the first code: chosen
    term.wait_for("Código SAC-FAC-002")
    term.keys("Enter")  # typify: first contact
    term.wait_for("LLM003")
    # The cursor starts on Gestión (SAC has panels of its own): Tab to Atendida.
    term.keys("Tab", "S", "Enter")
    term.wait_for("TIP001")
    term.keys("Enter")
    term.wait_for("LLM008")
    term.keys("S", "Tab", "N", "Tab", "S", "Tab", "1", "Tab", "5", "Enter")
    term.wait_for("Llamada terminada y registrada")
    term.keys("7", "Enter")
    term.wait_for("ACW terminado")
    with sqlite3.connect(store) as db:
        status, who, survey, hold, answered, ended = db.execute(
            "SELECT status, caller_name, survey_answer, hold_seconds, answered_at, ended_at"
            " FROM call ORDER BY id LIMIT 1"
        ).fetchone()
        codes = [row[0] for row in db.execute("SELECT code FROM typification")]
        steps = [row[0] for row in db.execute("SELECT DISTINCT step FROM call_event ORDER BY 1")]
    assert (status, who, survey) == ("ended", "Carlos Ñañez", "acepta")
    assert answered and ended and hold == 0
    assert codes == ["SAC-FAC-002"]
    assert steps == [1, 2, 3, 7, 8]


def test_kill_mid_call_and_resume(store: Path, terminals: list[Terminal]) -> None:
    term = start(store, terminals)
    answer(term)
    term.keys("S", "Tab", "Rosa Peña", "Tab", "41999888", "Tab", "99")
    # The document field was completed (Tab): it reaches the store at once.
    _wait_for_row(store, "SELECT caller_document FROM call", ("41999888",))
    pid = _swat_pid(store)
    os.kill(pid, signal.SIGKILL)
    term2 = start(store, terminals)
    shown = term2.wait_for("REC001")
    assert "Rosa Peña" in shown
    term2.keys("1", "Enter")
    shown = term2.wait_for("LLM001")
    assert "Rosa Peña" in shown and "41999888" in shown


def _wait_for_row(store: Path, query: str, expected: tuple[str, ...]) -> None:
    deadline = time.monotonic() + 10
    row = None
    while time.monotonic() < deadline:
        with sqlite3.connect(store) as db:
            row = db.execute(query).fetchone()
        if row == expected:
            return
        time.sleep(0.05)
    raise AssertionError(f"{query} gave {row}, expected {expected}")


def _swat_pid(store: Path) -> int:
    """The python process running ``swat --db`` on this store."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"sqlite:///{store}".encode() in cmdline and any(b"python" in p for p in cmdline):
            return int(entry.name)
    raise AssertionError("swat process not found")
