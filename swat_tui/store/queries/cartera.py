"""Cartera and recaudo rows of an account: unpaid invoices, payments, final notices,
payment commitments and reconnection orders."""

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, func, select

from swat_tui.store.models import FinalNotice, Invoice, Payment, PaymentCommitment, Reconnection
from swat_tui.store.queries import numbering


def unpaid_invoices(session: Session, *, cuenta: int) -> Sequence[Invoice]:
    """Invoices of the account not paid yet, oldest due date first."""
    statement = (
        select(Invoice)
        .where(Invoice.cuenta == cuenta, col(Invoice.paid_on).is_(None))
        .order_by(col(Invoice.due_on), col(Invoice.id))
    )
    return session.exec(statement).all()


def payments_of(session: Session, *, cuenta: int, limit: int = 50) -> Sequence[Payment]:
    """The account's payments, newest first."""
    statement = (
        select(Payment)
        .where(Payment.cuenta == cuenta)
        .order_by(col(Payment.paid_on).desc(), col(Payment.id).desc())
        .limit(limit)
    )
    return session.exec(statement).all()


def count_payments_since(session: Session, *, cuenta: int, since: date) -> int:
    statement = select(func.count()).where(Payment.cuenta == cuenta, Payment.paid_on >= since)
    return int(session.exec(statement).one())


def latest_final_notice(session: Session, *, cuenta: int) -> FinalNotice | None:
    statement = (
        select(FinalNotice)
        .where(FinalNotice.cuenta == cuenta)
        .order_by(col(FinalNotice.issued_on).desc(), col(FinalNotice.id).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def commitments_of(session: Session, *, cuenta: int) -> Sequence[PaymentCommitment]:
    """The account's payment commitments, newest first."""
    statement = (
        select(PaymentCommitment)
        .where(PaymentCommitment.cuenta == cuenta)
        .order_by(col(PaymentCommitment.created_at).desc(), col(PaymentCommitment.id).desc())
    )
    return session.exec(statement).all()


def add_commitment(session: Session, commitment: PaymentCommitment) -> PaymentCommitment:
    session.add(commitment)
    session.flush()
    return commitment


def pending_reconnection(session: Session, *, cuenta: int) -> Reconnection | None:
    statement = (
        select(Reconnection)
        .where(Reconnection.cuenta == cuenta, Reconnection.status == "PENDIENTE")
        .order_by(col(Reconnection.requested_at).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def next_reconnection_number(session: Session) -> str:
    """The next reconnection order (RCX100000001 first), from its counter in the
    caller's write transaction."""
    return numbering.take(session, numbering.RECONNECTION)


def add_reconnection(session: Session, reconnection: Reconnection) -> Reconnection:
    session.add(reconnection)
    session.flush()
    return reconnection
