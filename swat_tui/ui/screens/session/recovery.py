"""REC001: calls a crash left open — resume one where it stopped, or close it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day, hour
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.call.views import CallRecord

RESUME, ABANDON = "1", "4"


class RecoveryScreen(PagedScreen, panel="REC001"):
    """Shown after sign-on when the agent has calls that never ended."""

    def __init__(self, calls: list[CallRecord]) -> None:
        super().__init__()
        self.calls_open = calls

    def fill(self) -> None:
        self.show_records(
            [
                {
                    "call": str(record.id),
                    "started": f"{day(record.started_at)} {hour(record.started_at)}",
                    "ani": record.ani,
                    "cuenta": str(record.cuenta or "-"),
                    "st": str(record.state.step),
                    "caller": record.caller_name or "",
                }
                for record in self.calls_open
            ]
        )
        self.message(messages.text("ui.session.recovery_open", count=len(self.calls_open)))

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        for index in range(min(self.page_size, len(self.calls_open) - self.page_offset)):
            option = self.field(f"o_{index}").value.strip()
            if not option:
                continue
            record = self.calls_open[self.page_offset + index]
            if option == RESUME:
                await self.navigator.resume_call(record)
                return
            if option == ABANDON:
                closed = self.attempt(partial(self.desk.close_interrupted, record))
                if closed is not None:
                    told = self.desk.procedure.message("call_closed_abandoned", number=closed.id)
                    self.calls_open.remove(record)
                    self.field(f"o_{index}").value = ""
                    if not self.calls_open:
                        await self.app.pop_screen()
                        below = self.app.screen
                        if isinstance(below, RRScreen):
                            below.message(told)  # the menu confirms what was done
                        return
                    self.fill()
                    self.message(told)
                return
            self.message(messages.text("ui.session.recovery_option", option=option), error=True)
            self.field(f"o_{index}").mark_error(True)
            return
        self.message(messages.text("ui.session.recovery_pick"), error=True)
