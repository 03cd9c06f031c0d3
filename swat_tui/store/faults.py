"""Telling a store that is out of reach from a statement that failed.

A PostgreSQL server that stopped, restarted or dropped the connection, or a network
that does not answer, fails the intent at hand and nothing else: the transaction is
the unit, so nothing of it was written, and the agent's next try gets a fresh
connection (the pool pings a connection before lending it). The open errors of a
store that cannot be used at all become one Spanish line with no password in it.
"""

from __future__ import annotations

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

# SQLSTATE classes and codes of a connection that is gone or cannot be made.
_CONNECTION_CLASS = "08"
_GONE = frozenset({"57P01", "57P02", "57P03"})  # admin shutdown, crash shutdown, cannot connect now
_NO_DATABASE = "3D000"
_BAD_LOGIN = frozenset({"28000", "28P01"})


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def is_unavailable(error: DBAPIError) -> bool:
    """The server is gone or out of reach (not a statement the server refused)."""
    if error.connection_invalidated:
        return True
    if _refused_login(error) is not None:
        return False
    state = _sqlstate(error)
    if state is None:
        # psycopg's own connection failures carry no SQLSTATE; SQLite's errors are
        # sqlite3's, never psycopg's.
        return type(error.orig).__module__.startswith("psycopg")
    return state.startswith(_CONNECTION_CLASS) or state in _GONE


def _refused_login(error: DBAPIError) -> str | None:
    """The SQLSTATE of a connection the server itself refused: psycopg reports a failed
    connect with no SQLSTATE, only the server's FATAL text."""
    text = str(error.orig)
    if "FATAL:" not in text:
        return None
    if "database" in text and "does not exist" in text:
        return _NO_DATABASE
    if "password authentication failed" in text or (
        "role" in text and "does not exist" in text
    ):
        return "28P01"
    if "no pg_hba.conf entry" in text:
        return "28000"
    return None


def explain_open_failure(error: DBAPIError, url: URL) -> str | None:
    """One line saying why the server at ``url`` cannot be used, or None when the error
    is none of the known kinds (the caller keeps its own explanation)."""
    state = _sqlstate(error) or _refused_login(error)
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if state == _NO_DATABASE:
        return f"La base de datos {url.database!r} no existe en el servidor {where}."
    if state in _BAD_LOGIN:
        return f"El servidor {where} rechazó el usuario {url.username!r} o su contraseña."
    if is_unavailable(error):
        return (
            f"El servidor de base de datos {where} no responde "
            "(¿está encendido y acepta conexiones?)."
        )
    return None


def scrubbed(message: str, url: URL) -> str:
    """``message`` with the URL's password, wherever it appears, replaced by ``***``."""
    password = url.password
    if password:
        message = message.replace(str(password), "***")
    return message
