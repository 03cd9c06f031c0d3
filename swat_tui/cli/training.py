"""``swat training``: the trainees' scored training calls, exported for the trainer."""

from __future__ import annotations

from typing import Annotated

import typer

from swat_tui.cli.csv_export import FormatOption, OutputOption, check_format, write_csv
from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

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
    output_format: FormatOption = "csv",
    output: OutputOption = None,
    trainee: Annotated[
        str | None,
        typer.Option("--trainee", metavar="USUARIO", help="Solo las llamadas de este asesor."),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Write one CSV row per scored training call, oldest first."""
    settings = settings_of(ctx, db_url)
    check_format(output_format)
    with reported_errors():
        from swat_tui.domain.bootstrap import open_store
        from swat_tui.domain.services import Services
        from swat_tui.domain.training.progress import export_csv
        from swat_tui.domain.training.training_store import open_training_services

        real = Services.create(open_store(settings), settings.clock, td_dir=settings.td_dir)
        engine = open_training_services(settings, real=real).engine
        write_csv(
            output,
            lambda out: export_csv(engine, out, trainee=trainee),
            "llamadas de formación",
        )
