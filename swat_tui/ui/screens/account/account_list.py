"""CTA020: the accounts a search found, ten to a page, Opt 5 to open one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.account.service import AccountQuery, SearchPage

OPEN = "5"
QUERY_LABELS = {"cuenta": "Cuenta", "documento": "Documento", "telefono": "Teléfono"}


class AccountListScreen(RRScreen, panel="CTA020"):
    """A subfile of matches; "Más..." while more follow, "Final" on the last page."""

    def __init__(self, query: AccountQuery, page: SearchPage) -> None:
        super().__init__()
        self.search_query = query
        self.page = page

    def fill(self) -> None:
        label = QUERY_LABELS.get(self.search_query.kind, self.search_query.kind)
        self.set_fields(
            {"query": f"{label} {self.search_query.value}", "count": f"{self.page.total} cuentas"}
        )
        self._show()

    def subfile_size(self) -> int:
        subfile = self.display_file.subfile
        assert subfile is not None
        return subfile.size

    def _show(self) -> None:
        records = [
            {
                "cuenta": str(row.cuenta),
                "holder": row.holder_name,
                "document": row.document,
                "city": row.city,
                "status": row.status,
            }
            for row in self.page.rows
        ]
        self.panel.canvas.set_records(records)
        last = self.page.offset + len(self.page.rows) >= self.page.total
        self.set_fields({"more": "Final" if last else "Más..."})
        for index in range(self.subfile_size()):
            opt = self.field(f"o_{index}")
            opt.value = ""
            opt.display = index < len(self.page.rows)
        self.focus_field("o_0")

    def _turn(self, offset: int) -> None:
        page = self.attempt(
            lambda: self.desk.accounts.search(
                self.search_query, offset=offset, limit=self.subfile_size()
            )
        )
        if page is not None:
            self.page = page
            self.clear_errors()
            self._show()

    def action_rr_page_down(self) -> None:
        if self.page.offset + len(self.page.rows) >= self.page.total:
            self.message(messages.text("ui.panel.list_end"), error=True)
            return
        self._turn(self.page.offset + self.subfile_size())

    def action_rr_page_up(self) -> None:
        if self.page.offset == 0:
            self.message(messages.text("ui.panel.list_start"), error=True)
            return
        self._turn(max(0, self.page.offset - self.subfile_size()))

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        chosen = [
            (index, self.field(f"o_{index}").value.strip())
            for index in range(len(self.page.rows))
            if self.field(f"o_{index}").value.strip()
        ]
        if not chosen:
            self.message(messages.text("ui.account.list_pick"), error=True)
            return
        index, option = chosen[0]
        if option != OPEN:
            self.message(messages.text("ui.account.list_option", option=option), error=True)
            self.field(f"o_{index}").mark_error(True)
            self.focus_field(f"o_{index}")
            return
        self.field(f"o_{index}").value = ""
        await self.open_panel("CTA001", self.page.rows[index].cuenta)
