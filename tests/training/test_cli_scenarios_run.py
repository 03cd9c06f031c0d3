"""``swat scenarios run --model``: the model answer played headless and its scorecard."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.paths import data_dir

runner = CliRunner()
SHIPPED = data_dir() / "scenarios" / "pqr_consulta_vencida.toml"


def test_a_shipped_model_answer_scores_100_by_id() -> None:
    result = runner.invoke(app, ["scenarios", "run", "PQR-CON-01", "--model"])
    assert result.exit_code == 0, result.output
    assert "Puntaje: 100/100  APROBADO" in result.stdout
    assert "Sin deducciones" in result.stdout


def test_a_flawed_answer_fails_and_says_when_and_where(tmp_path: Path) -> None:
    """The closing script left out: a compliance-critical error at its moment and panel."""
    text = SHIPPED.read_text(encoding="utf-8").replace('id = "PQR-CON-01"', 'id = "T-RUN-01"')
    closing = '[[model]]\ndo = "call.record_check"\ncheck_id = "guion_cierre"\nresult = "leído"\n'
    assert closing in text
    text = text.replace(closing, "")
    flawed = tmp_path / "flawed.toml"
    flawed.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scenarios", "run", str(flawed), "--model"])
    assert result.exit_code == 1, result.output
    assert "NO APROBADO (error crítico)" in result.stdout
    assert "LLM008 -20 Crítico de cumplimiento: Se omitió el protocolo de cierre" in result.stdout


def test_run_without_model_says_what_to_do() -> None:
    result = runner.invoke(app, ["scenarios", "run", "PQR-CON-01"])
    assert result.exit_code != 0
    assert "--model" in result.output
