"""The ``--db`` option, accepted both before the subcommand and after it.

Agents and operators type ``swat demo --db URL`` as often as ``swat --db URL demo``;
each leaf command declares the option so that both work and its ``--help`` shows it.
The value nearest the command wins: one given after the subcommand overrides one
given before it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer

from swat_tui.cli.private_store import secure_store
from swat_tui.config import DB_URL_ENV, Settings

DB_HELP = (
    f"URL de la base de datos (p. ej. sqlite:///ruta/swat.db). Si falta se usa "
    f"{DB_URL_ENV} o el archivo de la carpeta de datos del usuario."
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", help=DB_HELP, show_default=False),
]


def settings_of(ctx: typer.Context, db_url: str | None) -> Settings:
    """The settings the top-level callback resolved, with this command's ``--db`` on top.

    Every command that opens the store asks for them first, so the store's files
    are made private to the user here, before the command opens it.
    """
    settings: Settings = ctx.obj
    if db_url:
        settings = replace(settings, db_url=db_url)
    secure_store(settings.db_url)
    return settings
