"""``swat queue``: the floor's queue of waiting practice calls (a drill, a load test)."""

from __future__ import annotations

from typing import Annotated

import typer

from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

app = typer.Typer(
    help="Cola de llamadas en espera del piso: llenarla para un simulacro y consultarla.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("fill", help="Pone llamadas de práctica en espera; cada una timbra a un solo asesor.")
def fill_command(
    ctx: typer.Context,
    calls: Annotated[int, typer.Option("--calls", min=1, help="Cuántas llamadas.")] = 20,
    seed: Annotated[int, typer.Option(help="Semilla: la misma da las mismas llamadas.")] = 2026,
    db_url: DbOption = None,
) -> None:
    """Draw ``calls`` practice calls into the queue."""
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.desk import floor_queue

    settings = settings_of(ctx, db_url)
    with reported_errors():
        added = floor_queue.fill(open_store(settings), calls, seed, settings.clock())
    typer.echo(f"{added} llamadas en espera en la cola.")


@app.command("status", help="Cuántas llamadas esperan y desde cuándo la más antigua.")
def status_command(ctx: typer.Context, db_url: DbOption = None) -> None:
    """Print the queue's depth and its oldest waiting call's arrival."""
    from swat_tui.config import BOGOTA
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.desk import floor_queue

    with reported_errors():
        now = floor_queue.depth(open_store(settings_of(ctx, db_url)))
    if now.waiting == 0 or now.oldest is None:
        typer.echo("No hay llamadas en espera.")
        return
    typer.echo(
        f"{now.waiting} llamadas en espera; la más antigua desde "
        f"{now.oldest.astimezone(BOGOTA):%d/%m %H:%M:%S}."
    )
