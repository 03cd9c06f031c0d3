"""Invoices, payments and discount campaigns (SAC: facturación and recaudo)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class Invoice(SQLModel, table=True):
    """A monthly invoice as Paradigma knows it."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    number: str = Field(max_length=16)
    period: str = Field(max_length=7)  # YYYY-MM
    issued_on: date
    due_on: date
    amount: int
    extra_charges: int = 0  # PPV, extra outlets, LDN/LDI/mobile calls
    delivery: str = Field(max_length=10)  # fisica | digital
    sent_at: datetime | None = None
    sent_to: str | None = Field(default=None, max_length=80)  # the address or email it went to
    delivery_status: str | None = Field(default=None, max_length=12)  # ENTREGADA | DEVUELTA...
    paid_on: date | None = None  # None while unpaid: what cartera ages by its due date


class InvoiceCharge(SQLModel, table=True):
    """One extra charge of an invoice (PPV, an event, an extra outlet, LDN/LDI/mobile calls)."""

    __tablename__ = "invoice_charge"

    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    kind: str = Field(max_length=16)  # ppv | evento | toma_adicional | ldn | ldi | movil
    description: str = Field(max_length=60)
    charged_on: date
    amount: int


class InvoiceDeliveryChange(SQLModel, table=True):
    """What an agent did in Paradigma: resend an invoice, or change how invoices are delivered."""

    __tablename__ = "invoice_delivery_change"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    invoice_id: int | None = Field(default=None, foreign_key="invoice.id")
    call_id: int | None = Field(default=None, foreign_key="call.id")
    action: str = Field(max_length=10)  # REENVIO | CAMBIO
    delivery: str = Field(max_length=10)  # fisica | digital
    destination: str = Field(max_length=80)  # the confirmed email or address
    at: datetime
    agent: str = Field(max_length=10)


class Payment(SQLModel, table=True):
    """A payment received (F21+F18 shows them), with the channel used."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    paid_on: date
    amount: int
    channel: str = Field(max_length=30)
    reference: str = Field(max_length=20)
    applied_on: date | None = None  # None: received by the channel, not applied to the account yet


class DiscountCampaign(SQLModel, table=True):
    """A discount campaign an account may be enrolled in (F24+T)."""

    __tablename__ = "discount_campaign"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=12, unique=True)
    name: str = Field(max_length=60)
    description: str = Field(max_length=200)
    percent: int
    starts_on: date
    ends_on: date


class AccountDiscount(SQLModel, table=True):
    """Enrolment of an account in a campaign."""

    __tablename__ = "account_discount"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    campaign_id: int = Field(foreign_key="discount_campaign.id")
    applied_from: date
    applied_to: date
