"""Colombia's working calendar: business days skip weekends and national holidays.

The operator's legal terms run in business days (a PQR is answered within 15,
an appeal is filed within 10), and Colombia moves several holidays to the next
Monday (Ley Emiliani), which a weekday count gets wrong. The holidays come from
the well-kept ``holidays`` package (country CO), not from a list of ours.
Neutral ground: the store's demo builder and the domain's rules both use it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

SATURDAY = 5


@cache
def _holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("CO", years=year))


def is_business_day(day: date) -> bool:
    """Monday to Friday and not a national holiday."""
    return day.weekday() < SATURDAY and day not in _holidays_of(day.year)


def add_business_days(start: date, days: int) -> date:
    """The business day ``days`` business days after ``start`` (``start`` not counted)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            left -= 1
    return day


def business_days_between(start: date, end: date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 if ``end`` <= ``start``)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_business_day(day)
    return count
