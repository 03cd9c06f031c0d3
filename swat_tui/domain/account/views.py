"""Read-only values the domain hands to screens.

Frozen dataclasses of plain types: a screen can render them without touching
the store, and tests can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Access(StrEnum):
    """How much of an account the agent may see now, and at which point of the BLACKLIST
    rule it stands (the panels' banner says exactly that)."""

    FULL = "full"  # no blacklist
    VALIDATED = "validated"  # blacklist; in its call, F7 read and then the identity validated
    NOTES_READ = "notes_read"  # blacklist; outside its call, this agent read F7 this session
    IDENTITY_PENDING = "identity_pending"  # blacklist; in its call, F7 read, identity not yet
    MASKED = "masked"  # blacklist; F7 not read: personal and billing details hidden

    @property
    def shows_details(self) -> bool:
        return self not in (Access.MASKED, Access.IDENTITY_PENDING)


@dataclass(frozen=True)
class AccountRow:
    """One line of a search result list (subfile)."""

    cuenta: int
    holder_name: str
    document: str  # "CC 79123456"
    city: str
    status: str


@dataclass(frozen=True)
class ServiceLine:
    """A service as the panel summarises it."""

    kind: str  # internet | tv | voz
    plan_name: str
    tv_technology: str | None
    status: str


@dataclass(frozen=True)
class PendingPqr:
    radicado: str
    cun: str | None
    subject: str
    filed_at: datetime
    days_open: int
    due_on: date | None = None  # 15 business days after filing
    business_days_left: int = 0  # to ``due_on``; 0 on the day, negative once past it

    @property
    def overdue(self) -> bool:
        """Unanswered past its term: silencio administrativo positivo is at risk."""
        return self.due_on is not None and self.business_days_left < 0


@dataclass(frozen=True)
class PendingVisit:
    kind: str  # LLS | OT
    number: str
    status: str
    reason: str
    scheduled: bool
    slot_start: datetime | None
    slot_end: datetime | None


PRIORITY_NAMES = {1: "crítica", 2: "alta", 3: "media", 4: "baja"}


@dataclass(frozen=True)
class OpenAviso:
    """An open aviso (incident) on the account's node: the agent tells the customer."""

    number: str  # INC000123456
    priority: int  # 1 (crítica) .. 4 (baja)
    kind: str  # masiva | puntual
    description: str

    @property
    def priority_name(self) -> str:
        return PRIORITY_NAMES.get(self.priority, str(self.priority))


@dataclass(frozen=True)
class OpenDime:
    """A DIME escalation still open: later calls of the account see it."""

    number: str
    area: str
    subject: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class AccountPanelView:
    """Everything the account panel shows, already filtered by the blacklist rule."""

    cuenta: int
    cuenta_matriz: int | None
    status: str
    status_meaning: str
    blacklist: bool
    # False while the BLACKLIST rule hides the account (see
    # ``domain.account.disclosure``): personal and billing fields are then None.
    details_visible: bool
    holder_name: str | None
    document: str | None
    phone_mobile: str | None
    phone_fixed: str | None
    email: str | None
    address: str | None
    city: str
    estrato: int | None
    node: str
    balance: int | None
    monthly_rent: int | None
    billing_cutoff_day: int | None
    activated_on: date | None
    tenure_months: int | None
    services: tuple[ServiceLine, ...] = ()
    pending_pqrs: tuple[PendingPqr, ...] = ()
    pending_visits: tuple[PendingVisit, ...] = ()
    open_dime_cases: tuple[OpenDime, ...] = ()  # open DIME escalations
    open_incidents: tuple[OpenAviso, ...] = ()  # avisos open on the node, most urgent first
    access: Access = Access.FULL  # what the rule allowed when the view was made


@dataclass(frozen=True)
class NoteLine:
    """A note as F7 lists it."""

    id: int
    author: str
    created_at: datetime
    text: str


@dataclass(frozen=True)
class NotesView:
    """The special notes (F7) of an account, or one named folder's notes."""

    cuenta: int
    folder: str | None  # None: special notes
    notes: tuple[NoteLine, ...]
    folders: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class EquipmentLine:
    kind: str
    serial: str
    model: str
    status: str
    installed_on: date


@dataclass(frozen=True)
class InventoryView:
    """F10: services and installed equipment of an account."""

    cuenta: int
    services: tuple[ServiceLine, ...]
    equipment: tuple[EquipmentLine, ...]
