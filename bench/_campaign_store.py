"""A store of the campaign benchmarks' own: ``count`` plain accounts (cuentas from
``FIRST``) and a few asesores, migrated and filled in seconds, so the 100,000-row
figures do not depend on the run's demo store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, insert

from swat_tui.config import BOGOTA
from swat_tui.store.engine import make_engine
from swat_tui.store.migrate import upgrade
from swat_tui.store.models import Account, Agent

FIRST = 30_000_001
AGENTS = 20
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=BOGOTA)


def build(path: Path, count: int) -> Engine:
    """A new SQLite store at ``path`` with ``count`` accounts and ``AGENTS`` asesores."""
    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    accounts = [
        {
            "cuenta": FIRST + n,
            "holder_name": "CLIENTE DE PRUEBA",
            "document_type": "CC",
            "document_number": str(FIRST + n),
            "address": "CL 45A # 12-08",
            "city": "Bogotá",
            "department": "Bogotá D.C.",
            "estrato": 3,
            "node": "BOG-US-0401",
            "status": "ACTIVA",
            "blacklist": False,
            "balance": 0,
            "monthly_rent": 0,
            "billing_cutoff_day": 1,
            "activated_on": date(2024, 1, 2),
        }
        for n in range(count)
    ]
    agents = [
        {
            "username": f"CAMP{n:03d}",
            "display_name": f"Asesor {n}",
            "role": "asesor",
            "password_hash": "x",
            "failed_signons": 0,
            "disabled": False,
            "created_at": NOW,
        }
        for n in range(AGENTS)
    ]
    with engine.begin() as connection:
        connection.execute(insert(Account), accounts)
        connection.execute(insert(Agent), agents)
    return engine
