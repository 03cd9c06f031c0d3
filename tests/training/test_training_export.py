"""``swat training export``: every scored training call as CSV, from the training store."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.config import Settings
from swat_tui.domain.training import assignments
from swat_tui.domain.training.progress import CSV_COLUMNS
from swat_tui.domain.training.training_store import open_training_services
from swat_tui.store.engine import write_session
from swat_tui.store.models import Call, TrainingResult
from tests.desk_calls import demo_template  # noqa: F401
from tests.ui.conftest import FIXED_NOW, ui_settings

runner = CliRunner()


def _settings_with_results(template: Path, folder: Path) -> Settings:
    """A real store copied from the demo and its training store with three results:
    ASESOR01 passed then failed (abandoned) a call, ASESOR02 passed a certification."""
    shutil.copyfile(template, folder / "swat.db")
    settings = ui_settings(folder / "swat.db")
    training = open_training_services(settings, real=None, env={})
    rows = [
        ("ASESOR01", "PQR-CON-01", "practica", 92, True, False, 0, 301),
        ("ASESOR02", "CERT-01-1", "certificacion", 88, True, False, 0, 280),
        ("ASESOR01", "SAC-CAR-01", "practica", 40, False, True, 2, 95),
    ]
    for index, (user, scenario, mode, score, passed, abandoned, critical, seconds) in enumerate(
        rows
    ):
        trainee = assignments.trainee_id(training.engine, user)
        assert trainee is not None
        with write_session(training.engine) as session:
            call = Call(
                agent_id=trainee,
                ani="3015550101",
                queue="HOGAR_SAC",
                status="ended",
                started_at=FIXED_NOW,
            )
            session.add(call)
            session.flush()
            assert call.id is not None
            call_id = call.id
        assignments.record_result(
            training.engine,
            TrainingResult(
                call_id=call_id,
                trainee_id=trainee,
                scenario_id=scenario,
                mode=mode,
                score=score,
                passed=passed,
                abandoned=abandoned,
                critical=critical,
                handle_seconds=seconds,
                scored_at=FIXED_NOW + timedelta(minutes=index),
            ),
        )
    training.close()
    return settings


def test_export_writes_every_scored_call_oldest_first(
    demo_template: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = _settings_with_results(demo_template, tmp_path)
    result = runner.invoke(app, ["training", "export", "--format", "csv"], obj=settings)
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("3 llamadas de formación exportadas.\n")  # after a notice
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1:] == [
        [
            "ASESOR01",
            "PQR-CON-01",
            "practica",
            "92",
            "si",
            "no",
            "0",
            "301",
            "2026-11-28T09:30:00-05:00",
        ],
        [
            "ASESOR02",
            "CERT-01-1",
            "certificacion",
            "88",
            "si",
            "no",
            "0",
            "280",
            "2026-11-28T09:31:00-05:00",
        ],
        [
            "ASESOR01",
            "SAC-CAR-01",
            "practica",
            "40",
            "no",
            "si",
            "2",
            "95",
            "2026-11-28T09:32:00-05:00",
        ],
    ]


def test_export_of_one_trainee_to_a_file(
    demo_template: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = _settings_with_results(demo_template, tmp_path)
    out = tmp_path / "asesor01.csv"
    result = runner.invoke(
        app,
        ["training", "export", "--trainee", "asesor01", "--output", str(out)],
        obj=settings,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"2 llamadas de formación exportadas a {out}.\n"
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert [row[1] for row in rows[1:]] == ["PQR-CON-01", "SAC-CAR-01"]


def test_export_refuses_another_format_and_shows_the_store_option(tmp_path: Path) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'swat.db'}")
    result = runner.invoke(app, ["training", "export", "--format", "xlsx"], obj=settings)
    assert result.exit_code != 0
    assert "Formato 'xlsx' no soportado" in result.output
    helped = runner.invoke(app, ["training", "export", "--help"], env={"COLUMNS": "100"})
    assert helped.exit_code == 0 and "--db" in helped.stdout and "--trainee" in helped.stdout
