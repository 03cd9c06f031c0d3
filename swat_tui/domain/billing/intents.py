"""The SAC facturación area of the desk: the rent (F13+F15), the campaigns (F24+T),
the extra charges and the last invoice in Paradigma, each through the BLACKLIST
gate and logged; a resend or a delivery change is one transaction with the row of
Paradigma, the access log and, in a call about the account, the UCC code it suggests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.billing import access
from swat_tui.domain.billing.campaigns import campaigns_view_in, default_conditions
from swat_tui.domain.billing.charges import charges_view_in
from swat_tui.domain.billing.paradigma import (
    DIGITAL,
    Written,
    change_delivery_in,
    change_line,
    last_invoice_in,
    resend_in,
)
from swat_tui.domain.billing.rent import default_catalog, rent_view_in
from swat_tui.domain.billing.views import (
    CampaignsView,
    ChargesView,
    DeliveryChangeDone,
    LastInvoiceView,
    RentView,
)
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.store.models import Account

# The typification each Paradigma action suggests: data/actions.toml.
RESEND_CODE = load_actions().action("billing_resend").suggested()  # last invoice resent
TO_DIGITAL_CODE = load_actions().action("billing_delivery").suggested(DIGITAL)  # to digital


def _today(now: datetime) -> date:
    return now.astimezone(BOGOTA).date()


class BillingIntents(AreaService, area="billing"):
    """What the agent does for SAC facturación, through the desk's gate, one transaction each."""

    def rent(self, cuenta: int) -> RentView:
        """F13+F15: the rent's parts (plans, equipment, IVA) and the last invoices."""
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, access.RENT)
            return rent_view_in(tx.session, account, catalog=default_catalog())

    def campaigns(self, cuenta: int) -> CampaignsView:
        """F24+T: the campaigns in force for the account and the ones it could take."""
        now = self.ctx.now()
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, access.CAMPAIGNS)
            return campaigns_view_in(
                tx.session, account, today=_today(now), conditions=default_conditions()
            )

    def extra_charges(self, cuenta: int) -> ChargesView:
        """PPV, events, extra outlets, LDN, LDI and mobile calls of the last invoices."""
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, access.CHARGES)
            return charges_view_in(tx.session, account)

    def last_invoice(self, cuenta: int) -> LastInvoiceView:
        """Paradigma: the last invoice sent; refused when the account has none yet."""
        now = self.ctx.now()
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, access.PARADIGMA)
            return last_invoice_in(
                tx.session, account, today=_today(now), procedure=self.ctx.procedure
            )

    def resend_invoice(
        self, cuenta: int, invoice_number: str, email: str, *, confirmed: bool
    ) -> DeliveryChangeDone:
        """Paradigma: the invoice, digital, to the email the customer confirmed."""

        def write(
            session: Session, account: Account, call_id: int | None, now: datetime
        ) -> Written:
            return resend_in(
                session,
                account,
                invoice_number,
                email,
                confirmed=confirmed,
                call_id=call_id,
                agent=self.ctx.agent.username,
                at=now,
                procedure=self.ctx.procedure,
            )

        return self._paradigma_write(
            cuenta, write, "billing_resent", lambda _: RESEND_CODE, "billing.resend_invoice"
        )

    def change_delivery(
        self, cuenta: int, delivery: str, destination: str, *, confirmed: bool
    ) -> DeliveryChangeDone:
        """Paradigma: the next invoices go digital (to an email) or fisica (to an address)."""

        def write(
            session: Session, account: Account, call_id: int | None, now: datetime
        ) -> Written:
            return change_delivery_in(
                session,
                account,
                delivery,
                destination,
                confirmed=confirmed,
                call_id=call_id,
                agent=self.ctx.agent.username,
                at=now,
                procedure=self.ctx.procedure,
            )

        def code(written: Written) -> str | None:
            return TO_DIGITAL_CODE if written.row.delivery == DIGITAL else None

        return self._paradigma_write(
            cuenta, write, "billing_delivery_changed", code, "billing.change_delivery"
        )

    def _paradigma_write(
        self,
        cuenta: int,
        write: Callable[[Session, Account, int | None, datetime], Written],
        done_rule: str,
        code_of: Callable[[Written], str | None],
        intent: str,
    ) -> DeliveryChangeDone:
        """One transaction: the access log, the Paradigma row and, in a call about this
        account with a request, the UCC code the action suggests for its typification."""
        now = self.ctx.now()
        call = self.ctx.call_of(cuenta)
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, access.PARADIGMA)
            written = write(tx.session, account, call.call_id if call else None, now)
            code = code_of(written)
            if call is not None:

                def acted(change: CallChange) -> str | None:
                    invoice = written.invoice  # a resend's invoice; a change: the delivery
                    number = invoice.number if invoice is not None else written.row.delivery
                    change.action(intent, number, delivery=written.row.delivery)
                    return code

                tx.change_call(acted)
            done = DeliveryChangeDone(
                message=self.ctx.procedure.message(done_rule),
                change=change_line(written.row),
                invoice_number=written.invoice.number if written.invoice else None,
            )
        if tx.record is not None:
            done = DeliveryChangeDone(done.message, done.change, done.invoice_number, tx.record)
        return done
