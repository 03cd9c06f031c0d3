"""``swat scenarios``: list, show, validate and intents, their output and exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.domain.training.catalog import scenario_files, shipped_dir
from tests.training.test_scenario_file import BASE, _text

runner = CliRunner()


def _mine(folder: Path, name: str = "mine.toml", text: str = BASE) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_scenario_validates() -> None:
    shipped = scenario_files([shipped_dir()])
    assert shipped
    result = runner.invoke(app, ["scenarios", "validate", *map(str, shipped)])
    assert result.exit_code == 0, result.output
    count = len(shipped)
    assert result.stdout == f"{count} escenario{' válido' if count == 1 else 's válidos'}.\n"


def test_validate_prints_every_error_as_file_line_field_and_exits_1(tmp_path: Path) -> None:
    bad = _mine(tmp_path, text=_text(l16='mood = "alegre"', l27='branch = "ventas"'))
    result = runner.invoke(app, ["scenarios", "validate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f'{bad}:16: caller.mood: valor desconocido "alegre"; use uno de: tranquilo, molesto, '
        "furioso, confundido, apurado",
        f'{bad}:27: expected[0].branch: valor desconocido "ventas"; use uno de: sac, soporte, '
        "visita, pqr",
        "2 errores en 1 archivo.",
    ]


def test_validate_takes_folders_and_counts_the_good_files(tmp_path: Path) -> None:
    _mine(tmp_path, "a.toml")
    _mine(tmp_path, "b.toml", _text(l1='id = "T-02"'))
    result = runner.invoke(app, ["scenarios", "validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 escenarios válidos.\n"


def test_validate_names_a_syntax_error_and_a_missing_file(tmp_path: Path) -> None:
    broken = _mine(tmp_path, text=_text(l3="level = = 1"))
    missing = tmp_path / "nope.toml"
    result = runner.invoke(app, ["scenarios", "validate", str(broken), str(missing)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{broken}:3: error de sintaxis TOML (columna 9): valor no válido (¿faltan comillas?)",
        f"{missing}: no existe el archivo",
        "2 errores en 2 archivos.",
    ]


def test_validate_refuses_an_id_a_shipped_scenario_already_uses(tmp_path: Path) -> None:
    clash = _mine(tmp_path, text=_text(l1='id = "PQR-CON-01"'))
    result = runner.invoke(app, ["scenarios", "validate", str(clash)])
    assert result.exit_code == 1
    shipped = shipped_dir() / "pqr_consulta_vencida.toml"
    assert result.stderr.splitlines()[0] == (
        f'{clash}:1: id: id repetido "PQR-CON-01": también lo usa {shipped}:4'
    )


def test_validate_with_no_file_is_a_usage_error() -> None:
    result = runner.invoke(app, ["scenarios", "validate"])
    assert result.exit_code == 2


def test_list_shows_shipped_and_the_trainers_own(tmp_path: Path) -> None:
    _mine(tmp_path, text=_text(l2='title = "Título [red]rojo[/red]"'))
    result = runner.invoke(app, ["scenarios", "list", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "PQR-CON-01" in result.stdout
    assert "T-01" in result.stdout and "Título [red]rojo[/red]" in result.stdout
    assert "pqr/consultar" in result.stdout
    assert result.stdout.rstrip().endswith(" escenarios.")
    assert result.stderr == ""


def test_list_reads_the_trainers_folder_from_the_environment(tmp_path: Path) -> None:
    _mine(tmp_path)
    result = runner.invoke(
        app, ["scenarios", "list", "--level", "1"], env={"SWAT_SCENARIOS_DIR": str(tmp_path)}
    )
    assert result.exit_code == 0, result.output
    assert "T-01" in result.stdout


def test_list_filters_and_reports_broken_files(tmp_path: Path) -> None:
    _mine(tmp_path)
    bad = _mine(tmp_path, "bad.toml", _text(l1='id = "T-09"', l3="level = 9"))
    result = runner.invoke(
        app, ["scenarios", "list", "--dir", str(tmp_path), "--objective", "CONSULTAR pqr"]
    )
    assert result.exit_code == 0
    assert "T-01" in result.stdout and "T-09" not in result.stdout
    assert result.stderr.splitlines()[0] == f"{bad}:3: level: debe ser 1, 2 o 3, no 9"
    none = runner.invoke(app, ["scenarios", "list", "--branch", "visita", "--level", "3"])
    assert none.exit_code == 0 and none.stdout == "Ningún escenario coincide.\n"
    wrong = runner.invoke(app, ["scenarios", "list", "--mode", "examen"])
    assert wrong.exit_code == 2
    assert wrong.stderr == "swat: error: Modo desconocido 'examen': use practica o certificacion.\n"


def test_show_prints_a_readable_summary_literally(tmp_path: Path) -> None:
    _mine(tmp_path)
    result = runner.invoke(app, ["scenarios", "show", "t-01", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "T-01  Prueba"
    assert "Cuenta: de la demostración, pqr_overdue (cuenta " in result.stdout
    assert (
        "Cliente: Luz [bold]Marina[/], documento 52345678, titular; llama del 3015550101 "
        "(cola HOGAR_SAC); ánimo: molesto"
    ) in lines
    assert "  al contestar: «Aló, [red]sí[/red]»" in lines
    assert "     rama pqr/consultar; códigos PQR-CON-001; primer contacto" in lines
    assert lines[-1] == "Respuesta modelo: 3 pasos (0:15)."


def test_show_an_unknown_id_fails() -> None:
    result = runner.invoke(app, ["scenarios", "show", "NADA-99"])
    assert result.exit_code == 2
    assert result.stderr == (
        "swat: error: No hay un escenario con id 'NADA-99' (swat scenarios list).\n"
    )


def test_intents_lists_the_model_answer_vocabulary() -> None:
    result = runner.invoke(app, ["scenarios", "intents"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "answer()"
    assert "call.record_check(check_id: str, result: str)" in lines
    assert (
        "call.typify(code: str, first_contact: bool, incident_number?: str, notes?: str)" in lines
    )
