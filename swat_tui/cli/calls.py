"""``swat calls``: the call records, exported for the client's reports."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

FORMATS = ("csv",)

app = typer.Typer(
    help="Registros de llamadas: exportarlos para los informes del cliente.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("export", help="Exporta las llamadas iniciadas desde una fecha (hora de Bogotá).")
def export_command(
    ctx: typer.Context,
    since: Annotated[
        datetime,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Primer día a exportar (hora de Bogotá), inclusive.",
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMATO", help="Formato de salida: csv.")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", metavar="ARCHIVO", help="Archivo de salida; sin él, la salida estándar."
        ),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Write one CSV row per call started on or after ``--since``."""
    settings = settings_of(ctx, db_url)
    if output_format.strip().lower() not in FORMATS:
        fail(f"Formato {output_format!r} no soportado: use --format csv.")
    with reported_errors():
        from swat_tui.domain.bootstrap import open_store
        from swat_tui.domain.call import CallService

        calls = CallService(open_store(settings), settings.clock)
        if output is None:
            count = calls.export_csv(since.date(), sys.stdout)
            sys.stdout.flush()
            typer.echo(f"{count} llamadas exportadas.", err=True)
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = calls.export_csv(since.date(), out)
        except OSError as error:
            fail(f"No se puede escribir {output}: {error.strerror or error}")
    typer.echo(f"{count} llamadas exportadas a {output}.")
