"""What every ``export`` command shares: the ``--format``/``--output`` options and
writing the CSV to standard output or a file, with the same messages."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import typer

from swat_tui.cli.errors import fail

FORMATS = ("csv",)

FormatOption = Annotated[
    str, typer.Option("--format", metavar="FORMATO", help="Formato de salida: csv.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", metavar="ARCHIVO", help="Archivo de salida; sin él, la salida estándar."
    ),
]


def check_format(output_format: str) -> None:
    """Refuse (one line, exit 2) a format other than CSV."""
    if output_format.strip().lower() not in FORMATS:
        fail(f"Formato {output_format!r} no soportado: use --format csv.")


def write_csv(output: Path | None, write: Callable[[TextIO], int], what: str) -> None:
    """``write`` the rows to ``output`` (standard output without it) and say how many
    ``what`` were exported (on stderr when the CSV itself went to stdout)."""
    if output is None:
        count = write(sys.stdout)
        sys.stdout.flush()
        typer.echo(f"{count} {what} exportadas.", err=True)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = write(out)
    except OSError as error:
        fail(f"No se puede escribir {output}: {error.strerror or error}")
    typer.echo(f"{count} {what} exportadas a {output}.")
