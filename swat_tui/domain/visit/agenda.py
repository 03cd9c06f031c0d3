"""Offering the free arrival windows of a zone and booking, moving or cancelling a visit.

Every function works in the caller's transaction (one desk intent, one
``write_session``) and raises ``DomainError`` before it writes anything, or
after the one conditional UPDATE that found no place, so a refusal leaves the
store as it was. A window's last place goes to exactly one agent: see
``swat_tui.store.queries.agenda.take_place``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError, refusal
from swat_tui.domain.messages import text
from swat_tui.store.enums import WorkOrderStatus
from swat_tui.store.models import Account, VisitBooking, WfmSlot, WorkOrder
from swat_tui.store.queries import agenda as agenda_queries

DEFAULT_DAYS = 7  # how far ahead the agent looks for a window
OFFERED_ON_REFUSAL = 3  # free windows a "franja ocupada" message names at most
SLOT_TAKEN = "WFM0001"  # DomainError.code of a window someone else just filled
CANCELLABLE = (WorkOrderStatus.PENDIENTE, WorkOrderStatus.AGENDADA)


@dataclass(frozen=True)
class FreeWindow:
    """A window with at least one technician left, in Bogotá time."""

    slot_id: int
    zone: str
    day: date
    window: str
    starts_at: datetime
    ends_at: datetime
    free: int

    @property
    def label(self) -> str:
        """``11/03 08-10``, as the agent reads it to the customer."""
        return f"{self.day:%d/%m} {self.window}"


@dataclass(frozen=True)
class BookedVisit:
    """A visit and the window it is now booked in."""

    number: str
    window: FreeWindow


def zone_of(node: str) -> str:
    """The dispatch zone of a network node: ``BOG-US-0401`` -> ``BOG-US``."""
    return agenda_queries.zone_of(node)


def free_windows(
    session: Session,
    zone: str,
    from_day: date,
    days: int = DEFAULT_DAYS,
    *,
    after: datetime | None = None,
) -> list[FreeWindow]:
    """Free windows of ``zone`` on ``days`` days from ``from_day``, soonest first.

    ``after`` (usually now) drops the windows that already began.
    """
    slots = agenda_queries.free_slots(
        session,
        zone=zone,
        from_day=from_day,
        until_day=from_day + timedelta(days=days - 1),
        after=after,
    )
    return [_window(slot) for slot in slots]


def book(
    session: Session, work_order_number: str, slot_id: int, agent: str, now: datetime
) -> BookedVisit:
    """Book a pending visit in a window agreed with the customer."""
    order = _order(session, work_order_number, for_update=True)
    booking = _booking(session, order)
    if booking is not None or order.status == WorkOrderStatus.AGENDADA:
        raise refusal("visit.already_booked_at", number=order.number, order=_when(order))
    if order.status != WorkOrderStatus.PENDIENTE:
        raise refusal("visit.not_bookable", number=order.number, status=order.status)
    slot = _bookable_slot(session, order, slot_id, now)
    _take(session, slot, now)
    number = order.number  # read now: after a failed flush the session cannot load it
    session.add(VisitBooking(work_order_id=_id(order), slot_id=slot_id, booked_at=now, agent=agent))
    try:
        session.flush()
    except IntegrityError:
        # Another agent booked this visit in the same instant (a server database lets both
        # transactions reach here; the unique booking per work order stops the second).
        raise refusal("visit.already_booked", number=number) from None
    return _booked(session, order, slot, agent, now)


def reschedule(
    session: Session, work_order_number: str, slot_id: int, agent: str, now: datetime
) -> BookedVisit:
    """Move a booked visit to another window; if the new one is full the old booking stays."""
    order = _order(session, work_order_number, for_update=True)
    booking = _booking(session, order)
    if booking is None or order.status != WorkOrderStatus.AGENDADA:
        raise refusal("visit.not_booked", number=order.number)
    if booking.slot_id == slot_id:
        raise refusal("visit.same_slot", number=order.number)
    slot = _bookable_slot(session, order, slot_id, now)
    _take(session, slot, now)  # before the release: a refusal leaves the old booking as it was
    agenda_queries.release_place(session, booking.slot_id)
    booking.slot_id = slot_id
    booking.booked_at = now
    booking.agent = agent
    session.add(booking)
    return _booked(session, order, slot, agent, now)


def cancel(session: Session, work_order_number: str, agent: str, now: datetime) -> None:
    """Cancel a visit not yet dispatched, giving its window's place back."""
    order = _order(session, work_order_number, for_update=True)
    if order.status not in CANCELLABLE:
        raise refusal("visit.not_cancellable", number=order.number, status=order.status)
    booking = _booking(session, order)
    if booking is not None:
        agenda_queries.release_place(session, booking.slot_id)
        session.delete(booking)
    order.status = WorkOrderStatus.CANCELADA
    order.slot_start = None
    order.slot_end = None
    touch(order, agent, now)
    session.add(order)
    session.flush()


