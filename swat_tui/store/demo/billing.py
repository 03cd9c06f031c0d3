"""An account's money: invoices of its last three cycles, payments, discounts.

Every account bills on one cut-off day; the invoice is sent the next morning
and due ``DUE_DAYS`` later. Whether each invoice was paid follows the RR
status (CANCELADO DEBE owes everything, CANCELADO CREDITO overpaid the last
one, ACTIVA may owe the latest), and the account's balance is what is unpaid.
Campaign discounts lower the invoices issued while they apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from swat_tui.config import BOGOTA
from swat_tui.store.demo.batch import Batch, Row
from swat_tui.store.demo.draws import Draws, weighted
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import AccountStatus

CUTOFF_DAYS = (1, 5, 10, 15, 20, 25)
DUE_DAYS = 15  # pago oportuno: days from the cut-off invoice to its due date
EXTRA_CHARGES = (4900, 9900, 12900, 15900, 23400, 31800, 45000)


@dataclass(frozen=True)
class Cycle:
    """One of the last three billing cycles of a cut-off day."""

    period: str
    issued_on: date
    due_on: date
    issued_ord: int
    sent_at: tuple[datetime, ...]  # choices of the moment Paradigma sent it
    paid_on: tuple[date, ...]  # choices of a payment date, never after today


def billing_cycles(today: date) -> dict[int, list[Cycle]]:
    """Cut-off day -> its last three cycles issued on or before ``today``, oldest first."""
    by_day: dict[int, list[Cycle]] = {}
    for day in CUTOFF_DAYS:
        issued: list[date] = []
        year, month = today.year, today.month
        while len(issued) < 3:
            cut = date(year, month, day)
            if cut <= today:
                issued.append(cut)
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        cycles = []
        for cut in reversed(issued):
            send_day = datetime.combine(cut + timedelta(days=1), time(5, 0), BOGOTA)
            cycles.append(
                Cycle(
                    period=f"{cut.year:04d}-{cut.month:02d}",
                    issued_on=cut,
                    due_on=cut + timedelta(days=DUE_DAYS),
                    issued_ord=cut.toordinal(),
                    sent_at=tuple(send_day + timedelta(minutes=7 * i) for i in range(60)),
                    paid_on=tuple(min(cut + timedelta(days=d), today) for d in range(1, 21)),
                )
            )
        by_day[day] = cycles
    return by_day


def campaign_rows(vocabulary: Vocabulary, today: date) -> list[Row]:
    """The discount campaigns, dated around ``today``."""
    return [
        {
            "code": c.code,
            "name": c.name,
            "description": c.description,
            "percent": c.percent,
            "starts_on": today - timedelta(days=c.starts_days_ago),
            "ends_on": today - timedelta(days=c.starts_days_ago - c.duration_days),
        }
        for c in vocabulary.campaigns
    ]


class Billing:
    """Adds an account's invoices, payments and campaign discount; returns its balance."""

    def __init__(
        self, vocabulary: Vocabulary, draws: Draws, *, today: date, campaign_ids: Mapping[str, int]
    ) -> None:
        self._r, self._int, self._choice, self._pick = (
            draws.random,
            draws.between,
            draws.choice,
            draws.pick,
        )
        self._today = today
        self._today_ord = today.toordinal()
        # id, percent, first and last day (ordinals) of each stored campaign
        self._campaigns = [
            (
                campaign_ids[c.code],
                c.percent,
                self._today_ord - c.starts_days_ago,
                self._today_ord - c.starts_days_ago + c.duration_days,
            )
            for c in vocabulary.campaigns
            if c.code in campaign_ids
        ]
        self._channels = weighted(vocabulary.payment_channels)
        self._cycles = billing_cycles(today)
        self._invoice_seq = 100_000_000 + draws.rng.randrange(100_000_000)

    def add(
        self, out: Batch, cuenta: int, status: str, rent: int, cutoff: int, activated: int
    ) -> int:
        """Invoices and payments of the last three cycles; returns the balance."""
        r = self._r
        if rent == 0:
            return 0
        if status == AccountStatus.CARTERA_CASTIGADA:
            return rent * self._int(4, 14)
        cycles = [c for c in self._cycles[cutoff] if c.issued_ord >= activated]
        if status == AccountStatus.CANCELADO:
            cycles = cycles[:1]  # the final invoice
        percent, applied = 0, (0, 0)
        if status == AccountStatus.ACTIVA and self._campaigns and r() < 0.07:
            percent, applied = self._discount(out, cuenta, activated)
        channel = self._pick(self._channels)
        digital = r() < 0.62
        unpaid = 0
        last = len(cycles) - 1
        for position, cycle in enumerate(cycles):
            amount = rent
            issued = cycle.issued_ord
            if percent and applied[0] <= issued <= applied[1]:
                amount = rent * (100 - percent) // 100
            extra = self._choice(EXTRA_CHARGES) if r() < 0.12 else 0
            amount += extra
            self._invoice_seq += 1
            out.invoice.append(
                {
                    "cuenta": cuenta,
                    "number": f"FV{self._invoice_seq:010d}",
                    "period": cycle.period,
                    "issued_on": cycle.issued_on,
                    "due_on": cycle.due_on,
                    "amount": amount,
                    "extra_charges": extra,
                    "delivery": "digital" if digital else "fisica",
                    "sent_at": self._choice(cycle.sent_at),
                }
            )
            if status == AccountStatus.CANCELADO_DEBE:
                paid = False
            elif status == AccountStatus.ACTIVA and position == last:
                paid = r() < (0.95 if cycle.due_on < self._today else 0.45)
            elif status == AccountStatus.ACTIVA and position == last - 1:
                paid = r() < 0.95
            else:
                paid = True
            if not paid:
                unpaid += amount
                continue
            credit = 0
            if status == AccountStatus.CANCELADO_CREDITO and position == last:
                credit = 100 * self._int(50, max(50, rent // 100))
            self._payment(out, cuenta, cycle, amount + credit, channel)
            unpaid -= credit
        if status == AccountStatus.CANCELADO_DEBE:
            unpaid += rent * self._int(0, 3)
        return unpaid

    def _payment(self, out: Batch, cuenta: int, cycle: Cycle, amount: int, channel: str) -> None:
        r = self._r
        out.payment.append(
            {
                "cuenta": cuenta,
                "paid_on": self._choice(cycle.paid_on),
                "amount": amount,
                "channel": channel if r() < 0.85 else self._pick(self._channels),
                "reference": f"{int(r() * 1e12):012d}",
            }
        )

    def _discount(self, out: Batch, cuenta: int, activated: int) -> tuple[int, tuple[int, int]]:
        campaign_id, percent, starts, ends = self._choice(self._campaigns)
        begin = max(starts, activated) + self._int(0, 30)
        if begin > self._today_ord:
            return 0, (0, 0)
        out.account_discount.append(
            {
                "cuenta": cuenta,
                "campaign_id": campaign_id,
                "applied_from": date.fromordinal(begin),
                "applied_to": date.fromordinal(ends),
            }
        )
        return percent, (begin, ends)


__all__ = ["CUTOFF_DAYS", "Billing", "Cycle", "billing_cycles", "campaign_rows"]
