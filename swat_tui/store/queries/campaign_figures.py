"""The aggregates behind CASOS CONTACTO EFECTIVO: records by status, each agent's
attempted and contacted records, and attempts and contacts by day. Each is one
grouped query over the campaign's own rows (indexed by campaign_id)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from swat_tui.store.models import Agent, CampaignAttempt, CampaignRecord

EFFECTIVE = "contacto_efectivo"


def status_counts(session: Session, campaign_id: int) -> dict[str, int]:
    """The campaign's records by status."""
    statement = (
        select(CampaignRecord.status, func.count())
        .where(CampaignRecord.campaign_id == campaign_id)
        .group_by(col(CampaignRecord.status))
    )
    return {status: int(count) for status, count in session.exec(statement)}


def agent_counts(session: Session, campaign_id: int) -> list[tuple[str, str, int, int, int]]:
    """Per agent who worked the campaign: username, name, attempts, distinct records
    attempted and distinct records with their effective contact."""
    effective = case((col(CampaignAttempt.result) == EFFECTIVE, col(CampaignAttempt.record_id)))
    contacted = func.count(func.distinct(effective))
    statement = (
        sa_select(
            col(Agent.username),
            col(Agent.display_name),
            func.count(),
            func.count(func.distinct(CampaignAttempt.record_id)),
            contacted,
        )
        .select_from(CampaignAttempt)
        .join(Agent, col(Agent.id) == col(CampaignAttempt.agent_id))
        .where(col(CampaignAttempt.campaign_id) == campaign_id)
        .group_by(col(Agent.username), col(Agent.display_name))
        .order_by(col(Agent.username))
    )
    rows = session.execute(statement).all()
    return [(u, n, int(a), int(r), int(c)) for u, n, a, r, c in rows]


def attempts_by_day(session: Session, campaign_id: int, offset_hours: int) -> dict[date, int]:
    """The campaign's attempts per local day (UTC + ``offset_hours``)."""
    day = _local_day(session, col(CampaignAttempt.at), offset_hours)
    statement = (
        select(day, func.count()).where(CampaignAttempt.campaign_id == campaign_id).group_by(day)
    )
    return {_as_date(d): int(n) for d, n in session.exec(statement)}


def contacts_by_day(session: Session, campaign_id: int, offset_hours: int) -> dict[date, int]:
    """The campaign's records first contacted on each local day."""
    day = _local_day(session, col(CampaignRecord.contacted_at), offset_hours)
    statement = (
        select(day, func.count())
        .where(
            CampaignRecord.campaign_id == campaign_id,
            col(CampaignRecord.contacted_at).is_not(None),
        )
        .group_by(day)
    )
    return {_as_date(d): int(n) for d, n in session.exec(statement)}


def _local_day(session: Session, column: Any, offset_hours: int) -> Any:
    """The local date of a UTC timestamp column, in the store's own SQL."""
    if session.get_bind().dialect.name == "postgresql":
        utc = func.timezone("UTC", column)
        return func.date(utc + func.make_interval(0, 0, 0, 0, offset_hours))
    return func.date(column, f"{offset_hours:+d} hours")


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
