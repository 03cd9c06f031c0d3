"""The ``swat`` command: the TUI by default, plus demo, serve, db and users subcommands.

Module-level imports stay light (typer and our own small modules): ``swat
--help`` must answer without loading textual, sqlmodel or alembic. Heavy
imports happen inside the command that needs them.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Annotated

import typer

from swat_tui.cli import base, calls, cgo, db, practices, queue, scenarios, td, training, ucc, users
from swat_tui.cli.demo import demo_command
from swat_tui.cli.kpi import kpi_command
from swat_tui.cli.private_store import secure_store
from swat_tui.cli.serve import serve_command
from swat_tui.cli.store_option import DB_HELP
from swat_tui.cli.usage_errors import SwatGroup
from swat_tui.config import (
    Settings,
    practice_seed_from_env,
    resolve_db_url,
    ring_delay_from_env,
    td_dir_from_env,
)

app = typer.Typer(
    name="swat",
    help=(
        "swat-tui: puesto de atención SWAT de Claro hogar con la pantalla y las teclas de RR. "
        "Sin subcomando abre la aplicación."
    ),
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold passwords
    cls=SwatGroup,  # usage errors as one Spanish line
)
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")
app.add_typer(calls.app, name="calls")
app.add_typer(ucc.app, name="ucc")
app.add_typer(td.app, name="td")
app.add_typer(cgo.app, name="cgo")
app.add_typer(queue.app, name="queue")
app.add_typer(scenarios.app, name="scenarios")
app.add_typer(training.app, name="training")
app.command("kpi", help="Indicadores de llamadas por asesor y día (texto o CSV).")(kpi_command)
app.add_typer(base.app, name="base")
app.add_typer(practices.app, name="practices")
app.command("demo", help="Genera una base de demostración con cuentas ficticias.")(demo_command)
app.command(
    "serve",
    help=(
        "Sirve la aplicación a navegadores web: cada pestaña es una sesión de swat "
        "que inicia sesión como en una terminal."
    ),
)(serve_command)


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    db_url: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help=DB_HELP,
        ),
    ] = None,
) -> None:
    """Resolve the settings for every subcommand; start the TUI when there is none."""
    given = ctx.obj if isinstance(ctx.obj, Settings) else None  # tests pass their own
    if given is None:
        settings = Settings(
            db_url=resolve_db_url(db_url),
            ring_delay=ring_delay_from_env(),
            practice_seed=practice_seed_from_env(),
            td_dir=td_dir_from_env(),
        )
    else:
        settings = replace(given, db_url=db_url) if db_url else given
    ctx.obj = settings
    if ctx.invoked_subcommand is None:
        from swat_tui.ui.app import run_tui

        secure_store(settings.db_url)  # subcommands do it in settings_of, after their --db
        raise typer.Exit(run_tui(settings))


def run() -> None:
    """Console-script entry point: an unexpected error is logged and said in one line.

    Not a traceback on the operator's screen: its frames may name customers'
    data; the log (error_log) keeps the detail, without local variables.
    """
    try:
        app(prog_name="swat")
    except Exception as error:
        from swat_tui.error_log import log_unexpected

        logged = log_unexpected(error, where=_command_words(sys.argv[1:]))
        detail = f"; detalle en {logged}" if logged else ""
        typer.echo(f"swat: error: Error inesperado ({type(error).__name__}){detail}.", err=True)
        sys.exit(1)


def _command_words(argv: list[str]) -> str:
    """``swat`` and its subcommands as typed, without any option or value (a password)."""
    command: object = typer.main.get_command(app)
    words = ["swat"]
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            next(tokens, None)  # its URL may carry a password
        if token.startswith("-"):
            continue
        commands = getattr(command, "commands", {})
        if token not in commands:
            break
        words.append(token)
        command = commands[token]
    return " ".join(words)


if __name__ == "__main__":
    run()
