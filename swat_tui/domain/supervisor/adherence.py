"""Adherence to the management model: practices done / practices due, against the goal.

Pure functions over dates, so the rule is tested without a store.

The rule (section 7 gives the formula, not the arithmetic of a period):

- A practice is measured over each of ITS periods that touch the window
  (a weekly practice in a window starting on a Wednesday counts that whole
  week, so the dialogue held on its Monday is not lost), and never over a
  period that starts after today.
- A daily practice is due on Colombian working days only (``calendar_co``).
- A period that is over is due in full (``per_period``). A period still
  running (today is in it) is due only as far as it was done: nobody is
  late on a Wednesday for a weekly practice.
- Done counts at most what was due in each period: three dialogues on
  Monday do not make up for Tuesday's. The raw count is kept (``held``) to
  show it, but adherence never passes 100 %.
- A leader with nothing due in the window has no adherence (``None``), not 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from swat_tui.calendar_co import is_business_day

FIRST_FORTNIGHT_LAST_DAY = 15


def period_of(kind: str, day: date) -> tuple[date, date]:
    """The first and last day (inclusive) of the ``kind`` period holding ``day``."""
    if kind == "day":
        return day, day
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if kind == "fortnight":
        if day.day <= FIRST_FORTNIGHT_LAST_DAY:
            return day.replace(day=1), day.replace(day=FIRST_FORTNIGHT_LAST_DAY)
        return day.replace(day=FIRST_FORTNIGHT_LAST_DAY + 1), _month_end(day)
    if kind == "month":
        return day.replace(day=1), _month_end(day)
    if kind == "semester":
        first_month = 1 if day.month <= 6 else 7
        start = date(day.year, first_month, 1)
        return start, _month_end(date(day.year, first_month + 5, 1))
    raise ValueError(f"unknown period {kind!r}")


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def periods(kind: str, since: date, until: date, today: date) -> list[tuple[date, date]]:
    """The ``kind`` periods that touch ``since``..``until`` and start by ``today``."""
    found: list[tuple[date, date]] = []
    day = since
    while day <= until and day <= today:
        start, end = period_of(kind, day)
        found.append((start, end))
        day = end + timedelta(days=1)
    return found


def measured_span(kind: str, since: date, until: date) -> tuple[date, date]:
    """The days whose records count for a window: its periods from first to last."""
    return period_of(kind, since)[0], period_of(kind, until)[1]


@dataclass(frozen=True)
class Tally:
    """Done (counted and raw) and due of one practice, one leader or a whole table."""

    done: int  # what counts: at most what was due in each period
    due: int
    held: int  # every record, over-achievement included

    @property
    def pct(self) -> float | None:
        """Adherence in %, ``None`` when nothing was due."""
        return None if self.due == 0 else 100.0 * self.done / self.due

    def meets(self, goal_pct: int) -> bool | None:
        pct = self.pct
        return None if pct is None else pct >= goal_pct

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.done + other.done, self.due + other.due, self.held + other.held)


NOTHING = Tally(0, 0, 0)


def tally(
    kind: str,
    per_period: int,
    held_on: Iterable[date],
    *,
    since: date,
    until: date,
    today: date,
) -> Tally:
    """One leader's tally of one practice (``per_period`` due each period) in the window."""
    days = sorted(held_on)
    total = NOTHING
    for start, end in periods(kind, since, until, today):
        held = sum(1 for day in days if start <= day <= end)
        due = per_period if kind != "day" or is_business_day(start) else 0
        if start <= today <= end:
            due = min(due, held)  # still running: not late yet
        total = total + Tally(min(held, due), due, held)
    return total


def summed(tallies: Sequence[Tally]) -> Tally:
    """Several tallies as one (a leader's practices, a practice's leaders)."""
    total = NOTHING
    for item in tallies:
        total = total + item
    return total
