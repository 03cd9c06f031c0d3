"""``swat practices``: the management model's practices and the leaders' adherence."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from swat_tui.cli.csv_export import OutputOption, write_csv
from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

if TYPE_CHECKING:
    from swat_tui.config import Settings
    from swat_tui.domain.supervisor.adherence_report import AdherenceReport

app = typer.Typer(
    help="Modelo de gestión: prácticas de los líderes y su adherencia.",
    no_args_is_help=True,
    add_completion=False,
)
REPORT_FORMATS = ("text", "csv")
# The list's columns: whether each stays on one line (the others wrap on 80 columns).
WIDTHS = {
    "N.": True,
    "Práctica": False,
    "Frecuencia": False,
    "Responsable": False,
    "Meta": True,
    "Min.": True,
}


@app.command("list", help="Lista las prácticas del modelo de gestión (sección 7).")
def list_command() -> None:
    """Print the catalogue of data/practices.toml as a table."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from swat_tui.domain.supervisor.practice_catalogue import practice_catalogue

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header, fixed in WIDTHS.items():
        table.add_column(header, no_wrap=fixed, min_width=None if fixed else 12)
    practices = practice_catalogue().practices
    for number, practice in enumerate(practices, start=1):
        table.add_row(
            str(number),
            Text(practice.name),
            Text(practice.frequency),
            Text(", ".join(practice.per_period)),
            f"{practice.goal_pct}%",
            str(practice.duration_minutes),
        )
    Console().print(table)
    typer.echo(f"{len(practices)} prácticas.")


@app.command(
    "report",
    help="Adherencia (hechas / debidas) por líder y por práctica, contra la meta de cada una.",
)
def report_command(
    ctx: typer.Context,
    since: Annotated[
        datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Primer día del periodo; sin él, el primero del mes en curso.",
        ),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(
            "--until",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Último día del periodo, inclusive; sin él, hoy.",
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMATO", help="Formato de salida: text o csv.")
    ] = "text",
    output: OutputOption = None,
    db_url: DbOption = None,
) -> None:
    """Print (or write as CSV) every leader's adherence in the period."""
    from swat_tui.config import BOGOTA

    settings = settings_of(ctx, db_url)
    chosen = output_format.strip().lower()
    if chosen not in REPORT_FORMATS:
        fail(f"Formato {output_format!r} no soportado: use --format text o --format csv.")
    today = settings.clock().astimezone(BOGOTA).date()
    first = since.date() if since else today.replace(day=1)
    last = until.date() if until else today
    if last < first:
        fail("--until no puede ser anterior a --since.")
    with reported_errors():
        report = _report(settings, first, last, today)
        if chosen == "csv":
            from swat_tui.domain.supervisor.adherence_export import write_adherence_csv

            write_csv(output, lambda out: write_adherence_csv(report, out), "filas")
            return
    if output is not None:
        fail("--output es solo para --format csv.")
    _print_report(report)


def _report(settings: Settings, since: date, until: date, today: date) -> AdherenceReport:
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.supervisor.adherence_report import adherence_report
    from swat_tui.domain.supervisor.practice_catalogue import practice_catalogue

    return adherence_report(
        open_store(settings),
        since=since,
        until=until,
        today=today,
        catalogue=practice_catalogue(),
    )


def _print_report(report: AdherenceReport) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from swat_tui.domain.supervisor.adherence_export import meets_text, pct_text

    console = Console()
    console.print(
        f"Adherencia del {report.since:%d/%m/%Y} al {report.until:%d/%m/%Y} "
        f"(hoy {report.today:%d/%m/%Y})"
    )
    names = {line.practice.code: line.practice.name for line in report.practices}
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in ("Líder", "Práctica", "Hechas", "Debidas", "Adher. %", "Meta %", "Cumple"):
        wraps = header == "Práctica"
        table.add_column(header, no_wrap=not wraps, min_width=16 if wraps else None)
    for leader in report.leaders:
        for cell in report.cells_of(leader.username):
            table.add_row(
                Text(leader.username),
                Text(names[cell.practice]),
                str(cell.tally.done),
                str(cell.tally.due),
                pct_text(cell.tally) or "-",
                str(cell.goal_pct),
                meets_text(cell.meets) or "-",
            )
        table.add_row(
            Text(leader.username),
            Text(f"Total del líder ({leader.below} bajo meta)", style="bold"),
            str(leader.tally.done),
            str(leader.tally.due),
            pct_text(leader.tally) or "-",
            "",
            "",
            end_section=True,
        )
    console.print(table)
    total = report.total
    typer.echo(
        f"{len(report.leaders)} líderes; adherencia total {pct_text(total) or '-'} % "
        f"({total.done} de {total.due} debidas)."
    )
