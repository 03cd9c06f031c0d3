"""``swat kpi``: the hand-made calls as a table and as CSV, and bad input said in one line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.domain.supervisor.kpi_export import HEADER
from tests.conftest import FIXED_NOW
from tests.supervisor.kpi_rows import seed

runner = CliRunner()
PERIOD = ["--since", "2026-03-09", "--until", "2026-03-10"]


@pytest.fixture
def kpi_url(store_engine: Engine, store_url: str) -> str:
    seed(store_engine, FIXED_NOW)
    return store_url


def _kpi(url: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", url, "kpi", *args])
    return result.exit_code, result.stdout, result.stderr


def test_csv_has_one_row_per_agent_and_day(kpi_url: str, tmp_path: Path) -> None:
    target = tmp_path / "kpi.csv"
    code, out, _ = _kpi(kpi_url, *PERIOD, "--format", "csv", "--output", str(target))
    assert code == 0, out
    assert "3 filas exportadas" in out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == HEADER
    assert [(r["fecha"], r["asesor"], r["llamadas"]) for r in rows] == [
        ("2026-03-09", "ASESOR01", "3"),
        ("2026-03-10", "ASESOR01", "1"),
        ("2026-03-09", "ASESOR02", "1"),
    ]
    first = rows[0]
    assert (first["aht_s"], first["conversacion_s"], first["espera_s"], first["acw_s"]) == (
        "495",
        "420",
        "30",
        "45",
    )
    assert (first["primer_contacto_pct"], first["cun_pct"], first["puntaje_promedio"]) == (
        "33.3",
        "33.3",
        "5.0",
    )
    assert rows[2]["puntaje_promedio"] == ""  # the survey was declined


def test_text_with_one_agent_shows_the_detail(kpi_url: str) -> None:
    code, out, _ = _kpi(kpi_url, *PERIOD, "--agent", "asesor01")
    assert code == 0, out
    assert "Indicadores de llamadas del 09/03/2026 al 10/03/2026" in out
    assert "ASESOR02" not in out
    assert "PQR-QUE-001" in out and "Tiempo por paso de ASESOR01" in out
    assert "Recepción de la llamada" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since", "2026-03-10", "--until", "2026-03-09"],
            "swat: error: Desde 10/03/2026 es posterior a hasta 09/03/2026: corrija el período.",
        ),
        (
            ["--since", "2026-02-30", "--until", "2026-03-09"],
            "swat: error: Valor inválido para --since: «2026-02-30» no es una fecha válida "
            "(AAAA-MM-DD). Ayuda: swat kpi --help",
        ),
        (
            [*PERIOD, "--format", "xlsx"],
            "swat: error: Formato 'xlsx' no soportado: use --format text o --format csv.",
        ),
        ([*PERIOD, "--agent", "nadie"], "swat: error: Asesor NADIE: no existe."),
        (
            [*PERIOD, "--output", "x.txt"],
            "swat: error: --output es para --format csv; el texto va a la pantalla.",
        ),
    ],
)
def test_bad_input_is_one_line(kpi_url: str, args: list[str], message: str) -> None:
    code, out, err = _kpi(kpi_url, *args)
    assert code == 2
    assert err.splitlines() == [message]
    assert out == ""
