"""SAC030: step 3, SAC recaudo — payments received, applied or not, and the one the
customer says they made.

Intro with a reported payment (date and amount) looks it up: applied, on its
way within the channel's reporting time (told as a date), or to escalate.
Then the "informado" confirmation and the resolution (N opens DIME recaudo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain.procedure.check_ids import ESCALATED
from swat_tui.ui.payment_rows import payment_record, payment_state
from swat_tui.ui.screens.call.call_step import NO, YES, CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView

REPORT_FIELDS = ("fecha", "valor")
DIME_AREA = "recaudo"


class RecaudoScreen(CallStepScreen, PagedScreen, panel="SAC030"):
    """The payments of the call's account; the two checks of the sub-flow."""

    def fill_step(self) -> None:
        account = self.account
        cuenta = self.call.record.cuenta
        self.set_fields(
            {
                "cuenta": str(cuenta or ""),
                "holder": (account.holder_name or "") if account else "",
                "status": account.status if account else "",
            }
        )
        view = self.attempt(lambda: self.desk.recaudo(cuenta)) if cuenta else None
        if view is not None:
            self.set_fields({"upto": payment_state(view)})
            self.show_records([payment_record(line) for line in view.payments])
        for check in self._checks():
            if check.done:
                escalated = (check.result or "").startswith(ESCALATED)
                self.field(check.field).value = NO if escalated else YES
        informed = self._check("inf")
        # The cursor starts where the step is decided; the reported payment is above.
        self.focus_field("ok" if informed is not None and informed.done else "inf")

    def _checks(self) -> list[CheckView]:
        return [v for v in self.desk.step_view(self.PANEL_ID).checks if v.applies]

    def _check(self, field: str) -> CheckView | None:
        return next((v for v in self._checks() if v.field == field), None)

    def field_completed(self, name: str, value: str) -> None:
        if name == "inf":
            self.confirm(self._check("inf"), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        cuenta = self.call.record.cuenta
        if cuenta is None:
            return
        if any(self.field(name).value.strip() for name in REPORT_FIELDS):
            self._look_up(cuenta)
            return
        self.field_completed("inf", self.field("inf").value)
        if self.panel.canvas.message_is_error:
            return
        await self.resolve_or_escalate(self._check("ok"), area=DIME_AREA)

    def _look_up(self, cuenta: int) -> None:
        typed = {name: self.field(name).value for name in REPORT_FIELDS}
        found = self.attempt(
            lambda: self.desk.check_reported_payment(
                cuenta, paid_on=typed["fecha"], amount=typed["valor"]
            ),
            field="valor" if typed["fecha"].strip() else "fecha",
        )
        if found is None:
            return  # what was typed stays, row 24 says why
        for name in REPORT_FIELDS:
            self.field(name).value = ""
        self.set_fields({"found": found.message()})
        self.focus_field("inf")
