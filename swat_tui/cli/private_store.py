"""Before anything opens it, an existing SQLite store is made private to its user.

Stores made before swat created them 0600 are readable by every user of the
machine (customers' personal data, password hashes). The files themselves are
always tightened; their folder only when it is our own data folder: a
``--db`` elsewhere may sit in a folder shared on purpose (a new folder
``make_engine`` creates for it is 0700 anyway).
"""

from __future__ import annotations

from pathlib import Path

import typer

from swat_tui.config import user_data_folder
from swat_tui.store.file_modes import make_private, sqlite_file


def secure_store(db_url: str) -> None:
    """Tighten the store's modes; one line on stderr when something changed."""
    file = sqlite_file(db_url)
    if file is None:
        return
    result = make_private(file.path, folder=_is_our_folder(file.path))
    if result.changed:
        typer.echo(
            "swat: permisos de la base de datos ajustados para que solo su usuario "
            f"pueda leerla: {file.path}",
            err=True,
        )
    for refused in result.refused:
        typer.echo(
            f"swat: aviso: no se pudieron restringir los permisos de {refused}; "
            "otros usuarios del equipo podrían leerlo.",
            err=True,
        )


def _is_our_folder(path: Path) -> bool:
    try:
        return path.parent.resolve() == user_data_folder().resolve()
    except OSError:
        return False
