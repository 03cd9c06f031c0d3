"""SUP010: a supervisor follows an agent's call in progress (Confirmación de proceso).

Read-only: the agent's panel, the account as the BLACKLIST rule lets the agent
see it, the procedure guide and the last events, all rebuilt by the domain from
the store and the call's events; read again every second in a thread worker (the
UI never waits on the store). When the call ends the last view stays, and F6
opens the checklist (SUP011) at any time. The floor view (SUP001) opens this panel
with the agent's user name.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.followed_lines import blank_values, view_values
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from textual.timer import Timer

    from swat_tui.domain.call.followed import FollowedCall
    from swat_tui.domain.procedure.guide import GuideView

EVERY_S = 1.0


class FollowCallScreen(RRScreen, panel="SUP010"):
    """``username``'s call, as the store has it now."""

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username.strip().upper()
        self.call: FollowedCall | None = None
        self.since: datetime | None = None  # when following began (the practice's start)
        self._timer: Timer | None = None
        self._announced = False
        self._painted = False

    def fill(self) -> None:
        self.since = self.rr_app.now()
        self.set_fields(blank_values())
        self.message(messages.text("ui.confirm.following", username=self.username))
        self.read()
        if self._timer is None:
            self._timer = self.set_interval(EVERY_S, lambda: self.read(when_idle=True))

    def on_unmount(self) -> None:
        """Closed: no more reading the store for it."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def returned(self) -> None:
        self.read()

    def action_rr_refresh(self) -> None:
        """F5: read the call now."""
        self.clear_errors()
        self.message(messages.text("ui.confirm.refreshed"))
        self.read()

    def read(self, *, when_idle: bool = False) -> None:
        """Read the call in a worker; it paints when done (a refusal or a busy store on
        row 24: the next second reads again). The timer's read (``when_idle``) waits
        for one still under way."""
        supervisor = self.rr_app.supervisor
        if supervisor is None:  # signed off while the timer was due
            return
        follow, username, since = supervisor.follow, self.username, self.since
        read_in_worker(
            self, lambda: follow.live(username, since=since), self.paint, when_idle=when_idle
        )

    def paint(self, call: FollowedCall | None) -> None:
        """Show ``call`` (None: no call yet, said on row 24)."""
        if not self.is_attached:  # closed while the worker read
            return
        had = self.call
        self.call = call
        if call is None:
            self.set_fields(blank_values())
            self.set_fields({"who": f"Asesor {self.username}"})
            if had is not None or not self._painted:
                self.message(messages.text("ui.confirm.no_call", username=self.username))
        else:
            self.set_fields(view_values(call, self.rr_app.now()))
            if not call.live and not self._announced:
                self._announced = True
                self.message(messages.text("ui.confirm.ended"))
        self._painted = True
        self.refresh_guide()
        if (had is None) != (call is None):
            self.refresh_legend()

    def guide_view(self) -> GuideView:
        """The wide column shows the followed call's guide, as its agent sees it."""
        if self.call is not None:
            return self.call.guide
        return super().guide_view()

    def key_refusal(self, key_id: str) -> str | None:
        if key_id == "confirm" and self.call is None:
            return messages.text("ui.confirm.nothing_to_confirm")
        return super().key_refusal(key_id)

    async def action_rr_confirm(self) -> None:
        """F6: the checklist of the call followed (SUP011)."""
        call = self.call
        if call is None:
            self.message(messages.text("ui.confirm.nothing_to_confirm"), error=True)
            return
        started = self.since or self.rr_app.now()
        await self.open_panel("SUP011", call, started, True, self._recorded)

    def _recorded(self, said: str) -> None:
        self.message(said)
