"""PQR020: step 6, desistir — the customer accepts the information and does not file.

The agent reads the user's rights (recurso de reposición and, in subsidio,
apelación before the SIC) and records that the doubt is cleared; both are
checks of the procedure (``data/procedure.toml``), the second needs the first.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import numbered_fields
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView

FILE_SUBFLOW = "radicar"  # data/branch_routes.toml
RIGHTS_LINES = 3
RIGHTS_WIDTH = 76


class PqrDesistScreen(CallStepScreen, panel="PQR020"):
    """Two confirmations, in order; Intro then goes on to the typification."""

    def fill_step(self) -> None:
        from swat_tui.domain.call.scripts import script

        request = self.call.record.state.request
        rights = textwrap.wrap(script("pqr_rights"), RIGHTS_WIDTH)
        self.set_fields(
            {
                **self.account_line(),
                "request": request.description if request else "",
                **numbered_fields("rights", rights, RIGHTS_LINES),
            }
        )
        for check in self._checks():
            self.field(check.field).value = YES if check.done else ""

    def _checks(self) -> list[CheckView]:
        return [v for v in self.desk.call.step_view(self.PANEL_ID).checks if v.applies]

    async def _file_instead(self, insists: str) -> None:
        """The customer does not desist: the request goes on to filing (PQR030)."""
        from swat_tui.domain.procedure.definition import load_routes

        if insists != YES:
            self.message(messages.text("ui.pqr.insists_choice"), error=True, field="ins")
            self.field("ins").mark_error(True)
            return
        if any(v.done and v.field == "des" for v in self._checks()):
            self.message(messages.text("ui.pqr.already_desisted"), error=True, field="ins")
            self.field("ins").mark_error(True)
            return
        route = next(r for r in load_routes().subflows("pqr") if r.subflow == FILE_SUBFLOW)
        if self.write(lambda: self.desk.call.choose_subflow(route.option), field="ins"):
            await self.navigator.show_call_step()

    def field_completed(self, name: str, value: str) -> None:
        if name == "ins":
            return
        self.confirm(next((v for v in self._checks() if v.field == name), None), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        insists = self.field("ins").value.strip().upper()
        if insists:
            await self._file_instead(insists)
            return
        for view in self._checks():
            self.field_completed(view.field, self.field(view.field).value)
            if self.panel.canvas.message_is_error:
                return
        await self.go_on()
