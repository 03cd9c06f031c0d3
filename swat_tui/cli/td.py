"""``swat td``: check the T&D fault trees an operator edits, and list them.

No store is needed: the trees are files and the UCC codes are checked against
``data/ucc.csv`` (or the operator's own catalogue file with ``--ucc``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from swat_tui.cli.errors import reported_errors

app = typer.Typer(
    help="Árboles de falla T&D (soporte): validar y listar.",
    no_args_is_help=True,
    add_completion=False,
)

DirArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="[CARPETA]",
        help="Carpeta de árboles .toml (por defecto la de SWAT_TD_DIR o data/td).",
        show_default=False,
    ),
]
UccOption = Annotated[
    Path | None,
    typer.Option(
        "--ucc",
        metavar="ARCHIVO",
        help="Catálogo UCC en CSV contra el que se validan los códigos (por defecto data/ucc.csv).",
        show_default=False,
    ),
]


@app.command("check", help="Valida los árboles; cada error como archivo:línea: campo: mensaje.")
def check_command(ctx: typer.Context, directory: DirArgument = None, ucc: UccOption = None) -> None:
    """Print every issue and exit 1 when there is any; a one-line summary when clean."""
    from swat_tui.domain.support import td_trees

    with reported_errors():
        codes = td_trees.catalogue_codes(ucc) if ucc else td_trees.shipped_codes()
    result = td_trees.check_dir(directory or _app_dir(ctx), codes)
    for issue in result.issues:
        typer.echo(str(issue))
    if result.issues:
        files = len({issue.file for issue in result.issues})
        count = len(result.issues)
        typer.echo(f"{count} {'error' if count == 1 else 'errores'} en {files} archivo(s).")
        raise typer.Exit(1)
    nodes = sum(len(tree.nodos) for tree in result.trees)
    typer.echo(f"Árboles T&D correctos: {len(result.trees)} árboles, {nodes} nodos.")


@app.command("list", help="Lista los árboles: archivo, servicio, síntoma, tecnologías, título.")
def list_command(ctx: typer.Context, directory: DirArgument = None, ucc: UccOption = None) -> None:
    """Print one line per valid tree; refused (exit 2) while any file has an error."""
    from swat_tui.domain.support import td_trees

    with reported_errors():
        codes = td_trees.catalogue_codes(ucc) if ucc else td_trees.shipped_codes()
    result = td_trees.check_dir(directory or _app_dir(ctx), codes)
    if result.issues:
        count = len(result.issues)
        typer.echo(f"swat: error: {count} error(es) en los árboles; use swat td check.", err=True)
        raise typer.Exit(2)
    for tree in result.trees:
        applies = f"{tree.servicio} {tree.sintoma}"
        if tree.tecnologias:
            applies += f" ({', '.join(tree.tecnologias)})"
        typer.echo(f"{tree.file:<28} {applies:<45} {tree.titulo}")
    typer.echo(f"{len(result.trees)} árboles.")


def _app_dir(ctx: typer.Context) -> Path:
    """The folder the app reads its trees from: what it would leave out is checked."""
    from swat_tui.config import Settings
    from swat_tui.domain.support import td_trees

    settings = ctx.obj
    given = settings.td_dir if isinstance(settings, Settings) else None
    return given or td_trees.default_dir()
