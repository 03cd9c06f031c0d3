"""SAC010: step 3, SAC cartera — what the customer owes, since when, and what they can do.

The panel reads the account's cartera through the desk (masked by the
BLACKLIST rule): the aviso final, the debt by age, the benefits on offer
and whether the customer meets them. Intro records, in this order, what is
typed: a payment commitment, a reconnection request (S), the "informada"
confirmation, and the resolution (S solved on the line; N opens DIME).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day, pesos
from swat_tui.ui.screens.call.call_step import YES
from swat_tui.ui.screens.sac.sac_step import SacStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.sac.benefits import Eligibility
    from swat_tui.domain.sac.cartera import CarteraView

BENEFIT_ROWS = 2
COMMITMENT_FIELDS = ("ben", "fecha", "valor")


class CarteraScreen(SacStepScreen, panel="SAC010"):
    """The cartera of the call's account; the two checks of the sub-flow."""

    DIME_AREA = "cartera"

    def __init__(self) -> None:
        super().__init__()
        self.view: CarteraView | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.view = None

    def fill_step(self) -> None:
        cuenta = self.call.record.cuenta
        self.set_fields(self.account_line())
        self.view = self.attempt(lambda: self.desk.sac.cartera(cuenta)) if cuenta else None
        if self.view is not None:
            self._show(self.view)
        self.show_step_checks()

    def _show(self, view: CarteraView) -> None:
        notice = view.final_notice
        if notice is None:
            notice_text = "Sin aviso final."
        else:
            notice_text = (
                f"desde el {day(notice.issued_on)} por {pesos(notice.amount)}; "
                f"suspensión el {day(notice.suspend_on)}"
            )
        debt = view.debt
        benefit_rows: list[tuple[str, str]] = [_benefit(e) for e in view.benefits]
        if not view.benefits:
            benefit_rows = [("No hay beneficios de pago para esta cuenta.", "")]
        benefit_rows = [*benefit_rows, *([("", "")] * BENEFIT_ROWS)][:BENEFIT_ROWS]
        current = next((c for c in view.commitments if c.status == "VIGENTE"), None)
        self.set_fields(
            {
                "notice": notice_text,
                "cur": pesos(debt.current),
                "d30": pesos(debt.d30),
                "d60": pesos(debt.d60),
                "d90": pesos(debt.d90),
                "total": pesos(view.balance),
                "paid": _paid_line(view),
                **{f"b{i + 1}": row[0] for i, row in enumerate(benefit_rows)},
                **{f"c{i + 1}": row[1] for i, row in enumerate(benefit_rows)},
                "commit": (
                    f"Compromiso vigente: {pesos(current.amount)} a más tardar el "
                    f"{day(current.promised_on)}"
                    + (f" ({current.benefit})" if current.benefit else "")
                    if current is not None
                    else ""
                ),
                "recon": _reconnection_line(view),
            }
        )
        # Only a paid account not reconnected takes the S: elsewhere the field takes nothing.
        self.field("rc").disabled = view.reconnection is not None or not view.reconnection_due

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        cuenta = self.call.record.cuenta
        if cuenta is None or self.view is None:
            return
        if any(self.field(name).value.strip() for name in COMMITMENT_FIELDS):
            self._commit(cuenta)
            return
        if self.field("rc").value.strip():
            self._reconnect(cuenta)
            return
        await self.finish_step()

    def _commit(self, cuenta: int) -> None:
        typed = {name: self.field(name).value for name in COMMITMENT_FIELDS}
        line = self.attempt(
            lambda: self.desk.sac.commit_payment(
                cuenta, benefit=typed["ben"], promised_on=typed["fecha"], amount=typed["valor"]
            ),
            field="valor" if typed["valor"].strip() else "fecha",
        )
        if line is None:
            return  # what was typed stays, row 24 says why
        self.fill()
        self.clear_typed(*COMMITMENT_FIELDS)
        amount, due = pesos(line.amount), day(line.promised_on)
        self.message(messages.text("ui.sac.commitment_registered", amount=amount, due=due))
        self.focus_step()

    def _reconnect(self, cuenta: int) -> None:
        if self.field("rc").value.strip().upper() != YES:
            self.message(messages.text("ui.sac.reconnection_choice"), error=True, field="rc")
            self.field("rc").mark_error(True)
            return
        number = self.attempt(lambda: self.desk.sac.request_reconnection(cuenta), field="rc")
        if number is None:
            return
        self.fill()
        self.clear_typed("rc")
        self.message(messages.text("ui.sac.reconnection_requested", number=number))
        self.focus_step()


def _benefit(eligibility: Eligibility) -> tuple[str, str]:
    benefit = eligibility.benefit
    verdict = "CUMPLE" if eligibility.met else "NO CUMPLE"
    detail = benefit.condition if eligibility.met else f"No cumple: {eligibility.reason}"
    return f"{benefit.code:<9}{benefit.name:<52}{verdict}", detail


def _paid_line(view: CarteraView) -> str:
    if view.reconnection_due:
        return "Pagó el total y no fue reconectada (CANCELADO CREDITO): puede reconectarla."
    if view.paid_in_full:
        return "Cuenta al día: no tiene deuda pendiente."
    days = view.days_past_due
    if not days:
        return f"Debe {pesos(view.balance)}, que aún no vence: no está en mora."
    return f"Debe {pesos(view.balance)}; la factura más antigua lleva {days} días vencida."


def _reconnection_line(view: CarteraView) -> str:
    if view.reconnection is not None:
        return f"Reconexión pendiente: orden {view.reconnection}"
    if view.reconnection_due:
        return "Digite S para generar la orden de reconexión."
    return "No aplica (solo CANCELADO CREDITO)."
