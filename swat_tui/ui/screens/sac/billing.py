"""SAC020: step 3, facturación — the last invoice Paradigma sent and the extra charges
of the last invoices; resend the digital invoice or change how invoices go.

1 resends the last invoice, digital, to the email typed and confirmed (S);
2 changes the delivery (F=física to an address, D=digital to an email). A
refusal stays on row 24 with what was typed. F13+F15 shows the rent and F24+T
the campaigns. "Resuelta en línea" S records the resolution; N opens the
creation of the DIME case for facturación, which records it as escalated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from swat_tui.domain.errors import DomainError
from swat_tui.ui.format import day, hour, pesos
from swat_tui.ui.screens.call.call_step import YES
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.sac.sac_step import SacStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.billing.views import (
        ChargeLine,
        ChargesView,
        DeliveryChangeDone,
        DeliveryChangeLine,
        LastInvoiceView,
    )

RESEND, CHANGE = "1", "2"
ACTION_FIELDS = ("a", "d", "dest", "c")
DELIVERY_NAMES = {"digital": "DIGITAL", "fisica": "FÍSICA"}
# The field a refusal is about (the rule's message -> the field to mark).
RULE_FIELDS = {
    "billing_email_invalid": "dest",
    "billing_address_long": "dest",
    "billing_confirm": "c",
    "billing_delivery_choice": "d",
}


class BillingScreen(SacStepScreen, PagedScreen, panel="SAC020"):
    """The facturación sub-flow: Paradigma, extra charges, two actions, two checks."""

    INFORMED, RESOLVED, DIME_AREA = "ok", "res", "facturacion"

    def __init__(self) -> None:
        super().__init__()
        self.invoice: LastInvoiceView | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.invoice = None

    def fill_step(self) -> None:
        self.set_fields(self.account_line())
        self._paint_billing()
        self.show_step_checks()

    def _paint_billing(self) -> None:
        """The last invoice and the extra charges, as Paradigma has them now."""
        cuenta = self.call.record.cuenta
        if cuenta is None:
            return
        self.invoice = self.attempt(lambda: self.desk.billing.last_invoice(cuenta))
        self.set_fields(_invoice_fields(self.invoice))
        charges = (
            self.attempt(lambda: self.desk.billing.extra_charges(cuenta)) if self.invoice else None
        )
        lines = charges.lines if charges is not None else ()
        self.show_records([_charge(line) for line in lines])
        self.set_fields({"chgsum": _charge_summary(charges)})

    def field_completed(self, name: str, value: str) -> None:
        view = self.account
        if name == "a" and value.strip() == RESEND and view is not None and view.email:
            # The email on file is offered; the agent confirms it (or types another).
            dest = self.field("dest")
            if not dest.value.strip():
                dest.value = view.email
                if dest.has_focus:  # Tab already entered it: what is typed replaces it
                    dest.select_all()
            return
        if name == self.RESOLVED and value.strip().upper() == YES:
            self.confirm(self.step_check(self.RESOLVED), value)
            return
        super().field_completed(name, value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        action = self.field("a").value.strip()
        if action:
            self._run_action(action)
            return
        await self.finish_step()

    def _run_action(self, action: str) -> None:
        """1 or 2 typed in Acción: one intent of the desk; a refusal keeps what was typed."""
        cuenta = self.call.record.cuenta
        if cuenta is None:
            self.message(self.desk.procedure.message("account_first"), error=True)
            return
        destination = self.field("dest").value.strip()
        confirmed = self.field("c").value.strip().upper() == YES
        done: DeliveryChangeDone | None
        if action == RESEND:
            number = self.invoice.number if self.invoice else ""
            done = self._attempt_action(
                lambda: self.desk.billing.resend_invoice(
                    cuenta, number, destination, confirmed=confirmed
                )
            )
        elif action == CHANGE:
            delivery = self.field("d").value.strip()
            done = self._attempt_action(
                lambda: self.desk.billing.change_delivery(
                    cuenta, delivery, destination, confirmed=confirmed
                )
            )
        else:
            self._refuse("billing_action_choice", "a")
            return
        if done is None:
            return
        self.clear_typed(*ACTION_FIELDS)
        self._paint_billing()
        self._paint_call_header()
        self.show_next()
        self.message(done.message)
        self.focus_step()  # what is left is the step's own

    def _attempt_action(self, call: Callable[[], DeliveryChangeDone]) -> DeliveryChangeDone | None:
        """Run the intent; its refusal goes to row 24 and marks the field it is about."""
        try:
            return call()
        except DomainError as error:
            rules = self.desk.procedure
            field = next(
                (f for rule, f in RULE_FIELDS.items() if rules.message(rule) == error.message), "a"
            )
            self.message(error.message, error=True, field=field)
            self.field(field).mark_error(True)
            self.focus_field(field)
            return None

    def _refuse(self, rule: str, field: str) -> None:
        self.message(self.desk.procedure.message(rule), error=True, field=field)
        self.field(field).mark_error(True)
        self.focus_field(field)


def _payment(invoice: LastInvoiceView) -> str:
    if invoice.paid_on is not None:
        return f"PAGADA el {day(invoice.paid_on)}"
    return invoice.payment_status


def _invoice_fields(invoice: LastInvoiceView | None) -> dict[str, str]:
    names = ("number", "period", "issued", "due", "amount", "extra", "paid", "deliv", "sent")
    if invoice is None:
        return {name: "" for name in (*names, "dstat", "sentto", "change")}
    sent = f"{day(invoice.sent_at)} {hour(invoice.sent_at)}" if invoice.sent_at else "sin enviar"
    return {
        "number": invoice.number,
        "period": invoice.period,
        "issued": day(invoice.issued_on),
        "due": day(invoice.due_on),
        "amount": pesos(invoice.amount),
        "extra": pesos(invoice.extra_charges),
        "paid": _payment(invoice),
        "deliv": DELIVERY_NAMES.get(invoice.delivery, invoice.delivery.upper()),
        "sent": sent,
        "dstat": invoice.delivery_status or "",
        "sentto": invoice.sent_to or "",
        "change": _change(invoice.last_change),
    }


def _change(change: DeliveryChangeLine | None) -> str:
    if change is None:
        return ""
    when = f"{day(change.at)} {hour(change.at)}"
    if change.action == "REENVIO":
        return f"Último reenvío {when} a {change.destination} ({change.agent})"
    delivery = DELIVERY_NAMES.get(change.delivery, change.delivery)
    return f"Cambio de entrega {when}: {delivery} a {change.destination} ({change.agent})"


def _charge(line: ChargeLine) -> dict[str, str]:
    """One subfile record: kind, the whole description, date, amount."""
    return {
        "ckind": line.kind_name,
        "cdesc": line.description,
        "cday": day(line.charged_on),
        "camt": pesos(line.amount),
    }


def _charge_summary(charges: ChargesView | None) -> str:
    if charges is None:
        return ""
    if not charges.lines:
        return f"Sin cobros adicionales en las últimas {charges.invoices} facturas."
    count = len(charges.lines)
    noun = "cobro adicional" if count == 1 else "cobros adicionales"
    return f"{count} {noun} en las últimas {charges.invoices} facturas: {pesos(charges.total)}"
