"""The SAC area of the desk: cartera and recaudo.

Each intent is one transaction: the account is read through the BLACKLIST
gate and the access is logged; a write (a payment commitment, a reconnection
order) also sets, in the same transaction, the typification the path
suggests for the call's request. A refusal raises ``DomainError`` and writes
nothing.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.sac.cartera import CarteraView, CommitmentLine, cartera_in
from swat_tui.domain.sac.commitment import VIGENTE, check_commitment
from swat_tui.domain.sac.inputs import parse_amount, parse_day
from swat_tui.domain.sac.recaudo import (
    Finding,
    RecaudoView,
    ReportedPayment,
    find_reported,
    payment_line,
)
from swat_tui.store.models import PaymentCommitment, Reconnection
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import cartera as queries

# The typification each cartera and recaudo action suggests: data/actions.toml.
COMMITMENT_CODE = load_actions().action("sac_commitment").suggested()
RECONNECTION_CODE = load_actions().action("sac_reconnection").suggested()
PAYMENT_APPLIED_CODE = load_actions().action("sac_payment").suggested(Finding.APPLIED.value)
PAYMENT_PENDING_CODE = load_actions().action("sac_payment").suggested(Finding.PENDING.value)


class SacIntents(AreaService, area="sac"):
    """Cartera and recaudo, through the desk's gate, one transaction each."""

    def _today(self) -> date:
        return self.ctx.now().astimezone(BOGOTA).date()

    def _call(self, cuenta: int) -> ActiveCall:
        call = self.ctx.call_of(cuenta)
        if call is None:
            raise refusal("sac.outside_call")
        return call

    # -- cartera ------------------------------------------------------------------------

    def cartera(self, cuenta: int) -> CarteraView:
        """SAC010: debt by age, aviso final, benefits, commitments, reconnection."""
        with self.ctx.transaction() as tx:
            tx.account(cuenta, "CARTERA")
            return cartera_in(tx.session, cuenta, self._today())

    def commit_payment(
        self, cuenta: int, *, benefit: str, promised_on: str, amount: str
    ) -> CommitmentLine:
        """The customer agrees to pay ``amount`` by ``promised_on`` (under a benefit or not)."""
        ctx, call = self.ctx, self._call(cuenta)
        today = self._today()
        with ctx.transaction() as tx:
            tx.account(cuenta, "CARTERA")
            view = cartera_in(tx.session, cuenta, today)
            form = check_commitment(
                view, benefit=benefit, promised_on=promised_on, amount=amount, today=today
            )
            row = queries.add_commitment(
                tx.session,
                PaymentCommitment(
                    cuenta=cuenta,
                    call_id=call.call_id,
                    benefit=form.benefit.code if form.benefit else None,
                    promised_on=form.promised_on,
                    amount=form.amount,
                    status=VIGENTE,
                    created_at=ctx.now(),
                    agent=ctx.agent.username,
                ),
            )

            def committed(change: CallChange) -> str:
                change.action(
                    "sac.commit_payment",
                    str(row.id),
                    promised_on=row.promised_on.isoformat(),
                    amount=row.amount,
                )
                return COMMITMENT_CODE

            tx.change_call(committed)
        return CommitmentLine(row.benefit, row.promised_on, row.amount, row.status, row.agent)

    def request_reconnection(self, cuenta: int) -> str:
        """CANCELADO CREDITO (paid, not reconnected): a reconnection order; its number."""
        ctx, call = self.ctx, self._call(cuenta)
        with ctx.transaction() as tx:
            tx.account(cuenta, "CARTERA")
            view = cartera_in(tx.session, cuenta, self._today())
            if view.reconnection is not None:
                raise refusal("sac.reconnection_pending", number=view.reconnection)
            if not view.reconnection_due:
                raise refusal("sac.reconnection_not_due")
            number = queries.next_reconnection_number(tx.session)
            queries.add_reconnection(
                tx.session,
                Reconnection(
                    number=number,
                    cuenta=cuenta,
                    call_id=call.call_id,
                    status="PENDIENTE",
                    requested_at=ctx.now(),
                    agent=ctx.agent.username,
                ),
            )

            def requested(change: CallChange) -> str:
                change.action("sac.request_reconnection", number)
                return RECONNECTION_CODE

            tx.change_call(requested)
        return number

    # -- recaudo --------------------------------------------------------------------------

    def recaudo(self, cuenta: int) -> RecaudoView:
        """SAC030 and F21+F18: the payments received, applied or not, and the balance."""
        with self.ctx.transaction() as tx:
            tx.account(cuenta, "RECAUDO")
            return _recaudo_in(tx.session, cuenta)

    def check_reported_payment(self, cuenta: int, *, paid_on: str, amount: str) -> ReportedPayment:
        """The payment the customer says they made: applied, on its way, or to escalate."""
        when = parse_day(paid_on, label="Fecha del pago")
        pesos = parse_amount(amount, label="Valor pagado")
        today = self._today()
        if when > today:
            raise refusal("sac.payment_date_future")
        call = self.ctx.call_of(cuenta)
        with self.ctx.transaction() as tx:
            tx.account(cuenta, "RECAUDO")
            view = _recaudo_in(tx.session, cuenta)
            found = find_reported(view.payments, paid_on=when, amount=pesos, today=today)
            code = _finding_code(found)
            if call is not None:

                def checked(change: CallChange) -> str | None:
                    change.action("sac.check_reported_payment", found.finding.value)
                    return code or None

                tx.change_call(checked)
        return found


def _recaudo_in(session: Session, cuenta: int) -> RecaudoView:
    account = account_queries.get_account(session, cuenta=cuenta)
    assert account is not None
    payments = tuple(payment_line(p) for p in queries.payments_of(session, cuenta=cuenta))
    return RecaudoView(cuenta, account.balance, payments)


def _finding_code(found: ReportedPayment) -> str:
    return {Finding.APPLIED: PAYMENT_APPLIED_CODE, Finding.PENDING: PAYMENT_PENDING_CODE}.get(
        found.finding, ""
    )
