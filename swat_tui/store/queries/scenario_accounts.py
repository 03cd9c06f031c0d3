"""A training scenario's own account: clearing its situation before it is written fresh.

The situation is everything on the account a call reads or changes (services,
inventory, money, notes, cases, what the plant and the agenda hold for it); the
record of the calls made on it (calls, their events, requests, typifications,
refused intents, the access log) stays: scorecards and a trainee's history read it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, delete, select, update
from sqlmodel import Session, SQLModel, col

from swat_tui.store.enums import CallStatus
from swat_tui.store.models import Account, Call, Incident, IncidentLink, VisitBooking, WfmSlot

CLEARED_TABLES: frozenset[str] = frozenset(
    {
        "account_discount",
        "cgo_form",
        "cm_registration",
        "dime_case",
        "equipment",
        "final_notice",
        "incident_link",
        "invoice",
        "invoice_charge",
        "invoice_delivery_change",
        "modem_restart",
        "note",
        "note_folder",
        "payment",
        "payment_commitment",
        "pqr",
        "reconnection",
        "serial_check",
        "service",
        "work_order",
    }
)
"""Tables with a ``cuenta`` whose rows of the account are its situation (deleted)."""

KEPT_TABLES: frozenset[str] = frozenset(
    {"access_log", "account", "call", "campaign_record", "typification"}
)
"""Tables with a ``cuenta`` that keep the account's rows: the record of its calls and of
the campaigns that called it (the account row itself is updated in place, so the rows
that point at it stay valid)."""

# Rows with no cuenta of their own, deleted through their parent's: child -> (its
# column, the parent table).
_CHILDREN = {
    "visit_booking": ("work_order_id", "work_order"),
    "dime_note": ("dime_case_id", "dime_case"),
    "plant_condition": ("equipment_id", "equipment"),
}
OPEN_CALL_STATUSES = (CallStatus.RINGING.value, CallStatus.IN_PROGRESS.value)


def open_calls_on(session: Session, *, cuenta: int) -> Sequence[Call]:
    """Calls on the account still ringing or in progress (its situation must not move)."""
    statement = select(Call).where(
        col(Call.cuenta) == cuenta, col(Call.status).in_(OPEN_CALL_STATUSES)
    )
    return session.exec(statement).all()  # type: ignore[call-overload, no-any-return]


def clear_situation(session: Session, *, cuenta: int) -> int:
    """Delete the account's situation rows (``CLEARED_TABLES`` and their children) in
    the caller's transaction, giving back the agenda places its visits held; returns
    how many rows went."""
    connection = session.connection()
    orders = select(_table("work_order").c.id).where(_table("work_order").c.cuenta == cuenta)
    held = connection.execute(
        select(col(VisitBooking.slot_id)).where(col(VisitBooking.work_order_id).in_(orders))
    ).scalars()
    for slot_id in list(held):
        connection.execute(
            update(WfmSlot)
            .where(col(WfmSlot.id) == slot_id, col(WfmSlot.booked) > 0)
            .values(booked=WfmSlot.booked - 1)
        )
    deleted = 0
    for child, (column, parent) in _CHILDREN.items():
        parents = select(_table(parent).c.id).where(_table(parent).c.cuenta == cuenta)
        result = connection.execute(
            delete(_table(child)).where(_table(child).c[column].in_(parents))
        )
        deleted += max(result.rowcount, 0)
    for table in reversed(SQLModel.metadata.sorted_tables):
        if table.name in CLEARED_TABLES:
            result = connection.execute(delete(table).where(table.c.cuenta == cuenta))
            deleted += max(result.rowcount, 0)
    return deleted


def node_is_own(session: Session, *, node: str, below: int) -> bool:
    """Whether no account under cuenta ``below`` (the demo's, the real base's) sits on
    ``node``: only then are its avisos the scenarios' own to replace."""
    statement = select(col(Account.cuenta)).where(
        col(Account.node) == node, col(Account.cuenta) < below
    )
    return session.exec(statement.limit(1)).first() is None  # type: ignore[call-overload]


def clear_avisos(session: Session, *, node: str) -> int:
    """Delete the avisos on ``node`` and every call's link to them; how many avisos."""
    connection = session.connection()
    on_node = select(col(Incident.id)).where(col(Incident.node) == node)
    connection.execute(delete(IncidentLink).where(col(IncidentLink.incident_id).in_(on_node)))
    result = connection.execute(delete(Incident).where(col(Incident.node) == node))
    return max(result.rowcount, 0)


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]
