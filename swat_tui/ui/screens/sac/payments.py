"""SAC031: F21 then F18 — the account's payments, newest first, applied or not."""

from __future__ import annotations

from swat_tui.domain import messages
from swat_tui.ui.payment_rows import payment_record, payment_state
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.paged import PagedScreen


class PaymentsScreen(AccountSubpanel, PagedScreen, panel="SAC031"):
    """Read only; the desk refuses it while the BLACKLIST rule masks the account."""

    def fill(self) -> None:
        view = self.attempt(lambda: self.desk.sac.recaudo(self.cuenta))
        if view is None:
            return
        self.set_fields({**self.account_fields(), "upto": payment_state(view)})
        self.show_records([payment_record(line) for line in view.payments])
        if not view.payments:
            self.message(messages.text("ui.sac.no_payments"))
