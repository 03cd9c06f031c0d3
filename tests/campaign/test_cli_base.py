"""``swat base import`` and ``swat base report`` as an operator types them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.store.engine import write_session
from tests.store_rows import account_row

runner = CliRunner()


def _accounts(engine: Engine) -> None:
    with write_session(engine) as session:
        for cuenta in (20000001, 20000002):
            session.add(account_row(cuenta))


def test_import_reports_the_rejects_and_writes_them(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    _accounts(store_engine)
    base = tmp_path / "base.csv"
    base.write_bytes(
        "cuenta;teléfono\r\n20000001;3001234567\r\n20000009;3001234567\r\n".encode("cp1252")
    )
    rejects = tmp_path / "rechazos.csv"
    result = runner.invoke(
        app,
        [
            "base",
            "import",
            str(base),
            "--campaign",
            "dic",
            "--rejects",
            str(rejects),
            "--db",
            store_url,
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Archivo base.csv: Windows-1252 (Excel), separado por punto y coma.",
        "Campaña DIC: 1 registro cargado de 2 filas; 1 rechazada.",
        "  línea 3: cuenta 20000009 no existe en RR",
        f"Rechazos en {rejects}.",
    ]
    assert rejects.read_text(encoding="utf-8").splitlines() == [
        "linea,cuenta,motivo",
        "3,20000009,cuenta 20000009 no existe en RR",
    ]
    report = runner.invoke(app, ["base", "report", "DIC", "--db", store_url])
    assert report.exit_code == 0, report.output
    assert "CASOS CONTACTO EFECTIVO: 0 de 1 registros = 0,0 %" in report.stdout
    out = tmp_path / "indicador.csv"
    csv_run = runner.invoke(
        app, ["base", "report", "DIC", "--format", "csv", "--output", str(out), "--db", store_url]
    )
    assert csv_run.exit_code == 0, csv_run.output
    assert out.read_text(encoding="utf-8").splitlines()[1] == "campana,DIC,DIC,DIC,0,1,0,0.0,80"


def test_a_bad_file_is_one_line_and_exit_2(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    base = tmp_path / "base.csv"
    base.write_text("cuenta,celular\n20000001,3001234567\n", encoding="utf-8")
    result = runner.invoke(app, ["base", "import", str(base), "--campaign", "X", "--db", store_url])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "swat: error: base.csv, línea 1: falta la columna telefono; "
        "el archivo tiene: cuenta, celular."
    )
    unknown = runner.invoke(app, ["base", "report", "NOPE", "--db", store_url])
    assert (unknown.exit_code, unknown.stderr.strip()) == (
        2,
        "swat: error: No existe la campaña NOPE.",
    )
    bad_format = runner.invoke(app, ["base", "report", "X", "--format", "xml", "--db", store_url])
    assert bad_format.exit_code == 2 and "no soportado" in bad_format.stderr
