"""What the visit panels show (VIS010, VIS020, VIS030, CGO010, CGO001): plain frozen views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from swat_tui.domain.visit.agenda import FreeWindow


@dataclass(frozen=True)
class VisitOrderView:
    """One LLS/OT of the account with the window it is booked in (when it is)."""

    number: str
    kind: str
    status: str
    reason: str
    created_at: datetime
    symptom: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    address: str = ""
    access_notes: str = ""
    window: str = ""  # "11/03 08-10": the WFM window (or the legacy slot) it is booked in
    booked: bool = False  # a visit_booking row holds its place in a WFM window
    cgo_number: str = ""  # its pending CGO follow-up form, if one was filed
    version: int = 1  # the row's version when read: an intent on it takes the view back

    @property
    def open(self) -> bool:
        """Not yet done nor cancelled: it can be booked, moved or cancelled."""
        return self.status in ("PENDIENTE", "AGENDADA")


@dataclass(frozen=True)
class VisitsView:
    """VIS010: the account's visits, and what a new order is prefilled with."""

    cuenta: int
    zone: str
    orders: tuple[VisitOrderView, ...]
    aviso: str  # the open mass aviso of the node ("" without one): no visit while it is open
    aviso_message: str
    reason: str  # the request, as step 2 recorded it
    symptom: str  # the T&D leaf of a soporte request, or ""
    contact_name: str  # the caller, as step 1 captured them
    contact_phone: str
    address: str  # the account's address, to be confirmed with the customer


@dataclass(frozen=True)
class AgendaView:
    """VIS030: the free windows of the order's zone in the days offered."""

    order: VisitOrderView
    zone: str
    from_day: date
    days: int
    windows: tuple[FreeWindow, ...]


@dataclass(frozen=True)
class CgoFormView:
    """A "tipificación seguimiento de procesos" form for backoffice CGO."""

    number: str
    cuenta: int
    order: str
    zone: str
    reason: str
    contact_name: str
    contact_phone: str
    address: str
    preferred_windows: str
    preferred_days: str
    notes: str
    status: str
    created_at: datetime
    created_by: str
    due_at: datetime
    management_days: int  # the business days CGO has to confirm (told to the customer)
