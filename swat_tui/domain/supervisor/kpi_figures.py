"""The call KPIs derived from the sums the store gives: pure, so tested on hand-made rows.

Definitions (the issue is silent on them; see docs in the KPI panel's help):
- calls: finished calls started in the period (ended, transferred, abandoned, hung up);
- the times are averages over the *answered* calls: talk is from the answer to the end
  less the hold, AHT (average handle time) is talk + hold + ACW;
- first-contact resolution % and CUN % are over the typifications (one per request):
  typified first contact / typified, typified with a CUN / typified (the rest are
  follow-ups: escalated without a CUN);
- surveys: calls whose customer took the survey, and their average score (1-5).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date


def average(total: int, count: int) -> float | None:
    """``total / count``, None when there is nothing to average."""
    return total / count if count > 0 else None


def percent(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, None when ``whole`` is 0."""
    return 100.0 * part / whole if whole > 0 else None


@dataclass(frozen=True)
class Counts:
    """What the figures are derived from: sums that add up across days and agents."""

    calls: int = 0
    answered: int = 0
    talk_seconds: int = 0
    hold_seconds: int = 0
    acw_seconds: int = 0
    transfers: int = 0
    abandoned: int = 0
    surveys: int = 0
    survey_points: int = 0
    typified: int = 0
    first_contact: int = 0
    with_cun: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def handle_seconds(self) -> int:
        return self.talk_seconds + self.hold_seconds + self.acw_seconds

    @property
    def aht(self) -> float | None:
        """Average handle time (talk + hold + ACW) per answered call, in seconds."""
        return average(self.handle_seconds, self.answered)

    @property
    def talk(self) -> float | None:
        return average(self.talk_seconds, self.answered)

    @property
    def hold(self) -> float | None:
        return average(self.hold_seconds, self.answered)

    @property
    def acw(self) -> float | None:
        return average(self.acw_seconds, self.answered)

    @property
    def fcr_percent(self) -> float | None:
        """First-contact resolution: typifications resolved on the line, in %."""
        return percent(self.first_contact, self.typified)

    @property
    def cun_percent(self) -> float | None:
        """Typifications that gave the customer a CUN, in %."""
        return percent(self.with_cun, self.typified)

    @property
    def survey_score(self) -> float | None:
        """The average score of the surveys taken (1-5)."""
        return average(self.survey_points, self.surveys)


def total(counts: Iterable[Counts]) -> Counts:
    """All of ``counts`` added up (the totals row)."""
    result = Counts()
    for item in counts:
        result = result + item
    return result


@dataclass(frozen=True)
class KpiLine:
    """One agent's figures for one day (``day``) or the whole period (None)."""

    username: str
    display_name: str
    day: date | None
    counts: Counts


@dataclass(frozen=True)
class StepTime:
    """Time the agent's answered calls spent at one procedure step."""

    step: int
    name: str
    seconds: int
    calls: int  # calls that spent time at the step

    def share(self, whole: int) -> float | None:
        """This step's part of ``whole`` seconds, in %."""
        return percent(self.seconds, whole)

    @property
    def per_call(self) -> float | None:
        return average(self.seconds, self.calls)


@dataclass(frozen=True)
class CodeCount:
    """How often the agent typified with one UCC code, and how it was resolved."""

    code: str
    count: int
    first_contact: int
    with_cun: int
    description: str = ""

    @property
    def follow_up(self) -> int:
        """Neither resolved on the line nor with a CUN: escalated, followed up."""
        return self.count - self.first_contact - self.with_cun


@dataclass(frozen=True)
class AgentDetail:
    """The detail of one agent in a period: typifications by code, time per step."""

    username: str
    display_name: str
    codes: tuple[CodeCount, ...]
    steps: tuple[StepTime, ...]
    counts: Counts = Counts()

    @property
    def step_seconds(self) -> int:
        """The time of the answered calls while the line was up (talk and hold)."""
        return sum(step.seconds for step in self.steps)

    @property
    def handled_seconds(self) -> int:
        """The steps' time and the after-call work: where each share is taken of."""
        return self.step_seconds + self.counts.acw_seconds


def minutes_seconds(seconds: float | None) -> str:
    """``m:ss`` (``h:mm:ss`` from an hour), "-" for no figure."""
    if seconds is None:
        return "-"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def one_decimal(value: float | None) -> str:
    """A percentage or a score with one decimal and a comma (es-CO), "-" for none."""
    return "-" if value is None else f"{value:.1f}".replace(".", ",")
