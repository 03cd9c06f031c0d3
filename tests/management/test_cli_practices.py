"""``swat practices list`` and ``swat practices report`` (text and CSV)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.practice_form import PracticeForm
from tests.management.leaders import desk_of, services  # noqa: F401

runner = CliRunner()
WEEK = ["--since", "2026-03-02", "--until", "2026-03-08"]  # Monday to Sunday, all past


def _held(services: Services) -> None:  # noqa: F811
    supervisor = desk_of(services, "SUPERV01")
    for day in ("02", "03", "03"):  # two on Tuesday: counted once
        supervisor.practices.record(
            PracticeForm("dialogo_diario", f"{day}/03/26", "08:00", "15", "ASESOR01")
        )


def test_list_shows_the_nine_practices() -> None:
    result = runner.invoke(app, ["practices", "list"])
    assert result.exit_code == 0, result.output
    assert "Diálogo diario" in result.output and "Reuniones barómetro" in result.output
    assert "9 prácticas." in result.output


def test_report_as_csv(services: Services, store_url: str, tmp_path: Path) -> None:  # noqa: F811
    _held(services)
    out = tmp_path / "adherencia.csv"
    result = runner.invoke(
        app,
        ["practices", "report", *WEEK, "--format", "csv", "--output", str(out), "--db", store_url],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert f"{len(rows)} filas exportadas a {out}." in result.output
    daily = next(r for r in rows if r["lider"] == "SUPERV01" and r["practica"] == "dialogo_diario")
    assert (daily["hechas"], daily["debidas"], daily["registradas"]) == ("2", "5", "3")
    assert (daily["adherencia_pct"], daily["meta_pct"], daily["cumple"]) == ("40.0", "100", "NO")
    coordinator = [r for r in rows if r["lider"] == "COORD01"]
    assert {r["adherencia_pct"] for r in coordinator} == {"0.0"}
    assert next(r["practica"] for r in rows if r["lider"] == "TODOS") == "dialogo_diario"


def test_report_as_text(services: Services, store_url: str) -> None:  # noqa: F811
    _held(services)
    result = runner.invoke(app, ["practices", "report", *WEEK, "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "Adherencia del 02/03/2026 al 08/03/2026" in result.output
    assert "Total del líder" in result.output
    assert "2 líderes; adherencia total" in result.output


def test_report_refuses_a_bad_format_or_period(store_url: str) -> None:
    bad = runner.invoke(app, ["practices", "report", "--format", "xlsx", "--db", store_url])
    assert bad.exit_code != 0
    assert "use --format text o --format csv" in bad.output
    backwards = ["--since", "2026-03-08", "--until", "2026-03-02"]
    refused = runner.invoke(app, ["practices", "report", *backwards, "--db", store_url])
    assert refused.exit_code != 0
    assert "--until no puede ser anterior a --since." in refused.output
