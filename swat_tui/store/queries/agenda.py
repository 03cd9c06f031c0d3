"""Reading the WFM agenda and taking or giving back a place in a window.

Taking a place is one conditional UPDATE (``booked < capacity``), never a read
then a write: on SQLite the write lock serialises it, on PostgreSQL the row
lock makes a second UPDATE re-check the condition after the first commits. So
a window is never oversold, however many agents book its last place at once.
"""

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Update, update
from sqlmodel import Session, col, select

from swat_tui.store.models import Account, VisitBooking, WfmSlot, WorkOrder


def zone_of(node: str) -> str:
    """The dispatch zone of a network node: ``BOG-US-0401`` -> ``BOG-US``."""
    parts = node.split("-")
    return "-".join(parts[:2]) if len(parts) > 2 else node


def zones_of_store(session: Session) -> list[str]:
    """Every zone some account's node is in, sorted."""
    nodes = session.exec(select(Account.node).distinct()).all()
    return sorted({zone_of(node) for node in nodes})


def free_slots(
    session: Session,
    *,
    zone: str,
    from_day: date,
    until_day: date,
    after: datetime | None = None,
) -> Sequence[WfmSlot]:
    """Windows of ``zone`` from ``from_day`` to ``until_day`` (inclusive) with a place left.

    ``after``: only windows starting later (the ones already begun are gone).
    """
    statement = select(WfmSlot).where(
        WfmSlot.zone == zone,
        col(WfmSlot.day) >= from_day,
        col(WfmSlot.day) <= until_day,
        col(WfmSlot.booked) < col(WfmSlot.capacity),
    )
    if after is not None:
        statement = statement.where(col(WfmSlot.starts_at) > after)
    return session.exec(statement.order_by(col(WfmSlot.starts_at), col(WfmSlot.id))).all()


def slot_by_id(session: Session, slot_id: int) -> WfmSlot | None:
    """One window, or None."""
    return session.get(WfmSlot, slot_id)


def work_order_by_number(
    session: Session, number: str, *, for_update: bool = False
) -> WorkOrder | None:
    """The LLS/OT with that number, or None.

    ``for_update`` locks its row until the transaction ends (PostgreSQL; SQLite's write
    lock already serialises writers) and reads it afresh, so a second agent booking the
    same visit waits for the first and then sees its booking."""
    statement = select(WorkOrder).where(WorkOrder.number == number)
    if for_update:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    return session.exec(statement).first()


def booking_of(session: Session, work_order_id: int) -> VisitBooking | None:
    """The live booking of a work order, or None."""
    statement = select(VisitBooking).where(VisitBooking.work_order_id == work_order_id)
    return session.exec(statement).first()


def take_place(session: Session, slot_id: int) -> bool:
    """Take one place in the window; False (nothing changed) when it is full."""
    statement = (
        update(WfmSlot)
        .where(col(WfmSlot.id) == slot_id, col(WfmSlot.booked) < col(WfmSlot.capacity))
        .values(booked=col(WfmSlot.booked) + 1)
        .execution_options(synchronize_session=False)
    )
    return _one_row(session, statement, slot_id)


def release_place(session: Session, slot_id: int) -> bool:
    """Give one place back to the window; False when it had none taken."""
    statement = (
        update(WfmSlot)
        .where(col(WfmSlot.id) == slot_id, col(WfmSlot.booked) > 0)
        .values(booked=col(WfmSlot.booked) - 1)
        .execution_options(synchronize_session=False)
    )
    return _one_row(session, statement, slot_id)


def _one_row(session: Session, statement: Update, slot_id: int) -> bool:
    changed = session.connection().execute(statement).rowcount == 1
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, WfmSlot) and loaded.id == slot_id:
            session.expire(loaded)  # its ``booked`` is read again from the store
    return changed
