"""The embedded store is private to its user: folder 0700, database and companions 0600.

The store holds customers' personal data and password hashes. SQLite creates a
new database file 0644 (less the umask) and gives its ``-wal``, ``-shm`` and
``-journal`` files the database file's own mode, so creating the database file
0600 before SQLite opens it makes every one of them private, without touching
the process-wide umask (the UI's worker threads create files too).

No sqlalchemy import here: the CLI reads the URL before the TUI starts.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_OTHERS = 0o077  # the group's and everyone else's permission bits


@dataclass(frozen=True)
class SqliteFile:
    """The file a SQLite URL names, as SQLite will open it."""

    path: Path
    uri: bool  # named by a ``file:`` URI (``?uri=true``), not a plain path
    read_only: bool  # ``mode=ro``: SQLite will not create it


def sqlite_file(url: str) -> SqliteFile | None:
    """The file a ``sqlite://`` URL names; None for another database or one in memory.

    Reads the URL as SQLAlchemy's ``make_url`` does (``/database?query`` after
    the authority), so the CLI need not import sqlalchemy.
    """
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.split("+", 1)[0].lower() != "sqlite":
        return None
    location, _, query = rest.partition("?")
    _, slash, database = location.partition("/")
    return database_file(unquote(database) if slash else None, dict(parse_qsl(query)))


def database_file(database: str | None, query: Mapping[str, object]) -> SqliteFile | None:
    """The file SQLite opens for a URL's database part and query (``file:`` URIs too)."""
    if not database or database == ":memory:":
        return None
    mode = str(query.get("mode", ""))
    if str(query.get("uri", "")).lower() not in ("true", "1") or not database.startswith("file:"):
        return SqliteFile(Path(database).expanduser(), uri=False, read_only=mode == "ro")
    uri_path, _, uri_query = database.removeprefix("file:").partition("?")
    if uri_path.startswith("//"):  # file://[host]/path
        uri_path = "/" + uri_path[2:].partition("/")[2]
    mode = dict(parse_qsl(uri_query)).get("mode", mode)
    if uri_path in ("", "/") or mode == "memory":
        return None
    return SqliteFile(Path(unquote(uri_path)), uri=True, read_only=mode == "ro")


def create_private(path: Path) -> None:
    """Create the store's missing folder 0700 and its missing, empty database file 0600.

    SQLite takes an empty file for an empty database. A folder that cannot be
    created raises ``OSError``; a file that cannot be created is left for
    SQLite to report in its own words.
    """
    folder = path.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:
            pass  # another process made it meanwhile
        else:
            os.chmod(folder, PRIVATE_FOLDER_MODE)  # the umask may have taken more
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except OSError:
        return  # it exists already, or SQLite will say why it cannot be created
    try:
        os.chmod(path, PRIVATE_FILE_MODE)  # the umask may have taken more
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class Tightening:
    """What ``make_private`` changed, and what it could not change."""

    changed: tuple[Path, ...] = ()
    refused: tuple[Path, ...] = ()


def make_private(path: Path, *, folder: bool) -> Tightening:
    """Take the group's and others' bits off the database file, its companions and,
    when ``folder``, its folder; never widens a mode, never touches anything but
    regular files (a ``--db`` at ``/dev/null`` stays as it is) and a directory.
    """
    targets: list[tuple[Path, bool]] = [(path, False)]
    targets += [(path.with_name(path.name + suffix), False) for suffix in COMPANION_SUFFIXES]
    if folder:
        targets.append((path.parent, True))
    changed: list[Path] = []
    refused: list[Path] = []
    for target, is_folder in targets:
        try:
            status = os.stat(target)
        except OSError:
            continue
        kind_ok = stat.S_ISDIR(status.st_mode) if is_folder else stat.S_ISREG(status.st_mode)
        mode = stat.S_IMODE(status.st_mode)
        if not kind_ok or not mode & _OTHERS:
            continue
        try:
            os.chmod(target, mode & ~_OTHERS)
        except OSError:
            refused.append(target)
        else:
            changed.append(target)
    return Tightening(tuple(changed), tuple(refused))
