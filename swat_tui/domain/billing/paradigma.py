"""Paradigma, simulated: the last invoice sent, resending it to a confirmed email,
and changing how the account's invoices are delivered.

A resend (REENVIO) sends a digital copy of one of the account's invoices to
an email the customer confirmed; a change (CAMBIO) says how the next invoices
go: ``digital`` to an email or ``fisica`` to an address (the account's, when
none is typed). Both are rows of ``invoice_delivery_change``; the invoices
already sent keep what Paradigma did with them. Every refusal is decided
before anything is written, with a row-24 message of ``data/messages.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.billing.views import DeliveryChangeLine, LastInvoiceView
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.store.models import Account, Invoice, InvoiceDeliveryChange
from swat_tui.store.queries import billing as billing_queries

DIGITAL, FISICA = "digital", "fisica"
# What the agent may type for a delivery: RR's one-letter code or the word.
DELIVERIES = {"d": DIGITAL, "digital": DIGITAL, "f": FISICA, "fisica": FISICA, "física": FISICA}
RESEND, CHANGE = "REENVIO", "CAMBIO"
DESTINATION_MAX = 80  # invoice_delivery_change.destination
PAID, PENDING, OVERDUE = "PAGADA", "PENDIENTE", "VENCIDA"
# name@domain.tld: no spaces, one @, a dot in the domain, no empty or doubled dots.
EMAIL = re.compile(
    r"[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


@dataclass(frozen=True)
class Written:
    """A resend or change validated and added to the transaction."""

    row: InvoiceDeliveryChange
    invoice: Invoice | None


def valid_email(text: str, procedure: ProcedureDef) -> str:
    """The email, trimmed and lower-cased, or ``DomainError`` when it is not one."""
    email = text.strip().lower()
    if len(email) > DESTINATION_MAX or EMAIL.fullmatch(email) is None:
        raise DomainError(procedure.message("billing_email_invalid"), rule="billing_email_invalid")
    return email


def payment_status(invoice: Invoice, today: date) -> str:
    """PAGADA, VENCIDA (unpaid past its due date) or PENDIENTE."""
    if invoice.paid_on is not None:
        return PAID
    return OVERDUE if invoice.due_on < today else PENDING


def change_line(row: InvoiceDeliveryChange) -> DeliveryChangeLine:
    return DeliveryChangeLine(
        action=row.action,
        delivery=row.delivery,
        destination=row.destination,
        at=row.at.astimezone(BOGOTA),
        agent=row.agent,
    )


def last_invoice_in(
    session: Session, account: Account, *, today: date, procedure: ProcedureDef
) -> LastInvoiceView:
    """The last invoice Paradigma sent the account, or the no-invoices refusal."""
    invoices = billing_queries.invoices_of(session, cuenta=account.cuenta, limit=1)
    if not invoices:
        raise DomainError(procedure.message("billing_no_invoices"), rule="billing_no_invoices")
    invoice = invoices[0]
    changes = billing_queries.delivery_changes_of(session, cuenta=account.cuenta)
    return LastInvoiceView(
        cuenta=account.cuenta,
        number=invoice.number,
        period=invoice.period,
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
        amount=invoice.amount,
        extra_charges=invoice.extra_charges,
        delivery=invoice.delivery,
        sent_at=invoice.sent_at.astimezone(BOGOTA) if invoice.sent_at else None,
        sent_to=invoice.sent_to,
        delivery_status=invoice.delivery_status,
        paid_on=invoice.paid_on,
        payment_status=payment_status(invoice, today),
        last_change=change_line(changes[0]) if changes else None,
    )


def resend_in(
    session: Session,
    account: Account,
    invoice_number: str,
    email: str,
    *,
    confirmed: bool,
    call_id: int | None,
    agent: str,
    at: datetime,
    procedure: ProcedureDef,
) -> Written:
    """Resend one of the account's invoices, digital, to the confirmed ``email``."""
    if not billing_queries.invoices_of(session, cuenta=account.cuenta, limit=1):
        raise DomainError(procedure.message("billing_no_invoices"), rule="billing_no_invoices")
    invoice = billing_queries.invoice_by_number(session, number=invoice_number.strip().upper())
    if invoice is None or invoice.cuenta != account.cuenta:
        raise DomainError(procedure.message("billing_invoice_other"), rule="billing_invoice_other")
    address = valid_email(email, procedure)
    if not confirmed:
        raise DomainError(procedure.message("billing_confirm"), rule="billing_confirm")
    row = billing_queries.add_delivery_change(
        session,
        cuenta=account.cuenta,
        invoice_id=invoice.id,
        call_id=call_id,
        action=RESEND,
        delivery=DIGITAL,
        destination=address,
        at=at,
        agent=agent,
    )
    return Written(row, invoice)


def change_delivery_in(
    session: Session,
    account: Account,
    delivery: str,
    destination: str,
    *,
    confirmed: bool,
    call_id: int | None,
    agent: str,
    at: datetime,
    procedure: ProcedureDef,
) -> Written:
    """How the account's next invoices go: digital to an email, fisica to an address."""
    chosen = DELIVERIES.get(delivery.strip().lower(), "")
    if not chosen:
        raise DomainError(
            procedure.message("billing_delivery_choice"), rule="billing_delivery_choice"
        )
    if chosen == DIGITAL:
        target = valid_email(destination, procedure)
    else:
        target = " ".join(destination.split()) or account.address
        if len(target) > DESTINATION_MAX:
            raise DomainError(
                procedure.message("billing_address_long"), rule="billing_address_long"
            )
    if not confirmed:
        raise DomainError(procedure.message("billing_confirm"), rule="billing_confirm")
    last = billing_queries.invoices_of(session, cuenta=account.cuenta, limit=1)
    invoice = last[0] if last else None
    changes = [
        c
        for c in billing_queries.delivery_changes_of(session, cuenta=account.cuenta)
        if c.action == CHANGE
    ]
    if changes:
        current = (changes[0].delivery, changes[0].destination.lower())
    elif invoice is not None:
        current = (invoice.delivery, (invoice.sent_to or "").lower())
    else:
        current = ("", "")
    if current == (chosen, target.lower()):
        raise DomainError(procedure.message("billing_same_delivery"), rule="billing_same_delivery")
    row = billing_queries.add_delivery_change(
        session,
        cuenta=account.cuenta,
        invoice_id=invoice.id if invoice else None,
        call_id=call_id,
        action=CHANGE,
        delivery=chosen,
        destination=target,
        at=at,
        agent=agent,
    )
    return Written(row, invoice)
