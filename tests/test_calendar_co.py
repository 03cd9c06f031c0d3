"""Colombia's business days: weekends and national holidays (Ley Emiliani) do not count."""

from __future__ import annotations

from datetime import date

from swat_tui.calendar_co import add_business_days, business_days_between, is_business_day


def test_weekends_and_holidays_are_not_business_days() -> None:
    assert not is_business_day(date(2026, 12, 5))  # Saturday
    assert not is_business_day(date(2026, 12, 8))  # Inmaculada Concepción, a Tuesday
    assert not is_business_day(date(2026, 1, 12))  # Reyes, moved to Monday
    assert is_business_day(date(2026, 12, 9))


def test_fifteen_business_days_skip_the_december_holidays() -> None:
    # Filed Tuesday 1 Dec 2026: 8 Dec and 25 Dec are holidays, so 15 business days
    # end on Wednesday 23 Dec (a weekday count would say Tuesday 22 Dec).
    assert add_business_days(date(2026, 12, 1), 15) == date(2026, 12, 23)
    assert business_days_between(date(2026, 12, 1), date(2026, 12, 23)) == 15


def test_a_term_starting_before_easter_skips_holy_week() -> None:
    # 2 and 3 April 2026 are Jueves and Viernes Santo.
    assert add_business_days(date(2026, 3, 31), 3) == date(2026, 4, 7)  # 1, 6, 7 April
    assert business_days_between(date(2026, 4, 6), date(2026, 4, 1)) == 0
