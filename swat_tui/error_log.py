"""The log of unexpected errors, so row 24 can say one line and support can read the rest.

It sits beside the default store in the user's data directory, private to the
user (a folder it creates 0700, the file 0600): an error's message may name a
customer. Tracebacks are written without local variables, which may hold a
customer's data or a password. Logging never raises: the caller is already
handling one failure, and a full disk or an unwritable folder must not add
another. The file is capped: past ``MAX_BYTES`` it becomes ``.1`` (the older
``.1`` goes), so about the last megabyte is kept.

Plain Python (no textual, no store): the UI and the CLI both use it.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from swat_tui.config import user_data_folder

ERROR_LOG_NAME = "swat-errors.log"
MAX_BYTES = 512 * 1024  # the current file; with the one kept before it, about 1 MB
MAX_ENTRY_CHARS = 64 * 1024  # one entry, its traceback's end kept
_FOLDER_MODE = 0o700
_FILE_MODE = 0o600


def error_log_path() -> Path:
    """Where ``log_unexpected`` writes: for a message like "detalle en <archivo>"."""
    return user_data_folder() / ERROR_LOG_NAME


def log_unexpected(error: BaseException, *, where: str, path: Path | None = None) -> Path | None:
    """Append ``error`` (when, where, type, message, traceback) to the log; never raises.

    ``where`` names what was being done (a screen, an intent, a command).
    Returns the log's path, or None when nothing could be written, so that a
    message does not point at a file that does not have the detail.
    """
    try:
        target = path if path is not None else error_log_path()
        entry = _entry(error, where)
        _make_folder(target.parent)
        _rotate_if_full(target, len(entry.encode("utf-8", "replace")))
        _append(target, entry)
    except Exception:  # logging must not fail its caller
        return None
    return target


def _entry(error: BaseException, where: str) -> str:
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    kind = type(error).__qualname__
    module = type(error).__module__
    if module not in ("builtins", "__main__"):
        kind = f"{module}.{kind}"
    place = " ".join(where.split()) or "?"
    message = " ".join(_safe_str(error).split())
    # format_exception never shows locals (only capture_locals=True would).
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    entry = f"=== {when} [{place}] {kind}: {message}\n{trace.rstrip()}\n\n"
    if len(entry) > MAX_ENTRY_CHARS:
        head, tail = MAX_ENTRY_CHARS // 4, MAX_ENTRY_CHARS * 3 // 4
        entry = f"{entry[:head]}\n[... recortado ...]\n{entry[-tail:]}"
    return entry


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # a broken __str__ must not lose the entry
        return "<mensaje ilegible>"


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=_FOLDER_MODE)
    except FileExistsError:
        return
    os.chmod(folder, _FOLDER_MODE)  # the umask may have taken more


def _rotate_if_full(target: Path, incoming: int) -> None:
    try:
        size = target.stat().st_size
    except FileNotFoundError:
        return
    if size and size + incoming > MAX_BYTES:
        os.replace(target, target.with_name(target.name + ".1"))


def _append(target: Path, entry: str) -> None:
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, _FILE_MODE)
    try:
        os.chmod(target, _FILE_MODE)  # made before this rule, or under a careless umask
        data = memoryview(entry.encode("utf-8", "replace"))
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)
