"""Cartera (step 3, SAC 1): what the account owes and since when, the aviso final,
the benefits on offer and whether the customer meets them, commitments made and
the reconnection of an account that paid (CANCELADO CREDITO).

Every figure comes from the store: the debt is the unpaid invoices aged by
their due date, plus any older balance (61+ days) they do not explain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from swat_tui.domain.errors import account_not_found
from swat_tui.domain.sac.benefits import DebtFacts, Eligibility, eligibilities, load_benefits
from swat_tui.store.enums import AccountStatus
from swat_tui.store.models import Account, Invoice
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import cartera as queries

RECONNECT_STATUS = AccountStatus.CANCELADO_CREDITO  # paid in full, not reconnected


@dataclass(frozen=True)
class DebtByAge:
    """The debt by how long it is past due (pesos)."""

    current: int = 0  # not due yet
    d30: int = 0  # 1 to 30 days past due
    d60: int = 0  # 31 to 60
    d90: int = 0  # 61 or more, with older balance

    @property
    def total(self) -> int:
        return self.current + self.d30 + self.d60 + self.d90


@dataclass(frozen=True)
class FinalNoticeLine:
    issued_on: date
    suspend_on: date
    amount: int


@dataclass(frozen=True)
class CommitmentLine:
    benefit: str | None
    promised_on: date
    amount: int
    status: str
    agent: str


@dataclass(frozen=True)
class CarteraView:
    cuenta: int
    status: str
    balance: int  # negative: credit in the customer's favour
    debt: DebtByAge
    days_past_due: int
    final_notice: FinalNoticeLine | None
    benefits: tuple[Eligibility, ...]
    commitments: tuple[CommitmentLine, ...]
    reconnection: str | None  # the pending reconnection order, if one was requested
    facts: DebtFacts

    @property
    def paid_in_full(self) -> bool:
        return self.balance <= 0

    @property
    def reconnection_due(self) -> bool:
        """Paid and not reconnected: the agent may request the reconnection."""
        return self.status == RECONNECT_STATUS and self.paid_in_full


def age_debt(invoices: list[Invoice], balance: int, today: date) -> tuple[DebtByAge, int]:
    """The debt by age and the days the oldest unpaid invoice is past due."""
    if balance <= 0:
        return DebtByAge(), 0
    parts = [0, 0, 0, 0]
    oldest = 0
    for invoice in invoices:
        late = (today - invoice.due_on).days
        oldest = max(oldest, late)
        slot = 0 if late <= 0 else 1 if late <= 30 else 2 if late <= 60 else 3
        parts[slot] += invoice.amount
    explained = sum(parts)
    if balance > explained:
        parts[3] += balance - explained  # older debt than the invoices the store keeps
        oldest = max(oldest, 61)
    elif balance < explained:  # partly paid: the oldest part was paid first
        surplus = explained - balance
        for slot in (3, 2, 1, 0):
            taken = min(surplus, parts[slot])
            parts[slot] -= taken
            surplus -= taken
    return DebtByAge(*parts), max(oldest, 0)


def cartera_in(session: Session, cuenta: int, today: date) -> CarteraView:
    """The cartera view of an account (the caller checked the gate)."""
    account = account_queries.get_account(session, cuenta=cuenta)
    if account is None:
        raise account_not_found(cuenta)
    return _view(session, account, today)


def _view(session: Session, account: Account, today: date) -> CarteraView:
    cuenta = account.cuenta
    unpaid = list(queries.unpaid_invoices(session, cuenta=cuenta))
    debt, days = age_debt(unpaid, account.balance, today)
    facts = DebtFacts(
        status=account.status,
        debt=max(account.balance, 0),
        days_past_due=days,
        unpaid_invoices=len([i for i in unpaid if i.due_on < today]),
        payments_90d=queries.count_payments_since(
            session, cuenta=cuenta, since=today - timedelta(days=90)
        ),
    )
    notice = queries.latest_final_notice(session, cuenta=cuenta)
    reconnection = queries.pending_reconnection(session, cuenta=cuenta)
    return CarteraView(
        cuenta=cuenta,
        status=account.status,
        balance=account.balance,
        debt=debt,
        days_past_due=days,
        final_notice=(
            FinalNoticeLine(notice.issued_on, notice.suspend_on, notice.amount)
            if notice is not None and account.balance > 0
            else None
        ),
        benefits=eligibilities(load_benefits(), facts),
        commitments=tuple(
            CommitmentLine(c.benefit, c.promised_on, c.amount, c.status, c.agent)
            for c in queries.commitments_of(session, cuenta=cuenta)
        ),
        reconnection=reconnection.number if reconnection is not None else None,
        facts=facts,
    )
