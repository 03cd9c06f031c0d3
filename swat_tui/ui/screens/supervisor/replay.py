"""SUP013: a call replayed panel by panel from its events (Repaso de llamada), for
coaching: the same view as SUP010 at each change of the agent's panel. RePág and
AvPág move between panels; F6 records a confirmation of the call (not live)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.followed_lines import LINE, view_values
from swat_tui.ui.format import clip, local
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.call.followed import FollowedCall
    from swat_tui.domain.procedure.guide import GuideView


class ReplayScreen(RRScreen, panel="SUP013"):
    """The frames of one call (read by SUP012), starting at the first."""

    def __init__(self, frames: tuple[FollowedCall, ...]) -> None:
        super().__init__()
        self.frames = frames
        self.index = 0
        self.started: datetime | None = None

    def fill(self) -> None:
        self.started = self.rr_app.now()
        self._show(0)

    def _show(self, index: int) -> None:
        self.index = index
        frame = self.frames[index]
        self.set_fields(view_values(frame, self.rr_app.now()))
        at = frame.until or self.rr_app.now()
        self.set_fields(
            {
                "frame": clip(
                    f"Repaso · panel {index + 1} de {len(self.frames)} · {local(at):%H:%M:%S}",
                    LINE,
                )
            }
        )
        self.message(
            messages.text("ui.confirm.replay_frame", frame=index + 1, frames=len(self.frames))
        )
        self.refresh_guide()

    def guide_view(self) -> GuideView:
        return self.frames[self.index].guide

    def action_rr_page_down(self) -> None:
        """AvPág: the next panel the agent saw."""
        if self.index + 1 >= len(self.frames):
            self.message(messages.text("ui.confirm.replay_last"), error=True)
            return
        self._show(self.index + 1)

    def action_rr_page_up(self) -> None:
        """RePág: the panel before."""
        if self.index == 0:
            self.message(messages.text("ui.confirm.replay_first"), error=True)
            return
        self._show(self.index - 1)

    async def action_rr_confirm(self) -> None:
        """F6: the checklist of the whole call (SUP011), recorded as not live."""
        started = self.started or self.rr_app.now()
        await self.open_panel("SUP011", self.frames[-1], started, False, self.message)
