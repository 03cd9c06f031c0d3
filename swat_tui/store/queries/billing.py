"""What Paradigma and RR know of an account's billing: invoices, their extra charges,
discount campaigns and enrolments, and the resends and delivery changes agents made."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import (
    AccountDiscount,
    DiscountCampaign,
    Invoice,
    InvoiceCharge,
    InvoiceDeliveryChange,
)


def invoices_of(session: Session, *, cuenta: int, limit: int | None = None) -> Sequence[Invoice]:
    """The account's invoices, newest issue first (at most ``limit``)."""
    statement = (
        select(Invoice)
        .where(Invoice.cuenta == cuenta)
        .order_by(col(Invoice.issued_on).desc(), col(Invoice.id).desc())
    )
    if limit is not None:
        statement = statement.limit(limit)
    return session.exec(statement).all()


def invoice_by_number(session: Session, *, number: str) -> Invoice | None:
    """An invoice by its Paradigma number, whatever account it belongs to."""
    return session.exec(select(Invoice).where(Invoice.number == number)).first()


def charges_of_invoices(session: Session, *, invoice_ids: Sequence[int]) -> Sequence[InvoiceCharge]:
    """The extra charges of the given invoices, newest charge first."""
    if not invoice_ids:
        return ()
    statement = (
        select(InvoiceCharge)
        .where(col(InvoiceCharge.invoice_id).in_(invoice_ids))
        .order_by(col(InvoiceCharge.charged_on).desc(), col(InvoiceCharge.id).desc())
    )
    return session.exec(statement).all()


def charges_of_last_invoices(
    session: Session, *, cuenta: int, count: int
) -> Sequence[InvoiceCharge]:
    """The extra charges of the account's last ``count`` invoices, newest first."""
    ids = [row.id for row in invoices_of(session, cuenta=cuenta, limit=count) if row.id is not None]
    return charges_of_invoices(session, invoice_ids=ids)


def campaigns_in_force(session: Session, *, today: date) -> Sequence[DiscountCampaign]:
    """Campaigns whose dates include ``today``, by code."""
    statement = (
        select(DiscountCampaign)
        .where(DiscountCampaign.starts_on <= today, DiscountCampaign.ends_on >= today)
        .order_by(col(DiscountCampaign.code))
    )
    return session.exec(statement).all()


def enrolments_of(
    session: Session, *, cuenta: int
) -> Sequence[tuple[AccountDiscount, DiscountCampaign]]:
    """The account's campaign enrolments with their campaign, latest start first."""
    statement = (
        select(AccountDiscount, DiscountCampaign)
        .join(DiscountCampaign, col(DiscountCampaign.id) == col(AccountDiscount.campaign_id))
        .where(AccountDiscount.cuenta == cuenta)
        .order_by(col(AccountDiscount.applied_from).desc(), col(AccountDiscount.id).desc())
    )
    return session.exec(statement).all()


def add_delivery_change(
    session: Session,
    *,
    cuenta: int,
    invoice_id: int | None,
    call_id: int | None,
    action: str,
    delivery: str,
    destination: str,
    at: datetime,
    agent: str,
) -> InvoiceDeliveryChange:
    """Add one resend (REENVIO) or delivery change (CAMBIO) to the caller's transaction."""
    row = InvoiceDeliveryChange(
        cuenta=cuenta,
        invoice_id=invoice_id,
        call_id=call_id,
        action=action,
        delivery=delivery,
        destination=destination,
        at=at,
        agent=agent,
    )
    session.add(row)
    return row


def delivery_changes_of(session: Session, *, cuenta: int) -> Sequence[InvoiceDeliveryChange]:
    """The resends and delivery changes of the account, newest first."""
    statement = (
        select(InvoiceDeliveryChange)
        .where(InvoiceDeliveryChange.cuenta == cuenta)
        .order_by(col(InvoiceDeliveryChange.at).desc(), col(InvoiceDeliveryChange.id).desc())
    )
    return session.exec(statement).all()
