"""``swat calls``: the call records, exported for the client's reports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from swat_tui.cli.csv_export import FormatOption, OutputOption, check_format, write_csv
from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

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
    output_format: FormatOption = "csv",
    output: OutputOption = None,
    db_url: DbOption = None,
) -> None:
    """Write one CSV row per call started on or after ``--since``."""
    settings = settings_of(ctx, db_url)
    check_format(output_format)
    with reported_errors():
        from swat_tui.domain.bootstrap import open_store
        from swat_tui.domain.call import CallService

        calls = CallService(open_store(settings), settings.clock)
        write_csv(output, lambda out: calls.export_csv(since.date(), out), "llamadas")
