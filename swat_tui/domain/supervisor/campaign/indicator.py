"""CASOS CONTACTO EFECTIVO: the records of a base with an effective contact over all
its records, x 100, against the campaign's goal (80 %). Pure: the figures come in as
counts (``figures`` reads them), so every rule here is tested without a store.

Per agent the base is the records the agent attempted (the agent cannot be measured
on records nobody gave them); per day the % is cumulative over the whole base, so the
trend shows how far the campaign has come towards its goal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


def pct(contacted: int, base: int) -> float:
    """``contacted`` over ``base`` x 100, one decimal; 0 for an empty base."""
    return round(100 * contacted / base, 1) if base > 0 else 0.0


@dataclass(frozen=True)
class AgentRate:
    """One agent's work on the campaign."""

    username: str
    display_name: str
    attempts: int
    records: int  # distinct records attempted
    contacted: int  # of those, with the agent's effective contact

    @property
    def pct(self) -> float:
        return pct(self.contacted, self.records)


@dataclass(frozen=True)
class DayRate:
    """One day of the campaign: its attempts, its contacts, the cumulative %."""

    day: date
    attempts: int
    contacted: int
    cumulative: int  # records contacted up to this day, inclusive
    pct: float  # cumulative over the whole base


@dataclass(frozen=True)
class CampaignIndicator:
    """The indicator of one campaign, with its detail per agent and per day."""

    code: str
    name: str
    status: str
    goal_pct: int
    records: int
    contacted: int
    by_status: Mapping[str, int]
    by_agent: tuple[AgentRate, ...]
    by_day: tuple[DayRate, ...]

    @property
    def pct(self) -> float:
        return pct(self.contacted, self.records)

    @property
    def meets_goal(self) -> bool:
        """Exact, not on the rounded %: 79.95 % is below an 80 % goal."""
        return 100 * self.contacted >= self.goal_pct * self.records > 0

    @property
    def attempts(self) -> int:
        return sum(agent.attempts for agent in self.by_agent)


def days(
    records: int,
    attempts: Mapping[date, int],
    contacts: Mapping[date, int],
    *,
    first: date | None,
    last: date,
) -> tuple[DayRate, ...]:
    """Every day from ``first`` (the import, or the first attempt) to ``last``, the
    days without work included, so the trend's x axis is real time."""
    worked = sorted({*attempts, *contacts})
    start = min([d for d in (first, *worked[:1]) if d is not None], default=last)
    end = max(last, worked[-1]) if worked else last
    out: list[DayRate] = []
    cumulative = 0
    day = start
    while day <= end:
        cumulative += contacts.get(day, 0)
        out.append(
            DayRate(
                day,
                attempts.get(day, 0),
                contacts.get(day, 0),
                cumulative,
                pct(cumulative, records),
            )
        )
        day += timedelta(days=1)
    return tuple(out)


def agents(rows: Sequence[tuple[str, str, int, int, int]]) -> tuple[AgentRate, ...]:
    """The agents, best % first (then most records, then username)."""
    rates = [AgentRate(*row) for row in rows]
    return tuple(sorted(rates, key=lambda r: (-r.pct, -r.records, r.username)))
