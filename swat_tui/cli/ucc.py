"""``swat ucc``: the operator's UCC typification catalogue (load a file, search it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from swat_tui.cli.errors import reported_errors
from swat_tui.cli.store_option import DbOption, settings_of
from swat_tui.config import Settings

if TYPE_CHECKING:
    from swat_tui.domain.call.ucc import UccCatalog

app = typer.Typer(
    help="Catálogo UCC de códigos de tipificación (F22): cargar y buscar.",
    no_args_is_help=True,
    add_completion=False,
)


def _catalog(settings: Settings) -> UccCatalog:
    from swat_tui.domain.bootstrap import open_store
    from swat_tui.domain.call.ucc import UccCatalog

    return UccCatalog(open_store(settings))


@app.command(
    "load",
    help=(
        "Reemplaza el catálogo con un archivo CSV (columnas code,branch,description,"
        "requires_cun). Si el archivo tiene un error no se cambia nada."
    ),
)
def load_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="ARCHIVO", help="Archivo CSV en UTF-8.")],
    db_url: DbOption = None,
) -> None:
    """Validate the whole file, then replace the catalogue and print how many codes it has."""
    with reported_errors():
        loaded = _catalog(settings_of(ctx, db_url)).load_csv(file)
    typer.echo(f"Catálogo UCC cargado: {loaded} códigos.")


@app.command("search", help="Busca códigos por código o palabras (sin palabras: todos).")
def search_command(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PALABRAS]...", help="Código o palabras de la descripción."),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option("--branch", help="Solo una rama: sac, soporte, visita o pqr."),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Print the matching codes as a table."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    text = " ".join(words or [])
    with reported_errors():
        catalog = _catalog(settings_of(ctx, db_url))
        catalog.ensure_loaded()
        found = catalog.search(text, branch=branch.strip().lower() if branch else None)
    if not found:
        typer.echo(f"Ningún código UCC coincide con {text!r}." if text else "No hay códigos.")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in ("Código", "Rama", "Descripción", "CUN"):
        table.add_column(header, no_wrap=header != "Descripción")
    for entry in found:
        cun = "Sí" if entry.requires_cun else "No"
        table.add_row(Text(entry.code), entry.branch, Text(entry.description), cun)
    Console().print(table)
    typer.echo(f"{len(found)} códigos.")
