"""Customer accounts (RR "cuentas") with their services and equipment."""

from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    """A home-services contract. ``cuenta`` is RR's 8-digit account number.

    ``ix_account_node_address`` covers a node's accounts with their address,
    so the Diagnosticador's neighbours are read from the index's own pages.
    """

    __table_args__ = (Index("ix_account_node_address", "node", "cuenta", "address"),)

    cuenta: int = Field(primary_key=True)
    cuenta_matriz: int | None = Field(default=None, index=True)
    holder_name: str = Field(max_length=80)
    document_type: str = Field(max_length=4)
    document_number: str = Field(max_length=15, index=True)
    phone_mobile: str | None = Field(default=None, max_length=10, index=True)
    phone_fixed: str | None = Field(default=None, max_length=10, index=True)
    email: str | None = Field(default=None, max_length=80)
    address: str = Field(max_length=80)
    city: str = Field(max_length=40)
    department: str = Field(max_length=40)
    estrato: int
    node: str = Field(max_length=12)
    status: str = Field(max_length=20)  # enums.AccountStatus
    blacklist: bool = False
    balance: int = 0  # pesos owed; negative is credit in the customer's favour
    monthly_rent: int = 0
    billing_cutoff_day: int = 1
    activated_on: date


class Service(SQLModel, table=True):
    """A 3Play product on an account: internet, TV or voz."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    kind: str = Field(max_length=10)  # enums.ServiceKind
    plan_code: str = Field(max_length=12)
    plan_name: str = Field(max_length=60)
    tv_technology: str | None = Field(default=None, max_length=8)  # enums.TvTechnology
    status: str = Field(max_length=12)
    # False: sold but not yet associated in the Módulo de Gestión (support sees it, F10)
    provisioned: bool = True
    activated_on: date


class Equipment(SQLModel, table=True):
    """A device installed at the premises, as RR's inventory (F10) lists it."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    kind: str = Field(max_length=12)  # enums.EquipmentKind
    serial: str = Field(max_length=24, index=True)
    model: str = Field(max_length=40)
    status: str = Field(max_length=16)  # enums.EquipmentStatus
    installed_on: date
