"""Trainer mode in two real ``swat`` processes (tmux, 80x24): FORMA01 assigns a
scenario, ASESOR01's softphone rings with it in the other terminal, the trainee takes
the call through the panels and sees the scorecard, and the trainer finds it in the
trainee's history. The training store is a file beside the real one; the real store
never gets a call."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_tmux_session import SWAT, TMUX, Terminal

pytestmark = pytest.mark.slow


@pytest.fixture
def store(template_db: Path, training_template_db: Path, tmp_path: Path) -> Path:
    if TMUX is None or SWAT is None:
        pytest.skip("tmux or the swat command is not available")
    db = tmp_path / "swat.db"
    shutil.copyfile(template_db, db)
    shutil.copyfile(training_template_db, tmp_path / "training.db")
    return db


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for term in opened:
        term.close()


def _signed_on(store: Path, terminals: list[Terminal], user: str) -> Terminal:
    # No practice call rings during the test: only the assigned scenario does.
    term = Terminal(["env", "SWAT_RING_DELAY=600", str(SWAT), "--db", f"sqlite:///{store}"])
    terminals.append(term)
    term.wait_for("Inicio de sesión")
    term.keys(user, "Tab", "swat2026", "Enter")
    term.wait_for("MNU001")
    return term


def test_a_trainer_assigns_and_a_trainee_takes_the_call(
    store: Path, terminals: list[Terminal]
) -> None:
    trainer = _signed_on(store, terminals, "forma01")
    trainer.keys("7", "Enter")
    trainer.wait_for("TRN001")
    trainer.keys("pqr/consultar", "Tab", "1", "Enter")  # rama and nivel: two rows
    trainer.wait_for("2 de ")
    trainer.keys("1", "Enter")  # Opc 1 on the first row, PQR-CON-01
    trainer.wait_for("TRN002")
    trainer.keys("asesor01", "Enter")
    trainer.wait_for("Escenario PQR-CON-01 asignado a ASESOR01.")

    trainee = _signed_on(store, terminals, "asesor01")
    trainee.keys("F2")
    trainee.wait_for("SFT001")
    trainee.keys("1", "Enter")  # Disponible: the assigned scenario rings
    trainee.wait_for("LLAMADA ENTRANTE  3056900846")
    trainee.keys("3", "Enter")
    shown = trainee.wait_for("LLM001")
    assert "Cliente: «Aló, sí, buenas tardes.»" in trainee.wait_for("Cliente:")
    trainee.keys("S", "Tab")
    trainee.wait_for("Puse un reclamo hace un mes")  # the request, once welcomed
    trainee.keys("Yaneth Salamanca Moreno", "Tab", "1050577", "Tab", "1", "Tab", "Enter")
    trainee.wait_for("LLM002")
    trainee.keys("S", "Tab", "S", "Tab", "Consulta su reclamo sin respuesta", "Tab", "4")
    trainee.keys("Enter")
    trainee.wait_for("LLM003")
    trainee.keys("1", "Enter")
    trainee.wait_for("PQR010")
    trainee.keys("Tab", "S", "Enter")
    trainee.wait_for("TIP001")
    trainee.keys(*["Tab"] * 11, "Se informa la PQR vencida tal como está registrada.", "Enter")
    trainee.wait_for("LLM008")
    trainee.keys("S", "Tab", "N", "Tab", "S", "Tab", "1", "Tab", "5", "Enter")
    trainee.wait_for("Llamada terminada y registrada")
    trainee.keys("7", "Enter")
    shown = trainee.wait_for("TRN030")
    assert "Escenario PQR-CON-01" in shown and "APROBADO" in shown, shown
    assert "AUX 3 Capacitación" in shown  # the real softphone waited out of the queue

    trainer.keys("F3")
    trainer.wait_for("MNU001")
    trainer.keys("8", "Enter")
    shown = trainer.wait_for("TRN010")
    assert "ASESOR01" in shown
    trainer.keys("5", "Enter")  # the first row: ASESOR01's history
    shown = trainer.wait_for("TRN011")
    assert "PQR-CON-01" in shown, shown

    with sqlite3.connect(store) as real:
        assert real.execute("SELECT count(*) FROM call").fetchone() == (0,)
    with sqlite3.connect(store.with_name("training.db")) as training:
        [(scenario, passed)] = training.execute(
            "SELECT scenario_id, passed FROM training_result"
        ).fetchall()
    assert (scenario, passed) == ("PQR-CON-01", 1)
