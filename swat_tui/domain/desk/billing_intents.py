"""The desk's intents for SAC facturación (a mixin of ``Desk``, kept apart so each file
has one job): the rent (F13+F15), the campaigns (F24+T), the extra charges and
the last invoice in Paradigma, each through the BLACKLIST gate and logged; a
resend or a delivery change is one transaction with the row of Paradigma, the
access log and, in a call about the account, the UCC code it suggests.
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
from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.desk_part import DeskPart
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import SUGGESTED_CODE_FIELD
from swat_tui.store.engine import write_session
from swat_tui.store.models import Account

RESEND_CODE = "SAC-FAC-012"  # reenvío de la última factura al correo (Paradigma)
TO_DIGITAL_CODE = "SAC-FAC-013"  # cambio de factura física a factura digital


class BillingIntents(DeskPart):
    """What the agent does for SAC facturación, through the desk's gate, one transaction each."""

    @property
    def _billing_rules(self) -> ProcedureDef:
        return self.services.calls.procedure

    def _billing_today(self, now: datetime) -> date:
        return now.astimezone(BOGOTA).date()

    def rent(self, cuenta: int) -> RentView:
        """F13+F15: the rent's parts (plans, equipment, IVA) and the last invoices."""
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, access.RENT)
            return rent_view_in(session, account, catalog=default_catalog())

    def campaigns(self, cuenta: int) -> CampaignsView:
        """F24+T: the campaigns in force for the account and the ones it could take."""
        now = self._now()
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, access.CAMPAIGNS)
            return campaigns_view_in(
                session, account, today=self._billing_today(now), conditions=default_conditions()
            )

    def extra_charges(self, cuenta: int) -> ChargesView:
        """PPV, events, extra outlets, LDN, LDI and mobile calls of the last invoices."""
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, access.CHARGES)
            return charges_view_in(session, account)

    def last_invoice(self, cuenta: int) -> LastInvoiceView:
        """Paradigma: the last invoice sent; refused when the account has none yet."""
        now = self._now()
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, access.PARADIGMA)
            return last_invoice_in(
                session, account, today=self._billing_today(now), procedure=self._billing_rules
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
                agent=self.agent.username,
                at=now,
                procedure=self._billing_rules,
            )

        return self._paradigma_write(cuenta, write, "billing_resent", lambda _: RESEND_CODE)

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
                agent=self.agent.username,
                at=now,
                procedure=self._billing_rules,
            )

        def code(written: Written) -> str | None:
            return TO_DIGITAL_CODE if written.row.delivery == DIGITAL else None

        return self._paradigma_write(cuenta, write, "billing_delivery_changed", code)

    def _paradigma_write(
        self,
        cuenta: int,
        write: Callable[[Session, Account, int | None, datetime], Written],
        done_rule: str,
        code_of: Callable[[Written], str | None],
    ) -> DeliveryChangeDone:
        """One transaction: the access log, the Paradigma row and, in a call about this
        account with a request, the UCC code the action suggests for its typification."""
        now = self._now()
        call = self.active
        in_call = call is not None and call.record.cuenta == cuenta
        call_id = call.call_id if in_call and call is not None else None
        record: CallRecord | None = None
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, access.PARADIGMA)
            written = write(session, account, call_id, now)
            code = code_of(written)
            with_request = call is not None and call.record.state.request is not None
            if call_id is not None and with_request and code is not None:

                def apply(change: CallChange) -> None:
                    change.require_workable()
                    change.set_request_field(SUGGESTED_CODE_FIELD, code)

                record = change_in(session, self._billing_rules, call_id, now, apply)
            done = DeliveryChangeDone(
                message=self._billing_rules.message(done_rule),
                change=change_line(written.row),
                invoice_number=written.invoice.number if written.invoice else None,
            )
        if record is not None:
            done = DeliveryChangeDone(done.message, done.change, done.invoice_number, record)
            self._changed(record)
        return done
