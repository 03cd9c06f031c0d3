"""Opening the store for the app and the CLI: engine, migrations, first-run seeding.

Whatever goes wrong on the way (a bad URL, a folder that cannot be created, a
read-only or corrupt file) comes out as ``StoreError`` with a Spanish reason,
never as a driver or OS exception: the app prints it and exits with code 2.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlmodel import SQLModel

from swat_tui.config import BOGOTA, Settings
from swat_tui.domain.call.ucc import UccCatalog
from swat_tui.domain.services import Services
from swat_tui.store.engine import make_engine, read_session, write_session
from swat_tui.store.enums import Role
from swat_tui.store.errors import (
    StoreError as StoreError,  # re-exported: the UI never imports the store
)
from swat_tui.store.errors import StoreUnavailable
from swat_tui.store.faults import explain_open_failure, scrubbed
from swat_tui.store.migrate import current_revision, upgrade
from swat_tui.store.queries.accounts import count_accounts
from swat_tui.store.queries.agents import count_agents, list_agents

DEMO_PASSWORD = "swat2026"
# Tables --replace keeps: the profiles and their audit trail, the catalogue, the schema version.
_KEPT_TABLES = frozenset({"agent", "alembic_version", "profile_audit", "ucc_code"})


@dataclass(frozen=True)
class DemoUser:
    """A profile created on a fresh store so a trainee can sign on at once."""

    username: str
    display_name: str
    role: Role


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("ASESOR01", "Laura Gómez", Role.ASESOR),
    DemoUser("ASESOR02", "Andrés Rincón", Role.ASESOR),
    DemoUser("SUPERV01", "Carolina Vélez", Role.SUPERVISOR),
    DemoUser("FORMA01", "Jorge Ospina", Role.FORMADOR),
    DemoUser("COORD01", "Martha Cárdenas", Role.COORDINADOR),
)


@contextmanager
def store_errors(engine: Engine | None = None) -> Iterator[None]:
    """Re-raise database driver failures as ``StoreError`` with a Spanish reason (on
    ``engine``'s server: which one, and never its password)."""
    try:
        yield
    except StoreUnavailable as error:
        raise StoreError(error.detail) from error
    except StoreError:
        raise
    except OperationalError as error:
        known = explain_open_failure(error, engine.url) if engine is not None else None
        reason = known or _explain(str(error.orig))
        raise StoreError(scrubbed(reason, engine.url) if engine is not None else reason) from error
    except DatabaseError as error:
        raise StoreError(
            f"El archivo de la base de datos está dañado o no es una base SQLite: {error.orig}"
        ) from error
    except SQLAlchemyError as error:
        raise StoreError(f"Error de la base de datos: {error}") from error


def _explain(reason: str) -> str:
    if "readonly" in reason or "read-only" in reason or "unable to open" in reason:
        return f"No se puede escribir la base de datos (permisos o ruta): {reason}"
    if "locked" in reason or "busy" in reason:
        return f"La base de datos está ocupada por otro proceso: {reason}"
    return f"No se puede abrir la base de datos: {reason}"


def _engine(url: str) -> Engine:
    try:
        return make_engine(url)  # creates the SQLite file's folder
    except OSError as error:
        raise StoreError(f"No se puede usar la ruta de la base de datos: {error}") from error


def open_store(settings: Settings) -> Engine:
    """An engine on an up-to-date, writable store (no seeding)."""
    engine = _engine(settings.db_url)
    with store_errors(engine):
        upgrade(engine)
        _check_writable(engine)
    return engine


def _check_writable(engine: Engine) -> None:
    # An up-to-date store is only read by upgrade(); find a read-only file now,
    # not at the first sign-on.
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
        transaction.rollback()


def open_services(
    settings: Settings, *, progress: Callable[[int, int], None] | None = None
) -> Services:
    """Open the store and, when it is empty, seed demo users and demo accounts.

    ``progress(done, total)`` follows the demo build, which takes a few seconds.
    """
    engine = open_store(settings)
    services = Services.create(engine, settings.clock, td_dir=settings.td_dir)
    with store_errors(engine):
        UccCatalog(engine).ensure_loaded()  # the shipped F22 catalogue, when there is none
        if store_is_empty(engine):
            seed_demo_users(services)
            if settings.seed_demo_accounts > 0:
                from swat_tui.store.demo import build_demo

                build_demo(
                    engine,
                    accounts=settings.seed_demo_accounts,
                    seed=settings.demo_seed,
                    today=settings.clock().astimezone(BOGOTA).date(),
                    progress=progress,
                    call_week=settings.demo_call_week,
                )
    return services


def store_counts(engine: Engine) -> tuple[int, int]:
    """How many profiles and how many accounts the store holds."""
    with store_errors(engine), read_session(engine) as session:
        return count_agents(session), count_accounts(session)


def store_is_empty(engine: Engine) -> bool:
    """True for a store with neither profiles nor accounts: a first start."""
    return store_counts(engine) == (0, 0)


def upgrade_store(settings: Settings) -> tuple[str | None, str | None]:
    """Migrate the store to the newest schema; the revisions before and after."""
    engine = _engine(settings.db_url)
    with store_errors(engine):
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
        engine.dispose()
    return before, after


def seed_demo_users(services: Services) -> int:
    """Create the ``DEMO_USERS`` that do not exist yet; returns how many were made."""
    with read_session(services.engine) as session:
        existing = {agent.username for agent in list_agents(session)}
    created = 0
    for user in DEMO_USERS:
        if user.username not in existing:
            services.auth.create_agent(user.username, user.display_name, user.role, DEMO_PASSWORD)
            created += 1
    return created


def clear_account_data(engine: Engine) -> int:
    """Delete every row but profiles (for ``swat demo --replace``); returns rows deleted."""
    deleted = 0
    with store_errors(engine), write_session(engine) as session:
        for table in reversed(SQLModel.metadata.sorted_tables):
            if table.name not in _KEPT_TABLES:
                result = session.connection().execute(table.delete())
                deleted += max(getattr(result, "rowcount", 0), 0)
    return deleted
