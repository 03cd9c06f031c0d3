"""Cartera: final notices for arrears, payment commitments and reconnection orders."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class FinalNotice(SQLModel, table=True):
    """An aviso final: the account will be suspended for arrears unless it pays."""

    __tablename__ = "final_notice"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    issued_on: date
    suspend_on: date
    amount: int


class PaymentCommitment(SQLModel, table=True):
    """A payment the customer agreed to make by a date (optionally under a benefit)."""

    __tablename__ = "payment_commitment"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    benefit: str | None = Field(default=None, max_length=12)  # data/payment_benefits.toml
    promised_on: date
    amount: int
    status: str = Field(max_length=12)  # VIGENTE | CUMPLIDO | INCUMPLIDO
    created_at: datetime
    agent: str = Field(max_length=10)


class Reconnection(SQLModel, table=True):
    """A reconnection order for an account that paid and was not reconnected."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=16, unique=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    status: str = Field(max_length=12)  # PENDIENTE | EJECUTADA
    requested_at: datetime
    agent: str = Field(max_length=10)
