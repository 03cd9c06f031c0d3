"""The derived KPI figures on hand-made counts with known answers (no store)."""

from __future__ import annotations

import pytest

from swat_tui.domain.supervisor.kpi_figures import (
    Counts,
    StepTime,
    average,
    minutes_seconds,
    one_decimal,
    percent,
    total,
)


def test_averages_and_percentages_say_none_when_there_is_nothing_to_divide() -> None:
    assert average(10, 4) == 2.5 and average(10, 0) is None
    assert percent(1, 4) == 25.0 and percent(0, 0) is None


def test_handle_time_is_talk_hold_and_acw_over_the_answered_calls() -> None:
    counts = Counts(calls=3, answered=2, talk_seconds=840, hold_seconds=60, acw_seconds=90)
    assert counts.handle_seconds == 990
    assert counts.aht == 495.0
    assert (counts.talk, counts.hold, counts.acw) == (420.0, 30.0, 45.0)


def test_first_contact_and_cun_are_shares_of_the_typifications() -> None:
    counts = Counts(typified=4, first_contact=2, with_cun=1)
    assert counts.fcr_percent == 50.0 and counts.cun_percent == 25.0
    assert Counts().fcr_percent is None and Counts().cun_percent is None


def test_the_survey_score_averages_only_the_surveys_taken() -> None:
    assert Counts(calls=5, surveys=2, survey_points=8).survey_score == 4.0
    assert Counts(calls=5).survey_score is None


def test_totals_add_every_sum_and_derive_again() -> None:
    a = Counts(calls=4, answered=3, talk_seconds=960, hold_seconds=60, acw_seconds=100)
    b = Counts(calls=1, answered=1, talk_seconds=160, hold_seconds=20, acw_seconds=40)
    both = total([a, b])
    assert both == a + b
    assert (both.calls, both.answered, both.handle_seconds) == (5, 4, 1340)
    assert both.aht == 335.0  # not the average of the two averages (373.3 and 220)
    assert total([]) == Counts()


def test_step_share_and_time_per_call() -> None:
    step = StepTime(2, "Interpretación", 240, 3)
    assert step.share(1020) == pytest.approx(23.529, abs=1e-3)
    assert step.per_call == 80.0


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(None, "-"), (0, "0:00"), (59.6, "1:00"), (495, "8:15"), (3725, "1:02:05")],
)
def test_times_are_shown_as_minutes_and_seconds(seconds: float | None, shown: str) -> None:
    assert minutes_seconds(seconds) == shown


def test_decimals_use_a_comma() -> None:
    assert one_decimal(33.333) == "33,3" and one_decimal(None) == "-"
