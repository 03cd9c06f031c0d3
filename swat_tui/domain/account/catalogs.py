"""Small reference tables shipped as CSV in ``data/``: account statuses and document types.

They are read once per process (``functools.cache``); editing the CSV files is
how an operator changes a meaning or a validation rule without touching code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from swat_tui.paths import data_dir


@dataclass(frozen=True)
class DocumentType:
    """A kind of identity document and the shape its number must have."""

    code: str  # CC, CE, NIT, PA, TI
    name: str
    pattern: re.Pattern[str]  # matched in full against the upper-case number
    rule: str  # the pattern told to an agent, e.g. "5 a 10 dígitos"

    def accepts(self, number: str) -> bool:
        """True when ``number`` (already upper-case, no spaces) is valid for this type."""
        return self.pattern.fullmatch(number) is not None


def _rows(name: str) -> list[dict[str, str]]:
    path: Path = data_dir() / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def account_statuses() -> dict[str, str]:
    """RR status -> its meaning in Spanish, in the catalogue's order."""
    return {row["status"]: row["meaning"] for row in _rows("statuses.csv")}


def status_meaning(status: str) -> str:
    """What an RR account status means; an unknown status says so."""
    return account_statuses().get(status, "Estado sin descripción en el catálogo")


@cache
def document_types() -> dict[str, DocumentType]:
    """Document code -> its definition, in the catalogue's order."""
    return {
        row["code"]: DocumentType(
            code=row["code"],
            name=row["name"],
            pattern=re.compile(row["pattern"]),
            rule=row["rule"],
        )
        for row in _rows("document_types.csv")
    }


def document_type(code: str) -> DocumentType | None:
    """The document type with this code (case-insensitive), if any."""
    return document_types().get(code.strip().upper())
