"""Recaudo (step 3, SAC 3): the payments received, whether each one was applied,
and what to tell a customer about a payment they say they made.

A payment is applied when RR credited it to the account; until then it only
exists at the channel. Each channel takes a number of business days to report
(data/payment_channels.csv); past that, an unapplied payment is escalated to
DIME (recaudo) with the customer's receipt.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache

from swat_tui.calendar_co import add_business_days
from swat_tui.paths import data_dir
from swat_tui.store.models import Payment

DEFAULT_APPLY_DAYS = 3


@dataclass(frozen=True)
class PaymentLine:
    paid_on: date
    amount: int
    channel: str
    reference: str
    applied_on: date | None

    @property
    def applied(self) -> bool:
        return self.applied_on is not None


@dataclass(frozen=True)
class RecaudoView:
    cuenta: int
    balance: int
    payments: tuple[PaymentLine, ...]  # newest first

    @property
    def up_to_date(self) -> bool:
        """Al día: nothing owed."""
        return self.balance <= 0


class Finding(Enum):
    APPLIED = "applied"  # found and applied: tell the customer it is credited
    PENDING = "pending"  # found at the channel, within its reporting time: wait
    LATE = "late"  # found, not applied past the channel's time: escalate to DIME
    NOT_FOUND = "not_found"  # no such payment: escalate with the receipt


@dataclass(frozen=True)
class ReportedPayment:
    """What the search for the payment the customer reports found."""

    finding: Finding
    payment: PaymentLine | None
    apply_by: date | None  # the last business day the channel has to report it

    def message(self) -> str:
        """Row 24: what to tell the customer."""
        line = self.payment
        if self.finding is Finding.APPLIED and line is not None and line.applied_on is not None:
            return (
                f"Pago aplicado el {line.applied_on:%d/%m/%Y} ({line.channel}): informe al cliente."
            )
        if self.finding is Finding.PENDING and self.apply_by is not None:
            return f"Pago recibido sin aplicar: se aplica a más tardar el {self.apply_by:%d/%m/%Y}."
        if self.finding is Finding.LATE:
            return "Pago sin aplicar pasado el plazo del canal: escale a DIME recaudo (N, F9)."
        return "No se encuentra el pago: pida el soporte y escale a DIME recaudo (N)."


@cache
def apply_days() -> dict[str, int]:
    """Channel -> business days it takes to report a payment (data/payment_channels.csv)."""
    with (data_dir() / "payment_channels.csv").open(encoding="utf-8", newline="") as handle:
        return {row["channel"]: int(row["apply_business_days"]) for row in csv.DictReader(handle)}


def payment_line(payment: Payment) -> PaymentLine:
    return PaymentLine(
        payment.paid_on, payment.amount, payment.channel, payment.reference, payment.applied_on
    )


def find_reported(
    payments: tuple[PaymentLine, ...], *, paid_on: date, amount: int, today: date
) -> ReportedPayment:
    """The payment the customer reports (same day and amount), judged by its channel."""
    match = next((p for p in payments if p.paid_on == paid_on and p.amount == amount), None)
    if match is None:
        return ReportedPayment(Finding.NOT_FOUND, None, None)
    if match.applied:
        return ReportedPayment(Finding.APPLIED, match, None)
    days = apply_days().get(match.channel, DEFAULT_APPLY_DAYS)
    apply_by = add_business_days(match.paid_on, days)
    finding = Finding.PENDING if today <= apply_by else Finding.LATE
    return ReportedPayment(finding, match, apply_by)
