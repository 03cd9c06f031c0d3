"""Bringing a store up to the newest schema.

Alembic is only imported when the store is behind: reading the version row
is enough on an up-to-date store, which keeps start-up fast.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from swat_tui.store.errors import StoreError
from swat_tui.store.faults import explain_open_failure, scrubbed
from swat_tui.store.migrations import HEAD

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty store."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(engine_connection: object) -> object:
    """An Alembic ``Config`` bound to our migrations folder and a live connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = engine_connection
    return config


# PostgreSQL majors older than this are past their end of life and untested here.
OLDEST_POSTGRESQL = 13


def known_revisions() -> frozenset[str]:
    """Every schema revision this program ships (a migration file's name is its id)."""
    return frozenset(path.stem for path in (_MIGRATIONS / "versions").glob("[0-9]*.py"))


def require_supported(engine: Engine, revision: str | None) -> None:
    """Refuse a store this program cannot use: a schema a newer program wrote, or a
    PostgreSQL server too old."""
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"La base de datos está en la revisión {revision!r}, más nueva que este "
            f"programa ({HEAD}): actualice swat-tui."
        )
    if engine.dialect.name == "postgresql":
        version = engine.dialect.server_version_info or ()
        if version and isinstance(version[0], int) and version[0] < OLDEST_POSTGRESQL:
            shown = ".".join(str(part) for part in version[:2])
            raise StoreError(
                f"PostgreSQL {shown} no es compatible: se necesita {OLDEST_POSTGRESQL} o posterior."
            )


def upgrade(engine: Engine) -> bool:
    """Apply pending migrations; True if any ran. Raises ``StoreError`` on a bad store."""
    try:
        revision = current_revision(engine)
        require_supported(engine, revision)
        if revision == HEAD:
            return False
        from alembic import command

        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")  # type: ignore[arg-type]
        return True
    except OperationalError as error:
        reason = explain_open_failure(error, engine.url) or _explain(error)
        raise StoreError(scrubbed(reason, engine.url)) from error
    except DatabaseError as error:
        raise StoreError(
            f"El archivo de la base de datos está dañado o no es una base SQLite: {error.orig}"
        ) from error


def _explain(error: OperationalError) -> str:
    reason = str(error.orig)
    if "readonly" in reason or "unable to open" in reason:
        return f"No se puede escribir la base de datos (permisos o ruta): {reason}"
    return f"No se puede abrir la base de datos: {reason}"
