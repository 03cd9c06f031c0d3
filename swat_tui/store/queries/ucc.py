"""The UCC typification catalogue: look-ups, word search and wholesale replacement.

The catalogue holds about a hundred rows, so the word search loads it and
matches in Python: SQLite's ``LIKE`` folds neither accents nor non-ASCII case,
and "facturacion" must find "Facturación".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from sqlmodel import Session, col, delete, func, select

from swat_tui.store.models import UccCode


def fold(text: str) -> str:
    """``text`` lower-cased with its accents removed ("Facturación" -> "facturacion")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def get_code(session: Session, *, code: str) -> UccCode | None:
    """The catalogue row with exactly this code."""
    return session.get(UccCode, code)


def all_codes(session: Session, *, branch: str | None = None) -> Sequence[UccCode]:
    """Every code (of one branch when given), in code order."""
    statement = select(UccCode).order_by(col(UccCode.code))
    if branch is not None:
        statement = statement.where(UccCode.branch == branch)
    return session.exec(statement).all()


def _matches(row: UccCode, words: Sequence[str]) -> bool:
    haystack = fold(f"{row.code} {row.description}")
    return all(word in haystack for word in words)


def _matching(session: Session, words: Sequence[str], branch: str | None) -> list[UccCode]:
    folded = [fold(word) for word in words if word.strip()]
    return [row for row in all_codes(session, branch=branch) if _matches(row, folded)]


def search(
    session: Session,
    *,
    words: Sequence[str],
    branch: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[UccCode]:
    """Codes whose code or description holds every word (case and accents ignored)."""
    found = _matching(session, words, branch)
    end = None if limit is None else offset + limit
    return found[offset:end]


def count(session: Session, *, words: Sequence[str] = (), branch: str | None = None) -> int:
    """How many codes ``search`` pages through; with no words, the catalogue's size."""
    if not any(word.strip() for word in words):
        statement = select(func.count()).select_from(UccCode)
        if branch is not None:
            statement = statement.where(UccCode.branch == branch)
        return session.exec(statement).one()
    return len(_matching(session, words, branch))


def replace_all(session: Session, *, rows: Sequence[UccCode]) -> int:
    """Delete the whole catalogue and insert ``rows``; returns how many were inserted."""
    session.exec(delete(UccCode))
    session.add_all(rows)
    session.flush()
    return len(rows)


def requiring_cun(session: Session, *, codes: Sequence[str]) -> set[str]:
    """Those of ``codes`` the catalogue says need a CUN."""
    if not codes:
        return set()
    statement = select(UccCode.code).where(
        col(UccCode.code).in_(codes), col(UccCode.requires_cun).is_(True)
    )
    return set(session.exec(statement).all())
