"""The management model's practices (``data/practices.toml``), read and validated.

The process document's section 7 is data so that an operator who changes a
goal or a frequency edits one file; a file that does not hold together (an
unknown period, a role swat-tui has no profile for, a goal over 100 %) is
refused when it is read, never half-used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir
from swat_tui.store.enums import Role

PERIODS = ("day", "week", "fortnight", "month", "semester")
# The period's name on a panel and in a report ("1 por semana").
PERIOD_LABELS = {
    "day": "día hábil",
    "week": "semana",
    "fortnight": "quincena",
    "month": "mes",
    "semester": "semestre",
}
CODE_LENGTH = 30  # practice_record.practice


@dataclass(frozen=True)
class Practice:
    """One practice of section 7: how many are due per period, by responsible role."""

    code: str
    name: str
    description: str
    period: str
    per_period: Mapping[str, int]
    goal_pct: int
    duration_minutes: int

    def due_per_period(self, role: str) -> int:
        """How many ``role`` must hold each period (0: not responsible for it)."""
        return self.per_period.get(role, 0)

    @property
    def frequency(self) -> str:
        """``1 por día hábil``, ``3 por semana`` (with the roles when they differ)."""
        counts = set(self.per_period.values())
        unit = PERIOD_LABELS[self.period]
        if len(counts) == 1:
            return f"{counts.pop()} por {unit}"
        return ", ".join(f"{role} {n}" for role, n in self.per_period.items()) + f" por {unit}"


@dataclass(frozen=True)
class RecordRules:
    """What a record of a practice may say (``[record]``)."""

    max_duration_minutes: int
    max_days_back: int
    max_participants: int


@dataclass(frozen=True)
class PracticeCatalogue:
    practices: tuple[Practice, ...]
    rules: RecordRules

    def get(self, code: str) -> Practice | None:
        return next((p for p in self.practices if p.code == code), None)

    def for_role(self, role: str) -> tuple[Practice, ...]:
        """The practices ``role`` is responsible for, in the file's order."""
        return tuple(p for p in self.practices if p.due_per_period(role) > 0)


def _practice(row: Mapping[str, Any]) -> Practice:
    code = str(row["code"])
    if not code or len(code) > CODE_LENGTH or not code.replace("_", "").isalnum():
        raise ValueError(f"practice {code!r}: a code is 1-{CODE_LENGTH} letters, digits or _")
    period = str(row["period"])
    if period not in PERIODS:
        raise ValueError(f"practice {code}: period must be one of {PERIODS}")
    per_period = {str(role): int(n) for role, n in dict(row["per_period"]).items()}
    roles = {role.value for role in Role}
    if not per_period or any(role not in roles or n < 1 for role, n in per_period.items()):
        raise ValueError(f"practice {code}: per_period needs known roles, each at least 1")
    goal = int(row["goal_pct"])
    duration = int(row["duration_minutes"])
    if not 0 < goal <= 100 or duration < 1:
        raise ValueError(f"practice {code}: goal_pct 1-100 and duration_minutes >= 1")
    return Practice(
        code=code,
        name=str(row["name"]),
        description=str(row["description"]),
        period=period,
        per_period=per_period,
        goal_pct=goal,
        duration_minutes=duration,
    )


def parse_catalogue(raw: Mapping[str, Any]) -> PracticeCatalogue:
    """Build the catalogue from the TOML document (``KeyError``/``ValueError`` if bad)."""
    practices = tuple(_practice(row) for row in raw["practice"])
    codes = [p.code for p in practices]
    if len(codes) != len(set(codes)):
        raise ValueError("practices.toml: every practice code must be unique")
    record = raw["record"]
    rules = RecordRules(
        max_duration_minutes=int(record["max_duration_minutes"]),
        max_days_back=int(record["max_days_back"]),
        max_participants=int(record["max_participants"]),
    )
    if min(rules.max_duration_minutes, rules.max_days_back, rules.max_participants) < 1:
        raise ValueError("practices.toml: every [record] limit must be at least 1")
    return PracticeCatalogue(practices, rules)


def load_catalogue(path: Path) -> PracticeCatalogue:
    with path.open("rb") as handle:
        return parse_catalogue(tomllib.load(handle))


@cache
def practice_catalogue() -> PracticeCatalogue:
    """The shipped ``data/practices.toml``, read once per process."""
    return load_catalogue(data_dir() / "practices.toml")
