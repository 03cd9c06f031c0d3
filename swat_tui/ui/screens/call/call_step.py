"""What the panels of a call share: the call header, saving fields, moving on.

Every completed field (Tab out of it, or Intro) is written by the call
service at once, so a killed process loses nothing typed before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from swat_tui.ui.call_session import clock_text
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.widgets.rr_field import RRField

YES, NO = "S", "N"  # what the agent types to confirm a check, as on RR

if TYPE_CHECKING:
    from swat_tui.domain.call import CallService
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.ui.call_session import ActiveCall


class CallStepScreen(RRScreen):
    """A panel of the guided call; subclasses fill ``fill_step`` and ``submit``."""

    @property
    def call(self) -> ActiveCall:
        call = self.rr_app.call
        assert call is not None, "no call in progress"
        return call

    @property
    def calls(self) -> CallService:
        return self.services.calls

    def fill(self) -> None:
        self._paint_call_header()
        self.fill_step()
        self.show_next()

    def fill_step(self) -> None:
        """Fill this step's fields from the call record."""

    def _paint_call_header(self) -> None:
        record = self.call.record
        self.set_fields(
            {
                "call": str(record.id),
                "ani": record.ani,
                "queue": record.queue,
                "step": f"{record.state.step} de 8",
                "talk": clock_text(self.call.talk_seconds(self.rr_app.now())),
            }
        )

    def paint_header(self) -> None:
        super().paint_header()
        if self.rr_app.call is not None and "talk" in self.display_file.fields:
            self.set_fields({"talk": clock_text(self.call.talk_seconds(self.rr_app.now()))})

    def show_next(self) -> None:
        """The one next thing the procedure asks, on the panel's "Siguiente" line."""
        self.set_fields({"next": self.rr_app.guide_view().next_action})
        self.rr_app.refresh_guide()

    def write(self, change: Callable[[], CallRecord], *, field: str | None = None) -> bool:
        """Apply one call change through the service; errors go to row 24."""
        record = self.attempt(change, field=field)
        if record is None:
            return False
        self.rr_app.call_changed(record)
        self._paint_call_header()
        self.show_next()
        return True

    def on_rr_field_left(self, event: RRField.Left) -> None:
        """A field is complete when the cursor leaves it: save it now.

        A panel that is no longer in front saved its field when it was covered
        (``on_screen_suspend``) or left by Intro; and once the call has ended
        there is nothing to save.
        """
        if self.is_current and self.rr_app.call is not None:
            self.field_completed(event.field.spec.name, event.value)

    def field_completed(self, name: str, value: str) -> None:
        """Save one field; subclasses map field names to call changes."""

    def on_screen_suspend(self) -> None:
        """Another panel comes on top (F2, F7, F22...): keep the field being typed."""
        focused = self.focused
        if isinstance(focused, RRField) and self.rr_app.call is not None:
            self.field_completed(focused.spec.name, focused.value)

    async def go_on(self) -> None:
        """Advance the procedure and show the panel of the new step."""
        if self.write(lambda: self.calls.advance(self.call.call_id)):
            await self.rr_app.show_call_step()

    async def action_rr_notes(self) -> None:
        """F7 in a call: reading the special notes is a step-2 check on a blacklist."""
        from swat_tui.ui.screens.account.special_notes import SpecialNotesScreen

        cuenta = self.call.record.cuenta
        if cuenta is None:
            self.message("Abra primero la cuenta (paso 1).", error=True)
            return
        await self.open(SpecialNotesScreen(cuenta, self._holder(), on_read=self._notes_read))

    def _notes_read(self) -> None:
        record = self.call.record
        state = record.state
        if "blacklist" in state.flags and state.mark_for("notas_f7_leidas", 0) is None:
            self.write(lambda: self.calls.record_check(record.id, "notas_f7_leidas", "leídas"))

    async def action_rr_inventory(self) -> None:
        """F10 in a call: services and equipment, once the blacklist rule allows it."""
        from swat_tui.domain.procedure import engine
        from swat_tui.ui.screens.account.inventory import InventoryScreen

        cuenta = self.call.record.cuenta
        if cuenta is None:
            self.message("Abra primero la cuenta (paso 1).", error=True)
            return
        if not engine.may_show_personal_data(self.call.record.state):
            self.message(
                "BLACKLIST: no dé información hasta leer F7 y validar la identidad.", error=True
            )
            return
        await self.open(InventoryScreen(cuenta, self._holder()))

    def _holder(self) -> str:
        from swat_tui.domain.procedure import engine

        view = self.call.account
        if view is None or not engine.may_show_personal_data(self.call.record.state):
            return ""
        return view.holder_name or ""

    def returned(self) -> None:
        """Back from F7, F10 or F22: the call may have changed."""
        if self.rr_app.call is not None:
            self.refresh_account()
            self.fill()

    def refresh_account(self) -> None:
        """Re-read the account once the blacklist rule lets its details show."""
        from swat_tui.domain.procedure import engine

        record = self.call.record
        view = self.call.account
        if record.cuenta is None or view is None or view.details_visible:
            return
        if engine.may_show_personal_data(record.state) or record.state.mark_for(
            "notas_f7_leidas", 0
        ):
            agent = self.rr_app.agent.username if self.rr_app.agent else ""
            self.call.account = self.services.accounts.open_panel(
                record.cuenta, agent=agent, notes_read=True
            )

    async def action_rr_exit(self) -> None:
        """F3 during a call: the call stays open; the menu offers to return to it."""
        await self.rr_app.exit_to_menu()
