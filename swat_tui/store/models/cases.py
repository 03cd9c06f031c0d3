"""Open cases on an account: PQRs, visits (LLS/OT) and DIME escalations."""

from datetime import date, datetime
from typing import Any, ClassVar

from sqlmodel import Field, SQLModel

from swat_tui.store.models.versioned import version_column, versioned_by

# Two agents may change the same order or case: each has a version column (see versioned).
_WORK_ORDER_VERSION = version_column()
_DIME_CASE_VERSION = version_column()


class Pqr(SQLModel, table=True):
    """Petición, queja o recurso; ``cun`` only when the process matrix gives one."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    radicado: str = Field(max_length=20, unique=True)
    cun: str | None = Field(default=None, max_length=20, unique=True, index=True)
    kind: str = Field(max_length=10)  # peticion | queja | recurso
    subject: str = Field(max_length=120)
    status: str = Field(max_length=12)  # enums.PqrStatus
    filed_at: datetime
    due_on: date
    response_channel: str | None = Field(default=None, max_length=20)
    filed_by: str = Field(max_length=10)
    notes: str = ""
    motive: str | None = Field(default=None, max_length=30)  # data/pqr_matrix.csv
    response_address: str | None = Field(default=None, max_length=80)  # confirmed for the channel
    call_id: int | None = Field(default=None, foreign_key="call.id")


class WorkOrder(SQLModel, table=True):
    """A technical visit: LLS (maintenance call) or OT (work order)."""

    __tablename__ = "work_order"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    kind: str = Field(max_length=3)  # enums.WorkOrderKind
    number: str = Field(max_length=16, unique=True)
    status: str = Field(max_length=14)  # enums.WorkOrderStatus
    reason: str = Field(max_length=120)
    created_at: datetime
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    # What an agent fills on VIS020 (issue 10); None on orders older than that:
    symptom: str | None = Field(default=None, max_length=120)  # the T&D leaf, or as told
    contact_name: str | None = Field(default=None, max_length=60)
    contact_phone: str | None = Field(default=None, max_length=10)
    address: str | None = Field(default=None, max_length=80)  # confirmed with the customer
    access_notes: str | None = Field(default=None, max_length=200)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    created_by: str | None = Field(default=None, max_length=10)
    # The last change after its creation (booked, moved, cancelled): who and when, so that
    # a second agent refused for a stale version is told; None until it changes.
    updated_at: datetime | None = None
    updated_by: str | None = Field(default=None, max_length=10)
    version: int = Field(default=1, sa_column=_WORK_ORDER_VERSION)

    __mapper_args__: ClassVar[dict[str, Any]] = versioned_by(_WORK_ORDER_VERSION)


class DimeCase(SQLModel, table=True):
    """An escalation to a resolving area through DIME."""

    __tablename__ = "dime_case"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=16, unique=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    area: str = Field(max_length=40)
    subject: str = Field(max_length=120)
    status: str = Field(max_length=12)  # enums.DimeStatus
    created_at: datetime
    updated_at: datetime
    notes: str = ""  # the data the resolving area needs
    due_on: date | None = None  # the area's SLA, in business days from creation
    created_by: str | None = Field(default=None, max_length=10)
    updated_by: str | None = Field(default=None, max_length=10)  # who wrote ``updated_at``
    version: int = Field(default=1, sa_column=_DIME_CASE_VERSION)

    __mapper_args__: ClassVar[dict[str, Any]] = versioned_by(_DIME_CASE_VERSION)


class DimeNote(SQLModel, table=True):
    """A follow-up note on a DIME case (who, when, what)."""

    __tablename__ = "dime_note"

    id: int | None = Field(default=None, primary_key=True)
    dime_case_id: int = Field(foreign_key="dime_case.id", index=True)
    at: datetime
    author: str = Field(max_length=10)
    text: str = Field(max_length=250)
