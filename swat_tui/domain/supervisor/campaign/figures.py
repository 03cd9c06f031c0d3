"""Reading a campaign's indicator from the store: a few grouped queries in one read."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import refusal
from swat_tui.domain.supervisor.campaign.indicator import CampaignIndicator, agents, days
from swat_tui.domain.supervisor.campaign.recall import CONTACTADO, closing_results
from swat_tui.store.engine import read_session
from swat_tui.store.queries import campaign_figures as figures
from swat_tui.store.queries import campaigns as queries

OFFSET_HOURS = int(BOGOTA.utcoffset(None).total_seconds() // 3600)  # Colombia: no DST


def read_indicator(engine: Engine, code: str, *, now: datetime) -> CampaignIndicator:
    """The indicator of campaign ``code`` up to today; a refusal when there is none."""
    with read_session(engine) as session:
        campaign = queries.by_code(session, code.strip().upper())
        if campaign is None or campaign.id is None:
            raise refusal("supervisor.campaign.campaign_unknown", campaign=code)
        by_status = figures.status_counts(session, campaign.id)
        agent_rows = figures.agent_counts(session, campaign.id, closing=closing_results())
        attempts = figures.attempts_by_day(session, campaign.id, OFFSET_HOURS)
        contacts = figures.contacts_by_day(session, campaign.id, OFFSET_HOURS)
    records = sum(by_status.values())
    first: date = campaign.imported_at.astimezone(BOGOTA).date()
    return CampaignIndicator(
        code=campaign.code,
        name=campaign.name,
        status=campaign.status,
        goal_pct=campaign.goal_pct,
        records=records,
        contacted=by_status.get(CONTACTADO, 0),
        by_status=by_status,
        by_agent=agents(agent_rows),
        by_day=days(records, attempts, contacts, first=first, last=now.astimezone(BOGOTA).date()),
    )
