"""Building the SQLAlchemy engine and sessions.

The engine is built by a function, never at import time. A new SQLite store
is created private to its user (``file_modes``). For SQLite the
connection runs in WAL mode with a busy timeout, and we take over ``BEGIN``
so that read-then-write transactions can start with ``BEGIN IMMEDIATE``
(a busy timeout does not save a deferred transaction upgraded to write).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

from swat_tui.store.errors import StoreBusy, StoreError, StoreUnavailable
from swat_tui.store.faults import explain_open_failure, is_unavailable
from swat_tui.store.file_modes import create_private, database_file

BUSY_TIMEOUT_MS = 5000
_BEGIN_OPTION = "sqlite_begin"
# One agent's process: the UI's thread, the heartbeat's and a worker's at most. The pool
# pings a connection before lending it, so one the server dropped is replaced, not used.
SERVER_POOL = {
    "pool_size": 2,
    "max_overflow": 3,
    "pool_timeout": 10,
    "pool_pre_ping": True,
    "pool_recycle": 1800,
}
# A server that does not answer is given up on after this many seconds.
CONNECT_TIMEOUT_S = 5


def make_engine(url: str) -> Engine:
    """Create the engine for ``url`` or raise ``StoreError`` saying why not."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:  # ValueError: a port that is no number
        raise StoreError(f"URL de base de datos inválida: {_masked(url)!r}") from error
    is_sqlite = parsed.get_backend_name() == "sqlite"
    file = database_file(parsed.database, parsed.query) if is_sqlite else None
    if file is not None and not file.read_only:
        create_private(file.path)  # before SQLite creates it 0644: see file_modes
        if not file.uri and str(file.path) != parsed.database:
            parsed = parsed.set(database=str(file.path))  # "~" expanded, as it was created
    try:
        engine = create_engine(
            parsed,
            connect_args=_connect_args(parsed.get_backend_name(), parsed.query),
            # A driver error's text would carry the statement's values (customers'
            # data, password hashes) to the screen and the error log.
            hide_parameters=True,
            **({} if is_sqlite else SERVER_POOL),
        )
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
        raise StoreError(f"Base de datos no soportada: {parsed.drivername!r} ({error})") from error
    if is_sqlite:
        _tune_sqlite(engine)
    return engine


def _connect_args(backend: str, query: Mapping[str, object]) -> dict[str, object]:
    """The driver's options; what the URL's own query sets (an operator's
    ``?application_name=...`` or ``?connect_timeout=...``) wins."""
    if backend == "sqlite":
        return {"timeout": BUSY_TIMEOUT_MS / 1000}
    if backend == "postgresql":
        defaults = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "swat-tui"}
        return {name: value for name, value in defaults.items() if name not in query}
    return {}


def _masked(url: str) -> str:
    """``url`` with the password between ``user:`` and ``@`` replaced by ``***``."""
    start = url.find("//") + 2 if "//" in url else url.find(":") + 1
    userinfo, at, rest = url[start:].rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return f"{url[:start]}{userinfo.partition(':')[0]}:***@{rest}"


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's "begin" event below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for queries that do not write."""
    try:
        with Session(engine) as session:
            yield session
    except DBAPIError as error:
        if is_unavailable(error):
            raise _unavailable(engine, error) from error
        raise


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose transaction takes the write lock up front and commits on exit.

    A busy SQLite file or a server out of reach raise ``StoreBusy`` (``StoreUnavailable``):
    nothing of the transaction was written, and the same intent may simply be tried again."""
    bind = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
    try:
        with Session(bind, expire_on_commit=False) as session:
            yield session
            session.commit()
    except OperationalError as error:
        if _is_busy(error):
            raise StoreBusy() from error
        if is_unavailable(error):
            raise _unavailable(engine, error) from error
        raise
    except DBAPIError as error:
        if is_unavailable(error):
            raise _unavailable(engine, error) from error
        raise


def _unavailable(engine: Engine, error: DBAPIError) -> StoreUnavailable:
    return StoreUnavailable(detail=explain_open_failure(error, engine.url))


def _is_busy(error: OperationalError) -> bool:
    """SQLite's "database is locked" (or "busy") after the busy timeout ran out."""
    if type(error.orig).__module__ != "sqlite3":
        return False
    text = str(error.orig).lower()
    return "locked" in text or "busy" in text
