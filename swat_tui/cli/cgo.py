"""``swat cgo``: backoffice CGO's work list, the visits no agenda window could take."""

from __future__ import annotations

import typer

from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

app = typer.Typer(
    help="Backoffice CGO: formularios de seguimiento de procesos (visitas sin cupo).",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("list", help="Lista los formularios CGO pendientes, el más urgente primero.")
def list_command(ctx: typer.Context, db_url: DbOption = None) -> None:
    """Print the pending forms as a table."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from swat_tui.config import BOGOTA
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.visit.cgo import list_pending

    with reported_errors():
        forms = list_pending(open_store(settings_of(ctx, db_url)))
    if not forms:
        typer.echo("No hay formularios CGO pendientes.")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in ("Número", "Cuenta", "Zona", "Orden", "Creado", "Vence", "Franjas"):
        wraps = header == "Franjas"  # the last column: it wraps on a narrow terminal
        table.add_column(header, no_wrap=not wraps, min_width=7 if wraps else None)
    for form in forms:
        table.add_row(
            Text(form.number),
            str(form.cuenta),
            Text(form.zone),
            Text(form.order),
            f"{form.created_at.astimezone(BOGOTA):%d/%m}",
            f"{form.due_at.astimezone(BOGOTA):%d/%m %H:%M}",
            Text(form.preferred_windows),
        )
    Console().print(table)
    typer.echo(f"{len(forms)} formularios pendientes.")
