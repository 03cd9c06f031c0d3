"""The "tipificación seguimiento de procesos" form: a visit no agenda window could take.

Backoffice CGO confirms the agenda later with the customer; the form keeps
what it needs for that (the order, contact, address, the customer's preferred
windows) and when CGO must have answered (``due_at``, told to the customer).
"""

from datetime import datetime

from sqlmodel import Field, SQLModel


class CgoForm(SQLModel, table=True):
    """One follow-up form, numbered ``CGO…``, pending until CGO confirms the visit."""

    __tablename__ = "cgo_form"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=16, unique=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    work_order_id: int | None = Field(default=None, foreign_key="work_order.id")
    zone: str = Field(max_length=12)
    reason: str = Field(max_length=120)
    contact_name: str = Field(max_length=60)
    contact_phone: str = Field(max_length=10)
    address: str = Field(max_length=80)
    preferred_windows: str = Field(max_length=40)  # "08-10 14-16"
    preferred_days: str = Field(max_length=40)  # "LUN MIE" or dates, as the customer says
    notes: str = Field(default="", max_length=250)
    status: str = Field(max_length=12, index=True)  # enums.CgoStatus
    created_at: datetime
    created_by: str = Field(max_length=10)
    due_at: datetime
