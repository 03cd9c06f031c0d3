"""``swat db``: maintenance of the store's schema."""

from __future__ import annotations

import typer

from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of

app = typer.Typer(
    help="Mantenimiento de la base de datos.", no_args_is_help=True, add_completion=False
)


@app.command("upgrade", help="Actualiza el esquema de la base de datos a la última revisión.")
def upgrade_command(ctx: typer.Context, db_url: DbOption = None) -> None:
    """Apply pending migrations and say which revision the store was and is at."""
    settings = settings_of(ctx, db_url)
    with reported_errors():
        from swat_tui.domain.bootstrap import upgrade_store

        before, after = upgrade_store(settings)
    typer.echo(f"Revisión anterior: {before or '(base vacía)'}")
    typer.echo(f"Revisión actual:   {after}")
    if before == after:
        typer.echo("La base ya estaba al día.")
