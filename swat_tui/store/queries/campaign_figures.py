"""The aggregates behind CASOS CONTACTO EFECTIVO: records by status, each agent's
attempted and contacted records, and attempts and contacts by day. Each is one
grouped query read from a covering index of the campaign's own rows
(``ix_campaign_record_campaign_status``, ``ix_campaign_attempt_by_agent``,
``ix_campaign_attempt_by_time``): 100,000 records in well under 200 ms.

Days are grouped by the UTC hour in SQL (cheap on either backend: no time-zone
arithmetic per row) and folded into local days here.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from swat_tui.store.models import Agent, CampaignAttempt, CampaignRecord

CONTACTADO = "contactado"


def status_counts(session: Session, campaign_id: int) -> dict[str, int]:
    """The campaign's records by status."""
    statement = (
        select(CampaignRecord.status, func.count())
        .where(CampaignRecord.campaign_id == campaign_id)
        .group_by(col(CampaignRecord.status))
    )
    return {status: int(count) for status, count in session.exec(statement)}


def agent_counts(
    session: Session, campaign_id: int, *, closing: tuple[str, ...]
) -> list[tuple[str, str, int, int, int]]:
    """Per agent who worked the campaign: username, name, attempts, distinct records
    attempted and records with the agent's effective contact: an attempt with one of
    the ``closing`` results (``data/recall_rules.toml``: ``closes``), which closes its
    record, so each is one attempt: no distinct needed there."""
    effective = func.sum(case((col(CampaignAttempt.result).in_(closing), 1), else_=0))
    per_agent = (
        sa_select(
            col(CampaignAttempt.agent_id).label("agent_id"),
            func.count().label("tries"),
            func.count(func.distinct(col(CampaignAttempt.record_id))).label("records"),
            effective.label("hits"),
        )
        .where(col(CampaignAttempt.campaign_id) == campaign_id)
        .group_by(col(CampaignAttempt.agent_id))
        .subquery()
    )
    statement = (
        sa_select(
            col(Agent.username),
            col(Agent.display_name),
            per_agent.c.tries,
            per_agent.c.records,
            per_agent.c.hits,
        )
        .join(per_agent, per_agent.c.agent_id == col(Agent.id))
        .order_by(col(Agent.username))
    )
    rows = session.execute(statement).all()
    return [(u, n, int(a), int(r), int(c or 0)) for u, n, a, r, c in rows]


def attempts_by_day(session: Session, campaign_id: int, offset_hours: int) -> dict[date, int]:
    """The campaign's attempts per local day (UTC + ``offset_hours``)."""
    hour = _utc_hour(session, col(CampaignAttempt.at))
    statement = (
        sa_select(hour, func.count())
        .where(col(CampaignAttempt.campaign_id) == campaign_id)
        .group_by(hour)
    )
    return _by_day(session.execute(statement).all(), offset_hours)


def contacts_by_day(session: Session, campaign_id: int, offset_hours: int) -> dict[date, int]:
    """The campaign's records contacted on each local day (their first contact)."""
    hour = _utc_hour(session, col(CampaignRecord.contacted_at))
    statement = (
        sa_select(hour, func.count())
        .where(
            col(CampaignRecord.campaign_id) == campaign_id,
            col(CampaignRecord.status) == CONTACTADO,
            col(CampaignRecord.contacted_at).is_not(None),
        )
        .group_by(hour)
    )
    return _by_day(session.execute(statement).all(), offset_hours)


def _utc_hour(session: Session, column: Any) -> Any:
    """The UTC hour a timestamp column falls in, as the store's own SQL writes it:
    SQLite keeps "YYYY-MM-DD HH:MM:SS..." in UTC; PostgreSQL a timestamptz."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date_trunc("hour", func.timezone("UTC", column))
    return func.substr(column, 1, 13)


def _by_day(rows: Any, offset_hours: int) -> dict[date, int]:
    days: Counter[date] = Counter()
    shift = timedelta(hours=offset_hours)
    for hour, count in rows:
        moment = hour if isinstance(hour, datetime) else datetime.fromisoformat(f"{hour}:00")
        days[(moment.replace(tzinfo=UTC) + shift).date()] += int(count)
    return dict(days)
