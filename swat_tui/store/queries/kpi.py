"""Call KPIs aggregated in SQL: sums per agent and Bogotá day, never a row per call.

Every figure is summed by the database (``GROUP BY``), so a period of 100,000
calls costs a few grouped rows in memory; the domain derives the averages and
percentages from the sums (``domain.supervisor.kpi_figures``). Only finished
calls count (``ended_at`` set): a call still ringing or in progress has no
figures yet. Calls are placed in the period and the day by ``started_at``.

The store keeps aware datetimes in UTC (SQLite as text, PostgreSQL as
``timestamptz``); the day and the seconds between two moments are the only
SQL that differs between the two backends (``_local_day``, ``_seconds``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlmodel import Session, col

from swat_tui.store.enums import OUTBOUND_QUEUE_PREFIX
from swat_tui.store.models import Agent, Call, CallEvent, Typification, UccCode

BOGOTA_ZONE = "America/Bogota"  # no daylight saving time: a fixed UTC-5, as config.BOGOTA
_SQLITE_SHIFT = "-5 hours"


@dataclass(frozen=True)
class CallSums:
    """One agent's (and day's) finished calls, summed."""

    agent_id: int
    username: str
    day: date | None  # None: the whole period
    calls: int
    answered: int
    talk_seconds: int
    hold_seconds: int
    acw_seconds: int
    transfers: int
    abandoned: int
    surveys: int  # the customer took the survey (a score)
    survey_points: int  # the scores added up


@dataclass(frozen=True)
class TypificationSums:
    """One agent's (and day's) typifications of finished calls, summed."""

    agent_id: int
    day: date | None
    typified: int
    first_contact: int
    with_cun: int


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _local_day(session: Session, moment: Any) -> ColumnElement[Any]:
    """The Bogotá calendar day of a stored moment."""
    if _is_postgresql(session):
        return func.date(func.timezone(BOGOTA_ZONE, moment))
    return func.date(moment, _SQLITE_SHIFT)


def _seconds(session: Session, start: Any, end: Any) -> ColumnElement[Any]:
    """Seconds from ``start`` to ``end`` (two stored moments), as a number."""
    if _is_postgresql(session):
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * literal(86400.0)


def _as_date(value: object) -> date:
    """SQLite gives the day as text, PostgreSQL as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _counted(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _in_period(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Finished inbound calls started in [start, end) (outbound campaign calls are the
    campaign indicator's: ``OUTBOUND_QUEUE_PREFIX``)."""
    return and_(
        col(Call.started_at) >= start,
        col(Call.started_at) < end,
        col(Call.ended_at).is_not(None),
        col(Call.queue).not_like(f"{OUTBOUND_QUEUE_PREFIX} %"),
    )


def call_sums(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    by_day: bool,
    agent_id: int | None = None,
) -> list[CallSums]:
    """The finished calls started in [start, end), summed per agent (and Bogotá day
    when ``by_day``), ordered by user name and day."""
    answered = col(Call.answered_at).is_not(None)
    talk = _seconds(session, col(Call.answered_at), col(Call.ended_at)) - col(Call.hold_seconds)
    talk_kept = case((and_(answered, talk > 0), talk), else_=0)
    day = _local_day(session, col(Call.started_at)) if by_day else literal(None)
    columns = (
        col(Call.agent_id),
        col(Agent.username),
        day.label("day"),
        func.count().label("calls"),
        _counted(answered),
        func.coalesce(func.sum(talk_kept), 0),
        func.coalesce(func.sum(case((answered, col(Call.hold_seconds)), else_=0)), 0),
        func.coalesce(func.sum(case((answered, col(Call.acw_seconds)), else_=0)), 0),
        _counted(col(Call.status) == "transferred"),
        _counted(col(Call.status) == "abandoned"),
        _counted(col(Call.survey_score).is_not(None)),
        func.coalesce(func.sum(col(Call.survey_score)), 0),
    )
    statement = (
        select(*columns)
        .join(Agent, col(Agent.id) == col(Call.agent_id))
        .where(_in_period(start, end))
    )
    if agent_id is not None:
        statement = statement.where(col(Call.agent_id) == agent_id)
    groups: list[Any] = [col(Call.agent_id), col(Agent.username)]
    if by_day:
        groups.append(day)
    statement = statement.group_by(*groups).order_by(*groups[1:])
    rows = session.execute(statement).all()
    return [
        CallSums(
            agent_id=int(row[0]),
            username=str(row[1]),
            day=_as_date(row[2]) if by_day else None,
            calls=int(row[3]),
            answered=int(row[4]),
            talk_seconds=round(float(row[5])),
            hold_seconds=int(row[6]),
            acw_seconds=int(row[7]),
            transfers=int(row[8]),
            abandoned=int(row[9]),
            surveys=int(row[10]),
            survey_points=int(row[11]),
        )
        for row in rows
    ]


def typification_sums(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    by_day: bool,
    agent_id: int | None = None,
) -> list[TypificationSums]:
    """The typifications of the finished calls started in [start, end), summed per
    agent (and day): how many, how many first contact, how many gave a CUN."""
    day = _local_day(session, col(Call.started_at)) if by_day else literal(None)
    statement = (
        select(
            col(Call.agent_id),
            day.label("day"),
            func.count(),
            _counted(col(Typification.first_contact).is_(True)),
            _counted(col(Typification.cun).is_not(None)),
        )
        .join(Call, col(Call.id) == col(Typification.call_id))
        .where(_in_period(start, end))
    )
    if agent_id is not None:
        statement = statement.where(col(Call.agent_id) == agent_id)
    groups: list[Any] = [col(Call.agent_id)]
    if by_day:
        groups.append(day)
    rows = session.execute(statement.group_by(*groups)).all()
    return [
        TypificationSums(
            agent_id=int(row[0]),
            day=_as_date(row[1]) if by_day else None,
            typified=int(row[2]),
            first_contact=int(row[3]),
            with_cun=int(row[4]),
        )
        for row in rows
    ]


def typification_codes(
    session: Session, *, start: datetime, end: datetime, agent_id: int
) -> list[tuple[str, int, int, int, str]]:
    """The agent's typifications in the period by code: (code, count, first contact,
    with CUN, the catalogue's description or ""), the most used first."""
    count = func.count()
    statement = (
        select(
            col(Typification.code),
            count,
            _counted(col(Typification.first_contact).is_(True)),
            _counted(col(Typification.cun).is_not(None)),
            func.max(col(UccCode.description)),
        )
        .join(Call, col(Call.id) == col(Typification.call_id))
        .join(UccCode, col(UccCode.code) == col(Typification.code), isouter=True)
        .where(_in_period(start, end), col(Call.agent_id) == agent_id)
        .group_by(col(Typification.code))
        .order_by(count.desc(), col(Typification.code))
    )
    return [
        (str(c), int(n), int(f), int(u), str(d or ""))
        for c, n, f, u, d in session.execute(statement).all()
    ]


def step_seconds(
    session: Session, *, start: datetime, end: datetime, agent_id: int
) -> list[tuple[int, int, int]]:
    """Where the agent's answered calls spent their time, by procedure step:
    (step, seconds, calls that reached it).

    Each event's ``step`` is the step the call was at once it was written; the time
    from one event to the next of the same call goes to the first one's step, cut to
    the time the line was up (from the answer to the end: the after-call work is ACW,
    not a step). One window function over the period's events, then one GROUP BY.
    """
    following = (
        func.lead(col(CallEvent.at))
        .over(partition_by=col(CallEvent.call_id), order_by=(col(CallEvent.at), col(CallEvent.id)))
        .label("next_at")
    )
    events = (
        select(
            col(CallEvent.call_id).label("call_id"),
            col(CallEvent.step).label("step"),
            col(CallEvent.at).label("at"),
            following,
            col(Call.answered_at).label("answered_at"),
            col(Call.ended_at).label("ended_at"),
        )
        .join(Call, col(Call.id) == col(CallEvent.call_id))
        .where(
            _in_period(start, end),
            col(Call.agent_id) == agent_id,
            col(Call.answered_at).is_not(None),
        )
        .subquery()
    )
    began = case((events.c.at < events.c.answered_at, events.c.answered_at), else_=events.c.at)
    stopped = case(
        (or_(events.c.next_at.is_(None), events.c.next_at > events.c.ended_at), events.c.ended_at),
        else_=events.c.next_at,
    )
    spent = _seconds(session, began, stopped)
    statement = (
        select(
            events.c.step,
            func.coalesce(func.sum(case((spent > 0, spent), else_=0)), 0),
            func.count(func.distinct(events.c.call_id)),
        )
        .where(events.c.at < events.c.ended_at)
        .group_by(events.c.step)
        .order_by(events.c.step)
    )
    return [(int(s), round(float(t)), int(n)) for s, t, n in session.execute(statement).all()]


def agent_by_username(session: Session, *, username: str) -> tuple[int, str] | None:
    """(id, display name) of the profile ``username`` (any case), or None."""
    statement = select(col(Agent.id), col(Agent.display_name)).where(
        func.upper(col(Agent.username)) == username.strip().upper()
    )
    row = session.execute(statement).first()
    return None if row is None else (int(row[0]), str(row[1]))


def display_names(session: Session, *, agent_ids: Sequence[int]) -> dict[int, str]:
    """The display name of each agent id."""
    if not agent_ids:
        return {}
    statement = select(col(Agent.id), col(Agent.display_name)).where(col(Agent.id).in_(agent_ids))
    return {int(i): str(n) for i, n in session.execute(statement).all()}
