"""SAC031: F21 then F18 — the account's payments, newest first, applied or not."""

from __future__ import annotations

from swat_tui.ui.payment_rows import payment_record, payment_state
from swat_tui.ui.screens.paged import PagedScreen


class PaymentsScreen(PagedScreen, panel="SAC031"):
    """Read only; the desk refuses it while the BLACKLIST rule masks the account."""

    def __init__(self, cuenta: int, holder: str = "") -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder

    def fill(self) -> None:
        view = self.attempt(lambda: self.desk.recaudo(self.cuenta))
        if view is None:
            return
        self.set_fields(
            {"cuenta": str(self.cuenta), "holder": self.holder, "upto": payment_state(view)}
        )
        self.show_records([payment_record(line) for line in view.payments])
        if not view.payments:
            self.message("La cuenta no tiene pagos registrados.")
