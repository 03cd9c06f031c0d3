"""What the agent types on the SAC panels, read strictly: amounts and dates.

A refused value raises ``DomainError`` with the row-24 text; nothing is
guessed (a "1.5" is not 15 pesos, a "31/02/2026" is not a date).
"""

from __future__ import annotations

import re
from datetime import date

from swat_tui.domain.errors import DomainError

_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(\.\d{3})+|\d+)")
_DAY = re.compile(r"(\d{2})/?(\d{2})/?(\d{4})")


def parse_amount(text: str, *, label: str = "Valor") -> int:
    """Pesos as typed: ``120000``, ``120.000`` or ``$ 120.000``; never negative or zero."""
    typed = text.strip()
    if not typed:
        raise DomainError(f"{label}: digite el valor en pesos.")
    if typed.startswith("-"):
        raise DomainError(f"{label}: el valor no puede ser negativo.")
    if not _AMOUNT.fullmatch(typed):
        raise DomainError(f"{label}: digite solo números (p. ej. 120000), sin letras.")
    amount = int(re.sub(r"\D", "", typed))
    if amount <= 0:
        raise DomainError(f"{label}: el valor debe ser mayor que cero.")
    return amount


def parse_day(text: str, *, label: str = "Fecha") -> date:
    """A date as RR takes it: ``DDMMAAAA`` or ``DD/MM/AAAA``."""
    typed = text.strip()
    match = _DAY.fullmatch(typed)
    if match is None:
        raise DomainError(f"{label}: digite la fecha como DDMMAAAA (p. ej. 05122026).")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DomainError(f"{label}: {typed} no es una fecha válida.") from None
