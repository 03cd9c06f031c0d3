"""Store rows the tests seed, built in one place so each test names only what it is about.

``account_row(cuenta)`` is a plain active account in Bogotá; a test overrides the fields
it checks (``node=``, ``address=``...). Work orders and typifications take the fields
that differ from test to test as keywords, and the rest is fixed here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from swat_tui.store.models import Account, Typification, WorkOrder


def account_row(cuenta: int, **overrides: Any) -> Account:
    """An active account of ``cuenta`` on node BOG-US-0401, its document number the
    account's; ``overrides`` replace any field."""
    values: dict[str, Any] = {
        "cuenta": cuenta,
        "holder_name": "CLIENTE DE PRUEBA",
        "document_type": "CC",
        "document_number": str(cuenta),
        "address": "CL 45A # 12-08",
        "city": "Bogotá",
        "department": "Bogotá D.C.",
        "estrato": 3,
        "node": "BOG-US-0401",
        "status": "ACTIVA",
        "activated_on": date(2024, 1, 2),
    }
    return Account(**(values | overrides))


def work_order_row(
    cuenta: int, number: str, *, status: str, reason: str, created_at: datetime, **overrides: Any
) -> WorkOrder:
    """A work order of ``cuenta``, its kind the letters ``number`` starts with (LLS, OT)."""
    kind = number[:3].rstrip("0123456789")
    return WorkOrder(
        cuenta=cuenta,
        kind=kind,
        number=number,
        status=status,
        reason=reason,
        created_at=created_at,
        **overrides,
    )


def typification_row(cuenta: int, cun: str | None, *, created_at: datetime) -> Typification:
    """Agent AGT001's SAC-FAC-009 typification of ``cuenta``, not first contact."""
    return Typification(
        cuenta=cuenta,
        code="SAC-FAC-009",
        first_contact=False,
        cun=cun,
        agent="AGT001",
        created_at=created_at,
    )
