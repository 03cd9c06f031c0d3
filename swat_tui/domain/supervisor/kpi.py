"""Call KPIs per agent and day (SUP040, ``swat kpi``), read from the real store.

Training calls never count, by construction: they are written to the training
store (``domain.training.training_store``), a separate database; this module
only reads ``services.engine``, the real store (a test proves a training call
stays out). The sums come from grouped SQL (``store.queries.kpi``); the
figures are derived in ``kpi_figures``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.kpi_figures import (
    AgentDetail,
    CodeCount,
    Counts,
    KpiLine,
    StepTime,
    total,
)
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role
from swat_tui.store.queries import kpi as kpi_queries
from swat_tui.store.queries.kpi import CallSums, TypificationSums

LEADER_ROLES = frozenset({Role.SUPERVISOR, Role.COORDINADOR})
MAX_DAYS = 366  # a year and a day: the sums are grouped in SQL, the rows stay few
DEFAULT_DAYS = 7  # SUP040 opens on the last seven days and today


@dataclass(frozen=True)
class Period:
    """Bogotá days ``since`` to ``until``, both included."""

    since: date
    until: date

    @classmethod
    def checked(cls, since: date, until: date) -> Period:
        """The period, refused when ``since`` is after ``until`` or it is too long."""
        if since > until:
            raise refusal(
                "supervisor.kpi.period_order", since=f"{since:%d/%m/%Y}", until=f"{until:%d/%m/%Y}"
            )
        days = (until - since).days + 1
        if days > MAX_DAYS:
            raise refusal("supervisor.kpi.period_long", days=days, maximum=MAX_DAYS)
        return cls(since, until)

    @classmethod
    def default(cls, today: date) -> Period:
        return cls(today - timedelta(days=DEFAULT_DAYS), today)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.since, time(0), BOGOTA)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.until + timedelta(days=1), time(0), BOGOTA)


def typed_day(text: str) -> date:
    """A day typed on a panel as DDMMAAAA (28112026), refused otherwise."""
    value = text.strip()
    try:
        if len(value) != 8 or not value.isdigit():
            raise ValueError(value)
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise refusal("supervisor.kpi.date_invalid", value=value[:10]) from None


def typed_period(since: str, until: str) -> Period:
    """The period typed on SUP040 (DDMMAAAA twice), checked."""
    return Period.checked(typed_day(since), typed_day(until))


@dataclass(frozen=True)
class KpiReport:
    """Every agent's lines in a period (per day, or one per agent) and their total."""

    period: Period
    lines: tuple[KpiLine, ...]

    @property
    def totals(self) -> Counts:
        return total(line.counts for line in self.lines)


def report(
    engine: Engine, period: Period, *, by_day: bool, username: str | None = None
) -> KpiReport:
    """The KPI lines of ``period``: per agent and day when ``by_day``, else per agent;
    only ``username``'s when given (refused when no such profile)."""
    with read_session(engine) as session:
        agent_id = None
        if username is not None:
            agent_id = _agent(session, username)[0]
        start, end = period.start, period.end
        calls = kpi_queries.call_sums(
            session, start=start, end=end, by_day=by_day, agent_id=agent_id
        )
        typed = kpi_queries.typification_sums(
            session, start=start, end=end, by_day=by_day, agent_id=agent_id
        )
        names = kpi_queries.display_names(session, agent_ids=sorted({c.agent_id for c in calls}))
    by_key = {(t.agent_id, t.day): t for t in typed}
    lines = tuple(
        KpiLine(
            row.username,
            names.get(row.agent_id, ""),
            row.day,
            counts_of(row, by_key.get((row.agent_id, row.day))),
        )
        for row in calls
    )
    return KpiReport(period, lines)


def counts_of(calls: CallSums, typed: TypificationSums | None) -> Counts:
    """One line's counts from the two grouped queries' rows."""
    return Counts(
        calls=calls.calls,
        answered=calls.answered,
        talk_seconds=calls.talk_seconds,
        hold_seconds=calls.hold_seconds,
        acw_seconds=calls.acw_seconds,
        transfers=calls.transfers,
        abandoned=calls.abandoned,
        surveys=calls.surveys,
        survey_points=calls.survey_points,
        typified=typed.typified if typed else 0,
        first_contact=typed.first_contact if typed else 0,
        with_cun=typed.with_cun if typed else 0,
    )


def detail(engine: Engine, period: Period, username: str) -> AgentDetail:
    """One agent's typifications by code and time per procedure step in ``period``."""
    procedure = load_procedure()
    titles = {step.number: step.short_title or step.title for step in procedure.steps}
    with read_session(engine) as session:
        agent_id, display_name = _agent(session, username)
        start, end = period.start, period.end
        codes = kpi_queries.typification_codes(session, start=start, end=end, agent_id=agent_id)
        steps = kpi_queries.step_seconds(session, start=start, end=end, agent_id=agent_id)
        calls = kpi_queries.call_sums(
            session, start=start, end=end, by_day=False, agent_id=agent_id
        )
        typed = kpi_queries.typification_sums(
            session, start=start, end=end, by_day=False, agent_id=agent_id
        )
    counts = counts_of(calls[0], typed[0] if typed else None) if calls else Counts()
    return AgentDetail(
        username.strip().upper(),
        display_name,
        tuple(CodeCount(*row) for row in codes),
        tuple(StepTime(s, titles.get(s, ""), seconds, calls) for s, seconds, calls in steps),
        counts,
    )


def _agent(session: Session, username: str) -> tuple[int, str]:
    """(id, display name) of the profile ``username``, refused when there is none."""
    found = kpi_queries.agent_by_username(session, username=username)
    if found is None:
        raise refusal("supervisor.kpi.agent_unknown", username=username.strip().upper()[:10])
    return found


class KpiService:
    """SUP040's reads for a supervisor or a coordinator (CPF2217 for any other role)."""

    def __init__(self, services: Services, agent: SignedOnAgent) -> None:
        self.services = services
        self.agent = agent

    def _leader(self) -> None:
        if self.agent.role not in LEADER_ROLES:
            raise refusal("supervisor.kpi.leaders_only", code="CPF2217")

    def default_period(self) -> Period:
        """The last seven days and today (Bogotá)."""
        self._leader()
        return Period.default(self.services.clock().astimezone(BOGOTA).date())

    def agents(self, period: Period) -> KpiReport:
        """One line per agent for the whole period, and the totals."""
        self._leader()
        return report(self.services.engine, period, by_day=False)

    def days(self, period: Period, username: str | None = None) -> KpiReport:
        """One line per agent and day (``username``'s only when given)."""
        self._leader()
        return report(self.services.engine, period, by_day=True, username=username)

    def agent_detail(self, period: Period, username: str) -> AgentDetail:
        """Typifications by code and time per step of one agent."""
        self._leader()
        return detail(self.services.engine, period, username)
