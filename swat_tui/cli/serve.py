"""``swat serve``: the app in a browser, one ``swat`` process per tab (textual-serve).

The store is opened once before listening: it is brought to the newest schema
and an empty one is seeded here, so two tabs opened at once never race to seed
it, and a store that cannot be opened is one line before anything listens.
"""

from __future__ import annotations

import errno
import os
from typing import Annotated

import typer

from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of
from swat_tui.config import DB_URL_ENV

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

_BIND_ERRORS = {
    errno.EADDRINUSE: "el puerto ya está en uso",
    errno.EACCES: "sin permiso (los puertos menores que 1024 piden privilegios)",
    errno.EADDRNOTAVAIL: "la dirección no es de este equipo",
}


def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Dirección donde escuchar. Por defecto solo este equipo; "
            "para una sala, un proxy inverso con TLS delante (README).",
        ),
    ] = DEFAULT_HOST,
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Puerto donde escuchar.")
    ] = DEFAULT_PORT,
    public_url: Annotated[
        str | None,
        typer.Option(
            "--public-url",
            metavar="URL",
            help="URL con la que los navegadores llegan al servidor a través del proxy "
            "(p. ej. https://swat.ejemplo.co); por defecto http://HOST:PUERTO.",
            show_default=False,
        ),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Serve the app over HTTP and websockets until Ctrl+C."""
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        fail(f"--public-url debe empezar por http:// o https://: {public_url}")
    public_url = public_url.rstrip("/") if public_url else None
    settings = settings_of(ctx, db_url)
    with reported_errors():
        from swat_tui.domain.bootstrap import open_services

        open_services(settings).close()
    # Every tab's process finds the store here (textual-serve copies this environment).
    os.environ[DB_URL_ENV] = settings.db_url
    from swat_tui.cli.web_server import SwatServer, local_url

    where = local_url(host, port)
    published = f", publicado como {public_url}" if public_url else ""

    def listening() -> None:
        typer.echo(
            f"swat serve: escuchando en {where}{published} "
            f"(base de datos {shown_url(settings.db_url)}). Ctrl+C para detener."
        )

    server = SwatServer(host=host, port=port, public_url=public_url, listening=listening)
    try:
        server.serve()
    except OSError as error:
        reason = _BIND_ERRORS.get(error.errno or 0) or error.strerror or str(error)
        fail(f"No se puede escuchar en {where}: {reason}.")
    typer.echo("swat serve: detenido.")


def shown_url(url: str) -> str:
    """The store's URL as it may be printed: any password masked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(URL no válida)"
