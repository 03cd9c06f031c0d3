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


class Payment(SQLModel, table=True):
    """A payment received (F21+F18 shows them), with the channel used."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    paid_on: date
    amount: int
    channel: str = Field(max_length=30)
    reference: str = Field(max_length=20)


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
