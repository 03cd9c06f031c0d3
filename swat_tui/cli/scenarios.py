"""``swat scenarios``: the training scenarios (list, show one, validate files, intents).

A scenario is data a trainer writes (``docs/scenarios.md``); these commands
read no store. Everything a file holds is printed literally: a caller's line
with ``[bold]`` in it is the caller's words, not markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from swat_tui.domain.training.catalog import Catalog
    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.domain.training.scenario_file import ScenarioError

EXIT_INVALID = 1

app = typer.Typer(
    help="Escenarios de entrenamiento: listarlos, verlos y validar archivos de escenario.",
    no_args_is_help=True,
    add_completion=False,
)

DirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--dir",
        metavar="CARPETA",
        envvar="SWAT_SCENARIOS_DIR",
        help=(
            "Carpeta con escenarios propios del formador, además de los incluidos "
            "(se puede repetir; variable SWAT_SCENARIOS_DIR)."
        ),
        show_default=False,
    ),
]

MODE_NAMES = {"practica": "práctica", "certificacion": "certificación"}


def _catalog(dirs: list[Path] | None) -> Catalog:
    from swat_tui.domain.training.catalog import load_catalog

    return load_catalog(dirs or ())


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _report(errors: tuple[ScenarioError, ...] | list[ScenarioError]) -> None:
    for error in errors:
        typer.echo(str(error), err=True)


@app.command("list", help="Lista los escenarios (los incluidos y los de --dir), con filtros.")
def list_command(
    branch: Annotated[
        str | None,
        typer.Option("--branch", help="Solo una rama: sac, soporte, visita o pqr."),
    ] = None,
    level: Annotated[
        int | None, typer.Option("--level", min=1, max=3, help="Solo un nivel: 1, 2 o 3.")
    ] = None,
    objective: Annotated[
        str | None,
        typer.Option(
            "--objective", help="Solo los que entrenan un objetivo (parte del texto, sin tildes)."
        ),
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option("--mode", help="Solo un modo: practica o certificacion."),
    ] = None,
    dirs: DirOption = None,
) -> None:
    """Print the matching scenarios as a table; files with errors are named on stderr."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from swat_tui.cli.errors import fail
    from swat_tui.domain.training.scenario import Mode

    chosen_mode = None
    if mode is not None:
        try:
            chosen_mode = Mode(mode.strip().lower())
        except ValueError:
            fail(f"Modo desconocido {mode!r}: use practica o certificacion.")
    catalog = _catalog(dirs)
    found = catalog.filter(
        branch=branch.strip().lower() if branch else None,
        level=level,
        objective=objective,
        mode=chosen_mode,
    )
    _report(catalog.errors)
    if catalog.errors:
        typer.echo(
            "Los archivos con errores no se listan; corríjalos (swat scenarios validate).",
            err=True,
        )
    if not found:
        typer.echo("Ningún escenario coincide." if catalog.scenarios else "No hay escenarios.")
        return
    # Fits 80 columns: the title takes what the short columns leave, and wraps.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Id", no_wrap=True)
    table.add_column("Nv", no_wrap=True, justify="right")
    table.add_column("Modo", no_wrap=True)
    table.add_column("Rama/sub-flujo", max_width=22)
    table.add_column("Título", ratio=1, min_width=24)
    for scenario in found:
        table.add_row(
            Text(scenario.id),
            str(scenario.level),
            SHORT_MODES.get(scenario.mode, scenario.mode),
            Text(_routes(scenario)),
            Text(scenario.title),
        )
    Console().print(table)
    typer.echo(_count(len(found), "escenario", "escenarios") + ".")


SHORT_MODES = {"practica": "práct.", "certificacion": "cert."}


def _routes(scenario: Scenario) -> str:
    shown = [f"{h.branch}/{h.subflow}" if h.subflow else h.branch for h in scenario.expected]
    return ", ".join(dict.fromkeys(shown)) or "-"


