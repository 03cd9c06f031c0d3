"""Expected failures become one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from swat_tui.domain.errors import DomainError
from swat_tui.store.errors import StoreError

EXIT_ERROR = 2


def fail(message: str) -> NoReturn:
    """Print ``swat: error: message`` on stderr and leave with ``EXIT_ERROR``."""
    typer.echo(f"swat: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Report store, domain and stray database errors the way ``fail`` does."""
    try:
        yield
    except StoreError as error:
        fail(str(error))
    except DomainError as error:
        fail(error.message)
    except Exception as error:
        # Driver errors that escaped the store's own mapping; sqlalchemy is not
        # imported here so that `swat --help` stays light.
        if type(error).__module__.startswith("sqlalchemy"):
            fail(f"Error de la base de datos: {error}")
        raise
