"""Rows the call tests need (an agent, accounts, UCC codes) and a clock that moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from swat_tui.store.engine import write_session
from swat_tui.store.models import Account, Agent, UccCode

CUENTA = 10000001
BLACKLISTED = 10000002
UCC_ROWS = (
    UccCode(
        code="SAC-FAC-001",
        branch="sac",
        description="Facturación: explica la factura",
        requires_cun=False,
    ),
    UccCode(
        code="SAC-FAC-009",
        branch="sac",
        description="Facturación: reclamo por cobro",
        requires_cun=True,
    ),
    UccCode(
        code="SOP-INT-004",
        branch="soporte",
        description="Internet: falla masiva, aviso",
        requires_cun=False,
    ),
)


@dataclass
class MovingClock:
    """Aware Bogotá time that only moves when a test says so."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def seed(engine: Engine, at: datetime) -> int:
    """Two accounts (one blacklisted), one agent and the UCC codes; the agent's id."""
    with write_session(engine) as session:
        for cuenta, blacklist in ((CUENTA, False), (BLACKLISTED, True)):
            session.add(
                Account(
                    cuenta=cuenta,
                    holder_name="Marta Ruiz",
                    document_type="CC",
                    document_number=str(cuenta),
                    address="Cl 1 # 2-3",
                    city="Bogotá",
                    department="Cundinamarca",
                    estrato=3,
                    node="BOG-N01",
                    status="ACTIVA",
                    blacklist=blacklist,
                    activated_on=date(2020, 1, 15),
                )
            )
        for row in UCC_ROWS:
            session.add(UccCode.model_validate(row.model_dump()))
        agent = Agent(
            username="ASESOR01",
            display_name="Laura Gómez",
            role="asesor",
            password_hash="x",
            created_at=at,
        )
        session.add(agent)
        session.flush()
        assert agent.id is not None
        return agent.id
