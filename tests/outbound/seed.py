"""A campaign on the demo store's own accounts, for the outbound desk's tests and routes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Campaign, CampaignAttempt, CampaignRecord
from tests.ui.conftest import FIXED_NOW

CODE = "SAL1"
NAME = "Recuperación de cartera"


def campaign(
    engine: Engine, cuentas: tuple[int, ...], *, code: str = CODE, phone2: bool = True
) -> int:
    """Campaign ``code`` with one pending record per cuenta, in that order; its id."""
    with write_session(engine) as session:
        row = Campaign(
            code=code,
            name=NAME,
            source_file=f"{code.lower()}.csv",
            imported_at=FIXED_NOW - timedelta(days=1),
            imported_by="SUPERV01",
            record_count=len(cuentas),
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        for n, cuenta in enumerate(cuentas):
            session.add(
                CampaignRecord(
                    campaign_id=row.id,
                    line=n + 2,
                    cuenta=cuenta,
                    phone=f"31055500{n:02d}",
                    phone2=f"60155500{n:02d}" if phone2 else None,
                )
            )
        return row.id


def records(engine: Engine, code: str = CODE) -> list[CampaignRecord]:
    """The records of campaign ``code`` (the demo store has a campaign of its own)."""
    with read_session(engine) as session:
        statement = (
            select(CampaignRecord)
            .join(Campaign, col(Campaign.id) == col(CampaignRecord.campaign_id))
            .where(Campaign.code == code)
            .order_by(col(CampaignRecord.id))
        )
        return list(session.exec(statement))


def attempts(engine: Engine, code: str = CODE) -> list[CampaignAttempt]:
    """The attempts on campaign ``code``, oldest first."""
    with read_session(engine) as session:
        statement = (
            select(CampaignAttempt)
            .join(Campaign, col(Campaign.id) == col(CampaignAttempt.campaign_id))
            .where(Campaign.code == code)
            .order_by(col(CampaignAttempt.id))
        )
        return list(session.exec(statement))
