"""The WFM agenda: technicians' arrival windows by zone and day, and the visits booked in them.

A zone is the node's zone prefix (``BOG-US`` of node ``BOG-US-0401``): crews
are dispatched by zone inside a city, and a city such as Bogotá has several.
``booked`` counts the places taken; the store only ever moves it with one
conditional UPDATE, so two agents cannot both take the last place.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel


class WfmSlot(SQLModel, table=True):
    """One arrival window (``08-10``) of one zone on one day, with its technicians."""

    __tablename__ = "wfm_slot"
    __table_args__ = (
        UniqueConstraint("zone", "day", "arrival_window", name="uq_wfm_slot_zone_day_window"),
        CheckConstraint("booked >= 0 AND booked <= capacity", name="ck_wfm_slot_booked"),
    )

    id: int | None = Field(default=None, primary_key=True)
    zone: str = Field(max_length=12, index=True)
    day: date
    # "08-10": the technician arrives between 08:00 and 10:00 (not "window": SQL keyword)
    arrival_window: str = Field(max_length=5)
    starts_at: datetime
    ends_at: datetime
    capacity: int  # technicians available in the window
    booked: int = 0


class VisitBooking(SQLModel, table=True):
    """The slot a visit (LLS/OT) is booked in; at most one live booking per work order.

    A row of its own rather than a column on ``work_order``: it keeps who booked
    and when, and its unique ``work_order_id`` refuses a second booking in the
    store itself. Cancelling deletes the row (the work order says CANCELADA).
    """

    __tablename__ = "visit_booking"
    __table_args__ = (UniqueConstraint("work_order_id", name="uq_visit_booking_work_order"),)

    id: int | None = Field(default=None, primary_key=True)
    work_order_id: int = Field(foreign_key="work_order.id")
    slot_id: int = Field(foreign_key="wfm_slot.id", index=True)
    booked_at: datetime
    agent: str = Field(max_length=10)
