"""The demo store's WFM agenda: arrival windows for the zones of the store.

Deterministic (no draws): the same zones and day give the same rows. The
windows, capacities and the one full zone come from ``data/wfm_agenda.toml``.
Slots fall on business days only; a few places are already taken by other
customers, and every window of the full zone is at capacity.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from swat_tui.calendar_co import is_business_day
from swat_tui.config import BOGOTA
from swat_tui.paths import data_dir


@dataclass(frozen=True)
class Window:
    """One arrival window of the agenda file."""

    code: str
    start: time
    end: time
    capacity: int


@dataclass(frozen=True)
class AgendaPlan:
    """What ``data/wfm_agenda.toml`` says."""

    days_ahead: int
    full_zone: str
    booked_pattern: tuple[int, ...]
    windows: tuple[Window, ...]


def load_plan(path: Path | None = None) -> AgendaPlan:
    """Read the agenda file (default: the app's data folder)."""
    raw = tomllib.loads((path or data_dir() / "wfm_agenda.toml").read_text(encoding="utf-8"))
    return AgendaPlan(
        days_ahead=int(raw["days_ahead"]),
        full_zone=str(raw["full_zone"]),
        booked_pattern=tuple(int(n) for n in raw["booked_pattern"]) or (0,),
        windows=tuple(
            Window(
                str(w["code"]),
                time.fromisoformat(w["start"]),
                time.fromisoformat(w["end"]),
                int(w["capacity"]),
            )
            for w in raw["window"]
        ),
    )


def agenda_rows(
    zones: Iterable[str], today: date, days: int | None = None, plan: AgendaPlan | None = None
) -> list[dict[str, Any]]:
    """``wfm_slot`` rows for ``zones`` on the business days of ``days`` days from ``today``."""
    plan = plan or load_plan()
    span = plan.days_ahead if days is None else days
    business_days = [
        day for day in (today + timedelta(days=n) for n in range(span)) if is_business_day(day)
    ]
    rows: list[dict[str, Any]] = []
    for zone in sorted(set(zones)):
        for n, (day, window) in enumerate(
            (day, window) for day in business_days for window in plan.windows
        ):
            taken = plan.booked_pattern[n % len(plan.booked_pattern)]
            rows.append(
                {
                    "zone": zone,
                    "day": day,
                    "arrival_window": window.code,
                    "starts_at": datetime.combine(day, window.start, BOGOTA),
                    "ends_at": datetime.combine(day, window.end, BOGOTA),
                    "capacity": window.capacity,
                    "booked": window.capacity
                    if zone == plan.full_zone
                    else min(taken, window.capacity),
                }
            )
    return rows
