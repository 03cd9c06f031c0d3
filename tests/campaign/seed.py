"""A campaign base seeded straight into a test's store: accounts, agents and records."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from swat_tui.domain.auth import AuthService
from swat_tui.store.engine import write_session
from swat_tui.store.enums import Role
from swat_tui.store.models import Campaign, CampaignRecord
from tests.conftest import FIXED_NOW
from tests.store_rows import account_row

FIRST_CUENTA = 70000001


def agents(engine: Engine, count: int, role: Role = Role.ASESOR) -> list[int]:
    """``count`` new profiles of ``role`` (CAMP00, CAMP01...), their ids."""
    auth = AuthService(engine, lambda: FIXED_NOW)
    return [
        auth.create_agent(f"CAMP{n:02d}", f"Agente {n}", role, "swat2026").id for n in range(count)
    ]


def campaign(engine: Engine, records: int, *, code: str = "CMP1", phone2: bool = False) -> int:
    """A campaign ``code`` with ``records`` pending records on new accounts; its id."""
    with write_session(engine) as session:
        row = Campaign(
            code=code,
            name=f"Campaña {code}",
            source_file=f"{code}.csv",
            imported_at=FIXED_NOW - timedelta(days=1),
            imported_by="SUPERV01",
            record_count=records,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        base = FIRST_CUENTA + 1000 * row.id
        for n in range(records):
            session.add(account_row(base + n))
        session.flush()
        for n in range(records):
            session.add(
                CampaignRecord(
                    campaign_id=row.id,
                    line=n + 2,
                    cuenta=base + n,
                    phone=f"3{n:09d}",
                    phone2=f"601{n:07d}" if phone2 else None,
                )
            )
        return row.id
