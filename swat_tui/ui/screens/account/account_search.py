"""CTA010: search an account by cuenta, document or phone."""

from __future__ import annotations

from swat_tui.domain import messages
from swat_tui.ui.screens.base import RRScreen

KINDS = {"1": "cuenta", "2": "documento", "3": "telefono"}


class AccountSearchScreen(RRScreen, panel="CTA010"):
    """One match opens the account panel; several open the list (CTA020)."""

    def fill(self) -> None:
        self.field("by").value = "1"
        self.focus_field("value")

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        kind = KINDS.get(self.field("by").field_value)
        if kind is None:
            self.message(messages.text("ui.account.search_by"), error=True)
            self.field("by").mark_error(True)
            self.focus_field("by")
            return
        from swat_tui.domain.account.query import parse_query

        query = self.attempt(
            lambda: parse_query(kind, self.field("value").field_value), field="value"
        )
        if query is None:
            return
        page = self.attempt(lambda: self.desk.accounts.search(query), field="value")
        if page is None:
            return
        if page.total == 1:
            await self.open_panel("CTA001", page.rows[0].cuenta)
        else:
            await self.open_panel("CTA020", query, page)