def _order(session: Session, number: str, *, for_update: bool = False) -> WorkOrder:
    order = agenda_queries.work_order_by_number(session, number, for_update=for_update)
    if order is None:
        raise refusal("visit.order_unknown", number=number)
    return order


def _id(order: WorkOrder) -> int:
    assert order.id is not None  # read from the store
    return order.id


def _booking(session: Session, order: WorkOrder) -> VisitBooking | None:
    return agenda_queries.booking_of(session, _id(order))


def _bookable_slot(session: Session, order: WorkOrder, slot_id: int, now: datetime) -> WfmSlot:
    slot = agenda_queries.slot_by_id(session, slot_id)
    if slot is None:
        raise refusal("visit.slot_unknown")
    account = session.get(Account, order.cuenta)
    zone = zone_of(account.node) if account is not None else ""
    if slot.zone != zone:
        raise refusal("visit.slot_other_zone", zone=slot.zone, account_zone=zone)
    if slot.starts_at <= now:
        raise refusal("visit.slot_started", label=_window(slot).label)
    return slot


def _take(session: Session, slot: WfmSlot, now: datetime) -> None:
    assert slot.id is not None
    if agenda_queries.take_place(session, slot.id):
        return
    label = f"{slot.day:%d/%m} {slot.arrival_window}"
    offered = free_windows(
        session, slot.zone, max(slot.day, now.astimezone(BOGOTA).date()), after=now
    )
    raise _taken_refusal(label, [w.label for w in offered])


def _taken_refusal(label: str, offered: list[str]) -> DomainError:
    """The slot was taken: the free windows that fit row 24, or that none is free."""
    if not offered:
        return refusal("visit.slot_taken_none", label=label, days=DEFAULT_DAYS, code=SLOT_TAKEN)
    shown: list[str] = []
    for candidate in offered[:OFFERED_ON_REFUSAL]:
        message = text("visit.slot_taken", label=label, free=", ".join([*shown, candidate]))
        if len(message) > MESSAGE_WIDTH:
            break
        shown.append(candidate)
    return refusal("visit.slot_taken", label=label, free=", ".join(shown), code=SLOT_TAKEN)


def touch(order: WorkOrder, agent: str, now: datetime) -> None:
    """Who changed the order last and when: always a change of the row, so its version
    moves with every booking, move, cancellation or CGO form (models/versioned.py)."""
    order.updated_by = agent
    order.updated_at = now


def _booked(
    session: Session, order: WorkOrder, slot: WfmSlot, agent: str, now: datetime
) -> BookedVisit:
    order.status = WorkOrderStatus.AGENDADA
    order.slot_start = slot.starts_at
    order.slot_end = slot.ends_at
    touch(order, agent, now)
    session.add(order)
    session.flush()
    session.refresh(slot)
    return BookedVisit(order.number, _window(slot))


def _when(order: WorkOrder) -> str:
    if order.slot_start is None:
        return ""
    start = order.slot_start.astimezone(BOGOTA)
    end = f"-{order.slot_end.astimezone(BOGOTA):%H}" if order.slot_end else ""
    return f" el {start:%d/%m} {start:%H}{end}"


def _window(slot: WfmSlot) -> FreeWindow:
    assert slot.id is not None
    return FreeWindow(
        slot_id=slot.id,
        zone=slot.zone,
        day=slot.day,
        window=slot.arrival_window,
        starts_at=slot.starts_at.astimezone(BOGOTA),
        ends_at=slot.ends_at.astimezone(BOGOTA),
        free=slot.capacity - slot.booked,
    )
