"""Adherence per leader and per practice over a window, read from the store.

One read of the leaders and of the records of the window's whole periods;
the arithmetic is ``adherence.tally`` (pure). SUP030, ``swat practices
report`` and the tests read the same ``AdherenceReport``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.supervisor.adherence import Tally, measured_span, summed, tally
from swat_tui.domain.supervisor.practice_catalogue import Practice, PracticeCatalogue
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role
from swat_tui.store.queries import management as queries

LEADER_ROLES = (Role.SUPERVISOR.value, Role.COORDINADOR.value)


@dataclass(frozen=True)
class Cell:
    """One leader's tally of one practice they are responsible for."""

    username: str
    practice: str  # its code
    tally: Tally
    goal_pct: int

    @property
    def meets(self) -> bool | None:
        return self.tally.meets(self.goal_pct)


@dataclass(frozen=True)
class PracticeLine:
    practice: Practice
    tally: Tally  # over every responsible leader

    @property
    def meets(self) -> bool | None:
        return self.tally.meets(self.practice.goal_pct)


@dataclass(frozen=True)
class LeaderLine:
    username: str
    name: str
    role: str
    tally: Tally  # over their practices
    below: int  # practices under their goal
    measured: int  # practices with something due


@dataclass(frozen=True)
class AdherenceReport:
    since: date
    until: date
    today: date
    practices: tuple[PracticeLine, ...]
    leaders: tuple[LeaderLine, ...]
    cells: tuple[Cell, ...]

    @property
    def total(self) -> Tally:
        return summed([line.tally for line in self.practices])

    def cells_of(self, username: str) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.username == username)


def _bogota_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=BOGOTA)


def adherence_report(
    engine: Engine, *, since: date, until: date, today: date, catalogue: PracticeCatalogue
) -> AdherenceReport:
    """Each leader's and each practice's adherence in ``since``..``until`` (inclusive)."""
    spans = [measured_span(p.period, since, until) for p in catalogue.practices]
    first = min((start for start, _ in spans), default=since)
    last = max((end for _, end in spans), default=until)
    with read_session(engine) as session:
        leaders = queries.agents_with_roles(session, LEADER_ROLES)
        records = queries.records_between(
            session, _bogota_midnight(first), _bogota_midnight(last + timedelta(days=1))
        )
    held: dict[tuple[int, str], list[date]] = defaultdict(list)
    for record in records:
        held[(record.leader_id, record.practice)].append(record.held_on.astimezone(BOGOTA).date())
    cells: list[Cell] = []
    leader_lines: list[LeaderLine] = []
    for leader in leaders:
        mine: list[Cell] = []
        for practice in catalogue.for_role(leader.role):
            days = held.get((leader.id or 0, practice.code), [])
            counted = tally(
                practice.period,
                practice.due_per_period(leader.role),
                days,
                since=since,
                until=until,
                today=today,
            )
            mine.append(Cell(leader.username, practice.code, counted, practice.goal_pct))
        cells.extend(mine)
        leader_lines.append(
            LeaderLine(
                username=leader.username,
                name=leader.display_name,
                role=leader.role,
                tally=summed([cell.tally for cell in mine]),
                below=sum(1 for cell in mine if cell.meets is False),
                measured=sum(1 for cell in mine if cell.meets is not None),
            )
        )
    practice_lines = tuple(
        PracticeLine(p, summed([c.tally for c in cells if c.practice == p.code]))
        for p in catalogue.practices
    )
    return AdherenceReport(since, until, today, practice_lines, tuple(leader_lines), tuple(cells))
