"""The UCC catalogue of typification codes (F22): search, look-up and loading a CSV file.

``data/ucc.csv`` is the shipped catalogue and is loaded into the store the
first time the app opens it; an operator replaces it with their own file
(``swat ucc load FILE``). A file is validated whole before anything is
replaced, and each problem names its line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.paths import data_dir
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import UccCode
from swat_tui.store.queries import ucc as ucc_queries

if TYPE_CHECKING:
    from _csv import Reader

COLUMNS = ("code", "branch", "description", "requires_cun")
CODE_MAX = 12
DESCRIPTION_MAX = 120
_CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]*")
_TRUE = frozenset({"true", "si", "sí", "s", "1", "verdadero"})
_FALSE = frozenset({"false", "no", "n", "0", "falso"})


@dataclass(frozen=True)
class UccEntry:
    """One typification code: its branch, what it means, and whether it needs a CUN."""

    code: str
    branch: str
    description: str
    requires_cun: bool


def default_path() -> Path:
    """The catalogue shipped with swat-tui."""
    return data_dir() / "ucc.csv"


def normalize_code(code: str) -> str:
    """A code as the catalogue stores it: no surrounding blanks, upper case."""
    return code.strip().upper()


class UccCatalog:
    """The catalogue as the F22 screen and the CLI use it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def search(self, text: str, *, branch: str | None = None) -> tuple[UccEntry, ...]:
        """Codes matching every word of ``text`` (all when blank); an exact code comes first."""
        branches = load_procedure().branch_ids
        if branch is not None and branch not in branches:
            raise refusal("ucc.branch_invalid", branches=", ".join(branches))
        words = text.split()
        with read_session(self._engine) as session:
            rows = ucc_queries.search(session, words=words, branch=branch)
        entries = [_entry(row) for row in rows]
        exact = normalize_code(text)
        entries.sort(key=lambda entry: entry.code != exact)  # stable: code order otherwise
        return tuple(entries)

    def get(self, code: str) -> UccEntry:
        """The entry with this code, or the error F22 shows for an unknown one."""
        wanted = normalize_code(code)
        if not wanted:
            raise refusal("ucc.code_missing")
        with read_session(self._engine) as session:
            row = ucc_queries.get_code(session, code=wanted)
        if row is None:
            raise refusal("ucc.unknown", ucc=wanted[:20])
        return _entry(row)

    def count(self) -> int:
        """How many codes the catalogue holds."""
        with read_session(self._engine) as session:
            return ucc_queries.count(session)

    def load_csv(self, path: Path) -> int:
        """Replace the catalogue with the file's codes; returns how many were loaded."""
        entries = read_csv(path)
        rows = [
            UccCode(
                code=e.code, branch=e.branch, description=e.description, requires_cun=e.requires_cun
            )
            for e in entries
        ]
        with write_session(self._engine) as session:
            return ucc_queries.replace_all(session, rows=rows)

    def load_default(self) -> int:
        """Replace the catalogue with the shipped ``data/ucc.csv``."""
        return self.load_csv(default_path())

    def ensure_loaded(self) -> int:
        """Load the shipped catalogue when the store has none; returns codes loaded (0 if not)."""
        if self.count() > 0:
            return 0
        return self.load_default()


def _entry(row: UccCode) -> UccEntry:
    return UccEntry(row.code, row.branch, row.description, row.requires_cun)


def read_csv(path: Path) -> tuple[UccEntry, ...]:
    """Parse and validate a catalogue file (UTF-8, comma or semicolon separated)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise refusal("files.missing", path=path) from error
    except UnicodeDecodeError as error:
        raise refusal("files.not_utf8", name=path.name) from error
    except OSError as error:
        raise refusal("files.unreadable", path=path, reason=error.strerror) from error
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise refusal("files.ucc.titles_missing", name=path.name, titles=",".join(COLUMNS))
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        entries = _entries(path.name, reader)
    except csv.Error as error:
        where = f"{path.name} línea {reader.line_num}"
        raise refusal("files.csv_invalid", where=where, error=error) from error
    if not entries:
        raise refusal("files.ucc.empty", name=path.name)
    return entries


def _entries(name: str, reader: Reader) -> tuple[UccEntry, ...]:
    header = [title.strip().lower() for title in next(reader)]
    if tuple(header) != COLUMNS:
        raise refusal("files.ucc.titles", name=name, titles=",".join(COLUMNS))
    seen: dict[str, int] = {}
    entries: list[UccEntry] = []
    for fields in reader:
        line = reader.line_num
        if not any(field.strip() for field in fields):
            continue
        entry = _parse_row(fields, f"{name} línea {line}")
        if entry.code in seen:
            raise refusal(
                "files.ucc.repeated", name=name, line=line, ucc=entry.code, seen=seen[entry.code]
            )
        seen[entry.code] = line
        entries.append(entry)
    return tuple(entries)


def _parse_row(fields: list[str], where: str) -> UccEntry:
    if len(fields) != len(COLUMNS):
        raise refusal(
            "files.ucc.column_count", where=where, length=len(fields), columns=len(COLUMNS)
        )
    code = normalize_code(fields[0])
    branch = fields[1].strip().lower()
    description = " ".join(fields[2].split())
    if not code:
        raise refusal("files.ucc.code_missing", where=where)
    if len(code) > CODE_MAX:
        raise refusal("files.ucc.code_long", where=where, ucc=code[:20], maximum=CODE_MAX)
    if not _CODE.fullmatch(code):
        raise refusal("files.ucc.code_chars", where=where, ucc=code)
    branches = load_procedure().branch_ids
    if branch not in branches:
        raise refusal("files.ucc.branch", where=where, branch=branch, branches=", ".join(branches))
    if not description:
        raise refusal("files.ucc.description_missing", where=where, ucc=code)
    if len(description) > DESCRIPTION_MAX:
        raise refusal("files.ucc.description_long", where=where, maximum=DESCRIPTION_MAX)
    return UccEntry(code, branch, description, _flag(fields[3], where))


def _flag(value: str, where: str) -> bool:
    folded = value.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise refusal("files.ucc.requires_cun", where=where, value=value.strip())