@app.command("show", help="Muestra un escenario: cuenta, cliente, lo que dice y lo esperado.")
def show_command(
    scenario_id: Annotated[str, typer.Argument(metavar="ID", help="Id del escenario.")],
    dirs: DirOption = None,
) -> None:
    """Print a readable summary of one scenario."""
    from swat_tui.cli.errors import fail
    from swat_tui.cli.scenario_summary import summary

    scenario = _catalog(dirs).find(scenario_id)
    if scenario is None:
        fail(f"No hay un escenario con id {scenario_id!r} (swat scenarios list).")
    for line in summary(scenario):
        typer.echo(line)


@app.command(
    "validate",
    help=(
        "Valida archivos de escenario (o carpetas): cada error con archivo, línea y campo. "
        "Sale con 1 si hay alguno."
    ),
)
def validate_command(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="ARCHIVO...", help="Archivos .toml o carpetas que los tienen."),
    ],
) -> None:
    """Check every file given, and that no id clashes with another file's or a shipped one."""
    from swat_tui.domain.training.catalog import (
        duplicate_errors,
        load_all,
        load_files,
        scenario_files,
        shipped_dir,
    )

    paths: list[Path] = []
    for given in files:
        paths.extend(scenario_files([given]) if given.is_dir() else [given])
    read, errors = load_files(paths)
    shipped, _ = load_all([shipped_dir()])
    resolved = {p.resolve() for p in paths}
    others = [s for s in shipped if s.path is not None and s.path.resolve() not in resolved]
    problems = [*errors, *duplicate_errors(read, others)]
    if problems:
        _report(problems)
        files_wrong = len({p.path for p in problems})
        typer.echo(
            f"{_count(len(problems), 'error', 'errores')} en "
            f"{_count(files_wrong, 'archivo', 'archivos')}.",
            err=True,
        )
        raise typer.Exit(EXIT_INVALID)
    if not paths:
        typer.echo("Ningún archivo .toml que validar.", err=True)
        raise typer.Exit(EXIT_INVALID)
    typer.echo(_count(len(read), "escenario válido", "escenarios válidos") + ".")


@app.command("intents", help="Lista las acciones que un paso de la respuesta modelo puede usar.")
def intents_command() -> None:
    """Print the model-answer vocabulary: each intent, its parameters and what it does."""
    from swat_tui.cli.scenario_summary import intent_lines

    for line in intent_lines():
        typer.echo(line)


# `swat scenarios run FILE --model` (the lead's): plays the model answer headless on a
# throwaway training store and prints the scorecard. It is registered here, as
# @app.command("run"), beside the others.


@app.command(
    "run",
    help=(
        "Juega la respuesta modelo de un escenario (archivo o id) en un almacén de "
        "formación desechable e imprime su calificación; sale con 1 si no aprueba."
    ),
)
def run_command(
    scenario: Annotated[str, typer.Argument(metavar="ARCHIVO|ID", help="Archivo .toml o id.")],
    model: Annotated[
        bool, typer.Option("--model", help="Jugar la respuesta modelo (sin interfaz).")
    ] = False,
    dirs: DirOption = None,
) -> None:
    """Play the model answer headless, score it and print the card."""
    from swat_tui.cli.errors import fail
    from swat_tui.cli.scenario_run import play_model

    if not model:
        fail(
            "Indique --model: juega la respuesta modelo sin interfaz. Para tomar la "
            "llamada en los paneles, asígnela desde el área de formación (menú 7)."
        )
    found = _scenario_of(scenario, dirs)
    card, lines = play_model(found)
    for line in lines:
        typer.echo(line)
    if not card.passed:
        raise typer.Exit(EXIT_INVALID)


def _scenario_of(given: str, dirs: list[Path] | None) -> Scenario:
    """The scenario of a file (validated) or of an id in the catalogue."""
    from swat_tui.cli.errors import fail
    from swat_tui.domain.training.scenario_file import read_scenario

    path = Path(given)
    if path.suffix == ".toml" or path.exists():
        scenario, errors = read_scenario(path)
        if errors or scenario is None:
            _report(list(errors))
            fail("El escenario tiene errores: corríjalos (swat scenarios validate).")
        return scenario
    catalog = _catalog(dirs)
    found = catalog.find(given)
    if found is None:
        fail(f"No hay un escenario con id {given!r} (swat scenarios list).")
    return found
