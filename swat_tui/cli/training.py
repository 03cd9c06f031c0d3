"""``swat training``: the trainees' scored training calls, exported for the trainer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

FORMATS = ("csv",)

app = typer.Typer(
    help="Formación: los resultados de las llamadas de formación de los asesores.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command(
    "export",
    help="Exporta cada llamada de formación calificada (de la base de formación).",
)
def export_command(
    ctx: typer.Context,
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMATO", help="Formato de salida: csv.")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", metavar="ARCHIVO", help="Archivo de salida; sin él, la salida estándar."
        ),
    ] = None,
    trainee: Annotated[
        str | None,
        typer.Option("--trainee", metavar="USUARIO", help="Solo las llamadas de este asesor."),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Write one CSV row per scored training call, oldest first."""
    settings = settings_of(ctx, db_url)
    if output_format.strip().lower() not in FORMATS:
        fail(f"Formato {output_format!r} no soportado: use --format csv.")
    with reported_errors():
        from swat_tui.domain.bootstrap import open_store
        from swat_tui.domain.services import Services
        from swat_tui.domain.training.progress import export_csv
        from swat_tui.domain.training.training_store import open_training_services

        real = Services.create(open_store(settings), settings.clock, td_dir=settings.td_dir)
        engine = open_training_services(settings, real=real).engine
        if output is None:
            count = export_csv(engine, sys.stdout, trainee=trainee)
            sys.stdout.flush()
            typer.echo(f"{count} llamadas de formación exportadas.", err=True)
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = export_csv(engine, out, trainee=trainee)
        except OSError as error:
            fail(f"No se puede escribir {output}: {error.strerror or error}")
    typer.echo(f"{count} llamadas de formación exportadas a {output}.")
