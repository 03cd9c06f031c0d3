"""SAC030: step 3, SAC recaudo — payments received, applied or not, and the one the
customer says they made.

Intro with a reported payment (date and amount) looks it up: applied, on its
way within the channel's reporting time (told as a date), or to escalate.
Then the "informado" confirmation and the resolution (N opens DIME recaudo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.payment_rows import payment_record, payment_state
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.sac.sac_step import SacStepScreen

if TYPE_CHECKING:
    pass

REPORT_FIELDS = ("fecha", "valor")


class RecaudoScreen(SacStepScreen, PagedScreen, panel="SAC030"):
    """The payments of the call's account; the two checks of the sub-flow."""

    DIME_AREA = "recaudo"

    def fill_step(self) -> None:
        cuenta = self.call.record.cuenta
        self.set_fields(self.account_line())
        view = self.attempt(lambda: self.desk.sac.recaudo(cuenta)) if cuenta else None
        if view is not None:
            self.set_fields({"upto": payment_state(view)})
            self.show_records([payment_record(line) for line in view.payments])
        self.show_step_checks()

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        cuenta = self.call.record.cuenta
        if cuenta is None:
            return
        if any(self.field(name).value.strip() for name in REPORT_FIELDS):
            self._look_up(cuenta)
            return
        await self.finish_step()

    def _look_up(self, cuenta: int) -> None:
        typed = {name: self.field(name).value for name in REPORT_FIELDS}
        found = self.attempt(
            lambda: self.desk.sac.check_reported_payment(
                cuenta, paid_on=typed["fecha"], amount=typed["valor"]
            ),
            field="valor" if typed["fecha"].strip() else "fecha",
        )
        if found is None:
            return  # what was typed stays, row 24 says why
        self.clear_typed(*REPORT_FIELDS)
        self.set_fields({"found": found.message()})
        self.focus_step()
