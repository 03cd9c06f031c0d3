"""``swat base``: load the client's base of accounts as an outbound campaign, and
report its indicator CASOS CONTACTO EFECTIVO."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from swat_tui.cli.csv_export import OutputOption, check_format, write_csv
from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.campaign.base_import import ImportReport

app = typer.Typer(
    help="Base del cliente para campañas salientes: cargarla y ver su contacto efectivo.",
    no_args_is_help=True,
    add_completion=False,
)
SHOWN = 20  # rejects printed; --rejects FILE.csv takes them all


@app.command(
    "import",
    help=(
        "Carga una base (CSV: cuenta, telefono; opcionales telefono2, nombre) como campaña. "
        "Las filas válidas se cargan juntas y las rechazadas se informan con su línea; "
        "con --strict un solo rechazo impide la carga. Solo CSV (UTF-8 o Excel Windows-1252)."
    ),
)
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="ARCHIVO", help="El CSV del cliente.")],
    campaign: Annotated[
        str, typer.Option("--campaign", metavar="CODIGO", help="Código de la campaña nueva.")
    ],
    name: Annotated[
        str | None, typer.Option("--name", metavar="NOMBRE", help="Nombre; sin él, el código.")
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option("--rejects", metavar="ARCHIVO", help="CSV con todas las filas rechazadas."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="No cargar nada si alguna fila se rechaza.")
    ] = False,
    db_url: DbOption = None,
) -> None:
    """Validate and load ``file``; print the report of what loaded and what not."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn

    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.supervisor.campaign.base_file import Reject
    from swat_tui.domain.supervisor.campaign.base_import import import_base

    settings = settings_of(ctx, db_url)
    console = Console(stderr=True)
    out = None
    if rejects is not None:
        try:
            out = rejects.open("w", encoding="utf-8", newline="")
        except OSError as error:
            fail(f"No se puede escribir {rejects}: {error.strerror or error}")
    writer = csv.writer(out) if out is not None else None
    if writer is not None:
        writer.writerow(("linea", "cuenta", "motivo"))

    def on_reject(reject: Reject) -> None:
        if writer is not None:
            writer.writerow((reject.line, reject.cuenta, reject.reason))

    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                label = "Validando filas" if phase == "validar" else "Cargando registros"
                tasks[phase] = bar.add_task(label, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        try:
            with reported_errors():
                report = import_base(
                    open_store(settings),
                    file,
                    code=campaign,
                    name=name,
                    by="swat base",
                    now=settings.clock(),
                    strict=strict,
                    on_reject=on_reject,
                    progress=progress,
                )
        finally:
            if out is not None:
                out.close()
    _print_report(report, rejects)


def _print_report(report: ImportReport, rejects: Path | None) -> None:
    delimiter = "punto y coma" if report.delimiter == ";" else "coma"
    typer.echo(f"Archivo {report.file}: {report.encoding}, separado por {delimiter}.")
    loaded = "1 registro cargado" if report.loaded == 1 else f"{report.loaded} registros cargados"
    rows = "1 fila" if report.rows == 1 else f"{report.rows} filas"
    rejected = "1 rechazada" if report.rejected == 1 else f"{report.rejected} rechazadas"
    typer.echo(f"Campaña {report.campaign}: {loaded} de {rows}; {rejected}.")
    if not report.rejected:
        return
    for reject in report.sample[:SHOWN]:
        typer.echo(f"  línea {reject.line}: {reject.reason}")
    if report.rejected > SHOWN:
        more = f"  ... y {report.rejected - SHOWN} más"
        typer.echo(more + (f" (todas en {rejects})." if rejects else " (use --rejects ARCHIVO)."))
    elif rejects is not None:
        typer.echo(f"Rechazos en {rejects}.")


@app.command("report", help="CASOS CONTACTO EFECTIVO de una campaña: total, por asesor y por día.")
def report_command(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Argument(metavar="CAMPAÑA", help="Código de la campaña.")],
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMATO", help="Formato: text o csv.")
    ] = "text",
    output: OutputOption = None,
    db_url: DbOption = None,
) -> None:
    """Print the indicator, or write it as CSV."""
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.supervisor.campaign.figures import read_indicator
    from swat_tui.domain.supervisor.campaign.report import report_csv, report_lines

    settings = settings_of(ctx, db_url)
    text_format = output_format.strip().lower() == "text"
    if not text_format:
        check_format(output_format)
    with reported_errors():
        indicator = read_indicator(open_store(settings), campaign, now=settings.clock())
    if text_format:
        if output is not None:
            fail("--output es para --format csv.")
        for line in report_lines(indicator):
            typer.echo(line)
        return
    write_csv(output, lambda out: report_csv(indicator, out), "filas del indicador")
