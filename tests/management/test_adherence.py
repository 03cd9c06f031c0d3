"""Adherence arithmetic (pure): periods, working days, running periods, the cap."""

from __future__ import annotations

from datetime import date

import pytest

from swat_tui.domain.supervisor.adherence import Tally, period_of, periods, summed, tally

MON, TUE, WED, THU, FRI = (date(2026, 3, d) for d in (9, 10, 11, 12, 13))


@pytest.mark.parametrize(
    ("kind", "day", "span"),
    [
        ("day", WED, (WED, WED)),
        ("week", WED, (MON, date(2026, 3, 15))),
        ("fortnight", date(2026, 2, 15), (date(2026, 2, 1), date(2026, 2, 15))),
        ("fortnight", date(2026, 2, 16), (date(2026, 2, 16), date(2026, 2, 28))),
        ("month", date(2024, 2, 10), (date(2024, 2, 1), date(2024, 2, 29))),
        ("semester", date(2026, 7, 1), (date(2026, 7, 1), date(2026, 12, 31))),
    ],
)
def test_period_of(kind: str, day: date, span: tuple[date, date]) -> None:
    assert period_of(kind, day) == span


def test_no_period_after_today() -> None:
    assert periods("day", MON, FRI, today=WED) == [(MON, MON), (TUE, TUE), (WED, WED)]


def test_a_daily_practice_is_due_on_working_days_only() -> None:
    """The week of 23 March 2026: Monday is San José (a Ley Emiliani holiday)."""
    week = tally(
        "day", 1, [], since=date(2026, 3, 23), until=date(2026, 3, 29), today=date(2026, 4, 30)
    )
    assert (week.done, week.due) == (0, 4)


def test_a_leader_with_none_done_is_at_zero() -> None:
    month = tally(
        "day", 1, [], since=date(2026, 2, 1), until=date(2026, 2, 28), today=date(2026, 3, 10)
    )
    assert (month.due, month.pct) == (20, 0.0)


def test_a_window_starting_mid_week_counts_the_whole_week() -> None:
    """A weekly practice held on Monday counts for a window that starts on Wednesday."""
    counted = tally("week", 1, [MON], since=WED, until=date(2026, 3, 15), today=date(2026, 3, 20))
    assert (counted.done, counted.due, counted.pct) == (1, 1, 100.0)


def test_a_running_period_is_not_late_yet() -> None:
    """On Wednesday a weekly practice not held yet is not due; one held counts."""
    assert tally("week", 1, [], since=MON, until=FRI, today=WED) == Tally(0, 0, 0)
    assert tally("week", 1, [TUE], since=MON, until=FRI, today=WED) == Tally(1, 1, 1)
    # today's daily practice is due only once it is held; the days before are due
    today_pending = tally("day", 1, [MON], since=MON, until=FRI, today=WED)
    assert (today_pending.done, today_pending.due) == (1, 2)


def test_over_achievement_is_kept_but_capped_per_period() -> None:
    """Three on Monday and none on Tuesday: 1 of 2, never 150 %."""
    counted = tally("day", 1, [MON, MON, MON], since=MON, until=TUE, today=FRI)
    assert (counted.done, counted.due, counted.held) == (1, 2, 3)
    assert counted.pct == 50.0
    assert counted.meets(100) is False


def test_three_a_week_and_nothing_due() -> None:
    counted = tally(
        "week", 3, [MON, TUE], since=MON, until=date(2026, 3, 15), today=FRI + (FRI - MON)
    )
    assert (counted.done, counted.due) == (2, 3)
    nothing = tally("day", 1, [], since=date(2026, 3, 14), until=date(2026, 3, 15), today=FRI)
    assert nothing.pct is None and nothing.meets(100) is None
    assert summed([counted, Tally(1, 1, 4)]) == Tally(3, 4, 6)
