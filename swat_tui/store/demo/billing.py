"""An account's money: invoices of its last three cycles, payments, discounts.

Every account bills on one cut-off day; the invoice is sent the next morning
and due ``DUE_DAYS`` later. Whether each invoice was paid follows the RR
status (CANCELADO DEBE owes everything, CANCELADO CREDITO overpaid the last
one, ACTIVA may owe the latest), and the account's balance is what is unpaid.
Campaign discounts lower the invoices issued while they apply.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from swat_tui.config import BOGOTA
from swat_tui.store.demo.batch import Batch, Row
from swat_tui.store.demo.draws import Draws, weighted
from swat_tui.store.demo.showcase import BillingFacts
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import AccountStatus

CUTOFF_DAYS = (1, 5, 10, 15, 20, 25)
DUE_DAYS = 15  # pago oportuno: days from the cut-off invoice to its due date
EXTRA_CHARGES = (4900, 9900, 12900, 15900, 23400, 31800, 45000)
# What a showcase account's forced extra charges cost, by kind.
FORCED_CHARGE_AMOUNTS = {
    "ppv": 12900,
    "evento": 45000,
    "toma_adicional": 9900,
    "ldn": 3400,
    "ldi": 18700,
    "movil": 6200,
}
NOTICE_AFTER_DAYS = 20  # an invoice this many days past due brings the aviso final
SUSPEND_AFTER_DAYS = 10  # the aviso final's term before suspension for arrears


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
        self._campaign_codes = [
            (c.code, c.percent) for c in vocabulary.campaigns if c.code in campaign_ids
        ]
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
        self._details = draws.details
        self._charge_kinds_raw = vocabulary.extra_charges
        self._charge_kinds = weighted(vocabulary.extra_charges)
        self._cycles = billing_cycles(today)
        self._invoice_seq = 100_000_000 + draws.rng.randrange(100_000_000)

    def add(
        self,
        out: Batch,
        cuenta: int,
        status: str,
        rent: int,
        cutoff: int,
        activated: int,
        *,
        email: str | None,
        address: str,
        facts: BillingFacts | None = None,
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
        if facts is not None and facts.campaign is not None:
            percent, applied = self._enrol(out, cuenta, facts.campaign)
        elif status == AccountStatus.ACTIVA and self._campaigns and r() < 0.07:
            percent, applied = self._discount(out, cuenta, activated)
        channel = self._pick(self._channels)
        digital = r() < 0.62
        if facts is not None and facts.delivery is not None:
            digital = facts.delivery == "digital"
        digital = digital and email is not None
        unpaid = 0
        last = len(cycles) - 1
        unpaid_invoices: list[Row] = []
        for position, cycle in enumerate(cycles):
            amount = rent
            issued = cycle.issued_ord
            if percent and applied[0] <= issued <= applied[1]:
                amount = rent * (100 - percent) // 100
            extra = self._choice(EXTRA_CHARGES) if r() < 0.12 else 0
            forced = facts.charges if facts is not None and position == last else ()
            if forced:
                extra = sum(FORCED_CHARGE_AMOUNTS[kind] for kind in forced)
            amount += extra
            self._invoice_seq += 1
            invoice: Row = {
                "cuenta": cuenta,
                "number": f"FV{self._invoice_seq:010d}",
                "period": cycle.period,
                "issued_on": cycle.issued_on,
                "due_on": cycle.due_on,
                "amount": amount,
                "extra_charges": extra,
                "delivery": "digital" if digital else "fisica",
                "sent_at": self._choice(cycle.sent_at),
                "sent_to": email if digital else address,
                "delivery_status": self._delivery_status(digital, cycle, facts, position == last),
                "paid_on": None,
            }
            out.invoice.append(invoice)
            if forced:
                self._forced_charges(out, invoice, forced)
            elif extra:
                self._charges(out, invoice, extra)
            paid = self._paid(status, position, last, cycle)
            if facts is not None and facts.unpaid_last is not None:
                paid = position < len(cycles) - facts.unpaid_last
            if not paid:
                unpaid += amount
                unpaid_invoices.append(invoice)
                continue
            credit = 0
            if status == AccountStatus.CANCELADO_CREDITO and position == last:
                credit = 100 * self._int(50, max(50, rent // 100))
            pending = facts is not None and facts.pending_payment and position == last
            paid_on = self._payment(out, cuenta, cycle, amount + credit, channel, pending=pending)
            if pending:
                unpaid += amount  # received by the channel, not applied: RR still shows it owed
                unpaid_invoices.append(invoice)
                continue
            invoice["paid_on"] = paid_on
            unpaid -= credit
        if status == AccountStatus.CANCELADO_DEBE:
            unpaid += rent * self._int(0, 3)
        self._final_notice(out, cuenta, status, unpaid_invoices, unpaid, facts)
        return unpaid

    def _paid(self, status: str, position: int, last: int, cycle: Cycle) -> bool:
        r = self._r
        if status == AccountStatus.CANCELADO_DEBE:
            return False
        if status == AccountStatus.ACTIVA and position == last:
            return r() < (0.95 if cycle.due_on < self._today else 0.45)
        if status == AccountStatus.ACTIVA and position == last - 1:
            return r() < 0.95
        return True

    def _delivery_status(
        self, digital: bool, cycle: Cycle, facts: BillingFacts | None, latest: bool
    ) -> str:
        """What Paradigma knows of the delivery: the latest may still be on its way."""
        if latest and facts is not None and facts.delivery_status is not None:
            return facts.delivery_status
        if latest and cycle.issued_ord >= self._today_ord - 2:
            return "ENVIADA"
        failed = self._details.random() < (0.03 if digital else 0.06)
        if failed:
            return "REBOTADA" if digital else "DEVUELTA"
        return "ENTREGADA"

    def _charges(self, out: Batch, invoice: Row, extra: int) -> None:
        """The extra charges an invoice carries: one or two items adding up to ``extra``."""
        details = self._details
        parts = [extra]
        if extra >= 10_000 and details.random() >= 0.7:
            half = extra // 200 * 100
            parts = [half, extra - half]
        for amount in parts:
            kind, description = self._charge_kind()
            self._charge_row(out, invoice, kind, description, amount)

    def _forced_charges(self, out: Batch, invoice: Row, kinds: tuple[str, ...]) -> None:
        for kind in kinds:
            description = next(d for (k, d), _ in self._charge_kinds_raw if k == kind)
            self._charge_row(out, invoice, kind, description, FORCED_CHARGE_AMOUNTS[kind])

    def _charge_row(
        self, out: Batch, invoice: Row, kind: str, description: str, amount: int
    ) -> None:
        issued = invoice["issued_on"]
        assert isinstance(issued, date)
        out.invoice_charge.append(
            {
                "invoice_number": invoice["number"],
                "cuenta": invoice["cuenta"],
                "kind": kind,
                "description": description,
                "charged_on": issued - timedelta(days=1 + int(self._details.random() * 27)),
                "amount": amount,
            }
        )

    def _charge_kind(self) -> tuple[str, str]:
        items, cumulative, total = self._charge_kinds
        return items[bisect(cumulative, self._details.random() * total)]

    def _final_notice(
        self,
        out: Batch,
        cuenta: int,
        status: str,
        unpaid: list[Row],
        balance: int,
        facts: BillingFacts | None,
    ) -> None:
        """An aviso final once an invoice is 20 days past due (suspension 10 days later)."""
        if facts is not None and facts.final_notice_days_ago is not None:
            issued = self._today - timedelta(days=facts.final_notice_days_ago)
        else:
            if status not in (AccountStatus.ACTIVA, AccountStatus.CANCELADO_DEBE) or not unpaid:
                return
            oldest = unpaid[0]["due_on"]
            assert isinstance(oldest, date)
            issued = oldest + timedelta(days=NOTICE_AFTER_DAYS)
            if issued > self._today:
                return
        out.final_notice.append(
            {
                "cuenta": cuenta,
                "issued_on": issued,
                "suspend_on": issued + timedelta(days=SUSPEND_AFTER_DAYS),
                "amount": balance,
            }
        )

    def _payment(
        self, out: Batch, cuenta: int, cycle: Cycle, amount: int, channel: str, *, pending: bool
    ) -> date:
        r = self._r
        paid_on = self._choice(cycle.paid_on)
        row: Row = {
            "cuenta": cuenta,
            "paid_on": paid_on,
            "amount": amount,
            "channel": channel if r() < 0.85 else self._pick(self._channels),
            "reference": f"{int(r() * 1e12):012d}",
        }
        if pending:
            row["paid_on"] = paid_on = self._today - timedelta(days=1)
            row["channel"] = "PSE"
            row["applied_on"] = None
        else:
            late = self._details.random() < 0.3
            row["applied_on"] = min(paid_on + timedelta(days=1 if late else 0), self._today)
            if paid_on >= self._today - timedelta(days=1) and self._details.random() < 0.25:
                row["applied_on"] = None  # a recent payment the channel has not reported yet
        out.payment.append(row)
        return paid_on

    def _enrol(self, out: Batch, cuenta: int, code: str) -> tuple[int, tuple[int, int]]:
        """A showcase enrolment in campaign ``code`` that ends the last day of this month."""
        campaign_id, percent, starts, _ = next(
            c
            for c, (stored, _) in zip(self._campaigns, self._campaign_codes, strict=True)
            if stored == code
        )
        nxt = date(self._today.year + self._today.month // 12, self._today.month % 12 + 1, 1)
        ends = (nxt - timedelta(days=1)).toordinal()
        begin = max(starts, self._today_ord - 120)
        out.account_discount.append(
            {
                "cuenta": cuenta,
                "campaign_id": campaign_id,
                "applied_from": date.fromordinal(begin),
                "applied_to": date.fromordinal(ends),
            }
        )
        return percent, (begin, ends)

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
