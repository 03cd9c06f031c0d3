"""A PQR's legal term: the operator answers within 15 business days (CRC Res. 5050
de 2016, Título II); unanswered past it, silencio administrativo positivo applies."""

from __future__ import annotations

from datetime import date

from swat_tui.calendar_co import add_business_days, business_days_between

ANSWER_BUSINESS_DAYS = 15


def due_on(filed: date) -> date:
    """The last day of the operator's term for a PQR filed on ``filed``."""
    return add_business_days(filed, ANSWER_BUSINESS_DAYS)


def business_days_left(due: date, today: date) -> int:
    """Business days left to ``due``: 0 on the day, negative once it has passed."""
    if due >= today:
        return business_days_between(today, due)
    return -max(1, business_days_between(due, today))
