"""``swat kpi``: the call KPIs per agent and day, as a table or CSV (SUP040's figures).

An operator's command, like ``swat calls export``: it reads the real store (never
the training store) with no sign-on; in the app only a supervisor or a
coordinator reaches the same figures.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from swat_tui.cli.csv_export import OutputOption, write_csv
from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

KPI_FORMATS = ("text", "csv")


def kpi_command(
    ctx: typer.Context,
    since: Annotated[
        datetime,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Primer día del período (hora de Bogotá), inclusive.",
        ),
    ],
    until: Annotated[
        datetime,
        typer.Option(
            "--until",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Último día del período (hora de Bogotá), inclusive.",
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMATO", help="Formato de salida: text o csv.")
    ] = "text",
    output: OutputOption = None,
    agent: Annotated[
        str | None,
        typer.Option("--agent", metavar="USUARIO", help="Solo este asesor (y su detalle)."),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Print or write the KPI lines of the period, one per agent and day."""
    chosen = output_format.strip().lower()
    if chosen not in KPI_FORMATS:
        fail(f"Formato {output_format!r} no soportado: use --format text o --format csv.")
    if chosen == "text" and output is not None:
        fail("--output es para --format csv; el texto va a la pantalla.")
    settings = settings_of(ctx, db_url)
    with reported_errors():
        from swat_tui.domain.bootstrap import open_store
        from swat_tui.domain.supervisor.kpi import Period, detail, report
        from swat_tui.domain.supervisor.kpi_export import write_kpi_csv

        period = Period.checked(since.date(), until.date())
        engine = open_store(settings)
        lines = report(engine, period, by_day=True, username=agent)
        if chosen == "csv":
            write_csv(output, lambda out: write_kpi_csv(lines, out), "filas")
            return
        from swat_tui.cli.kpi_text import print_detail, print_report

        print_report(lines)
        if agent is not None:
            print_detail(detail(engine, period, agent))
