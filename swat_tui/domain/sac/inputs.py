"""What the agent types on the SAC panels, read strictly: amounts and dates.

A refused value raises ``DomainError`` with the row-24 text; nothing is
guessed (a "1.5" is not 15 pesos, a "31/02/2026" is not a date).
"""

from __future__ import annotations

import re
from datetime import date

from swat_tui.domain.errors import refusal

_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(\.\d{3})+|\d+)")
_DAY = re.compile(r"(\d{2})/?(\d{2})/?(\d{4})")


def parse_amount(text: str, *, label: str = "Valor") -> int:
    """Pesos as typed: ``120000``, ``120.000`` or ``$ 120.000``; never negative or zero."""
    typed = text.strip()
    if not typed:
        raise refusal("sac.amount_missing", label=label)
    if typed.startswith("-"):
        raise refusal("sac.amount_negative", label=label)
    if not _AMOUNT.fullmatch(typed):
        raise refusal("sac.amount_digits", label=label)
    amount = int(re.sub(r"\D", "", typed))
    if amount <= 0:
        raise refusal("sac.amount_zero", label=label)
    return amount


def parse_day(text: str, *, label: str = "Fecha") -> date:
    """A date as RR takes it: ``DDMMAAAA`` or ``DD/MM/AAAA``."""
    typed = text.strip()
    match = _DAY.fullmatch(typed)
    if match is None:
        raise refusal("sac.date_format", label=label)
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise refusal("sac.date_invalid", label=label, typed=typed) from None
