"""The account's visits (LLS/OT): their booked window, numbering a new one (the orders
themselves: ``cases.work_orders_of``)."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from swat_tui.store.models import VisitBooking, WfmSlot, WorkOrder
from swat_tui.store.queries import numbering


def booked_slots(session: Session, *, work_order_ids: Sequence[int]) -> dict[int, WfmSlot]:
    """The WFM window each of these orders is booked in (orders without a booking are absent)."""
    if not work_order_ids:
        return {}
    statement = (
        select(VisitBooking.work_order_id, WfmSlot)
        .join(WfmSlot, col(WfmSlot.id) == col(VisitBooking.slot_id))
        .where(col(VisitBooking.work_order_id).in_(list(work_order_ids)))
    )
    return dict(session.exec(statement).all())


def next_number(session: Session, *, kind: str) -> str:
    """The kind's next number (LLS000000001, OT0000000001), from its counter in the
    caller's write transaction."""
    return numbering.take(session, numbering.work_order_kind(kind))


def add_order(session: Session, order: WorkOrder) -> WorkOrder:
    """Add one order to the caller's transaction (flushed, so it has its id)."""
    session.add(order)
    session.flush()
    return order
