"""What the panels of a call share: the call header, saving fields, moving on.

Every completed field (Tab out of it, or Intro) is written through the desk
at once, so a killed process loses nothing typed before it. What the panel
shows of the account is the desk's view, already masked by the BLACKLIST rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar

from swat_tui.domain.errors import refusal
from swat_tui.ui.format import clock_text
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.keeps_typed import KeepsTyped
from swat_tui.ui.widgets.rr_field import RRField

YES, NO = "S", "N"  # what the agent types to confirm a check, as on RR

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.desk.active_call import ActiveCall
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.procedure.step_view import CheckView


class CallStepScreen(KeepsTyped):
    """A panel of the guided call; subclasses fill ``fill_step`` and ``submit``."""

    # Plain data (the caller's name...) a function key leaving the panel saves as the
    # cursor leaving it would; every other field is only kept as typed then, since
    # leaving a panel never records a check nor starts an action.
    SAVED_ON_LEAVE: ClassVar[frozenset[str]] = frozenset()

    @property
    def call(self) -> ActiveCall:
        call = self.desk.active
        if call is None:  # a key reached the panel after the line went down
            raise refusal("call.none_in_progress")
        return call

    @property
    def account(self) -> AccountPanelView | None:
        """The call's account as the rule lets the agent see it now."""
        return self.call.account

    def shown_account(self) -> int | None:
        """A step's panel shows the call's account (once opened)."""
        call = self.rr_app.desk.active if self.rr_app.desk is not None else None
        return call.record.cuenta if call is not None else None

    @property
    def in_call(self) -> bool:
        desk = self.rr_app.desk
        return desk is not None and desk.active is not None

    def fill(self) -> None:
        self._paint_call_header()
        self.fill_step()
        self.restore_typed()
        self.show_next()

    def recorded(self, name: str) -> bool:
        """A check's field shows the recorded check (S, how the identity was validated),
        whatever was typed in it before; a field an action records (a PQR's motive) still
        shows what was typed."""
        view = self.desk.call.step_view(self.PANEL_ID).by_field(name)
        return view is not None and view.done and view.check.entry != "action"

    def fill_step(self) -> None:
        """Fill this step's fields from the call record."""

    def _paint_call_header(self) -> None:
        record = self.call.record
        self.set_present_fields(
            {
                "call": str(record.id),
                "ani": self.desk.outbound.shown_number(record.ani),
                "queue": record.queue,
                "step": f"{record.state.step} de 8",
                "talk": self._call_clock(),
            }
        )

    def _call_clock(self) -> str:
        """Row 3's timer: the same clock as row 2's softphone timer (from the answer,
        hold included); SFT001 shows talk and hold apart."""
        return clock_text(self.desk.phone.call_elapsed(self.rr_app.now()).total_seconds())

    def paint_header(self) -> None:
        super().paint_header()
        if self.in_call and "talk" in self.display_file.fields:
            self.set_fields({"talk": self._call_clock()})

    def show_next(self) -> None:
        """The one next thing the procedure asks, on the panel's "Siguiente" line."""
        self.set_present_fields({"next": self.guide_view().next_action})
        self.refresh_guide()

    def guide_view(self) -> GuideView:
        return self.rr_app.guide_view(self.typed_checks() if self.in_call else frozenset())

    def typed_checks(self) -> frozenset[str]:
        """Pending checks whose input this panel holds typed, recorded by Intro."""
        return frozenset()

    def applying_check(self, name: str) -> CheckView | None:
        """The check field ``name`` of this panel records, when the call asks it now."""
        view = self.desk.call.step_view(self.PANEL_ID).by_field(name)
        return view if view is not None and view.applies else None

    def typed_yes(self, *names: str) -> frozenset[str]:
        """The pending checks of ``names`` whose field holds S: Intro records them."""
        checks = (self.applying_check(name) for name in names)
        return frozenset(
            check.check.id
            for check in checks
            if check is not None
            and not check.done
            and self.field(check.field).value.strip().upper() == YES
        )

    def on_rr_field_changed(self, event: RRField.Changed) -> None:
        """A key changed a field: what depends on it is recomputed now, not at Intro."""
        if self.in_front and self.in_call:
            self.field_typed(event.field.spec.name, event.value)

    def field_typed(self, name: str, value: str) -> None:
        """Subclasses repaint what the field being typed decides; "Siguiente" always."""
        self.show_next()

    def write(
        self,
        change: Callable[[], CallRecord],
        *,
        field: str | None = None,
        fields: Mapping[str, str] | None = None,
        read_again: Callable[[], str | None] | None = None,
    ) -> bool:
        """Run one intent of the desk; a refusal goes to row 24 and changes nothing, with
        the cursor on ``field`` or the field ``fields`` names for the refusal's code
        (``read_again``: as ``attempt`` says, for a record changed meanwhile)."""
        shown = self.account
        record = self.attempt(change, field=field, fields=fields, read_again=read_again)
        if record is None:
            return False
        if self.panel.canvas.message_is_error and self.message_field in (None, field):
            self.message("")  # the refusal shown no longer holds: the state moved on
        self._paint_call_header()
        if self.account is not shown:
            self.paint_account()  # the rule now shows more (or less) of the account
        self.show_next()
        return True

    def paint_account(self) -> None:
        """Paint the account's fields from the desk's view (panels that show it)."""

    def on_rr_field_left(self, event: RRField.Left) -> None:
        """A field is complete when the cursor leaves it on the panel (Tab, an arrow):
        the panel records what it means (a check, the caller's data) now.

        A field left because the panel was covered or left (a function key, F14)
        is only kept as typed (``KeepsTyped``): leaving a panel records nothing.
        """
        if self.in_front and self.in_call:
            self.field_completed(event.field.spec.name, event.value)
            if self.in_call:
                self.show_next()  # what is typed may leave only Intro to press

    def field_completed(self, name: str, value: str) -> None:
        """Save one field; subclasses map field names to call changes."""

    def confirm(self, view: CheckView | None, value: str) -> None:
        """An S typed in a check's field records it (once); anything else typed is
        refused on row 24 with the field marked. An empty field waits."""
        text = value.strip().upper()
        if view is None or not text:
            return
        if text != YES:
            self.message(self.desk.procedure.message("confirm_done"), error=True)
            self.field(view.field).mark_error(True)
            return
        if not view.done:
            check = view.check
            self.write(
                lambda: self.desk.call.record_check(check.id, check.result), field=view.field
            )

    def leaving(self, rr_field: RRField) -> None:
        """Covered or left by a function key: keep what is typed; plain data is saved."""
        super().leaving(rr_field)
        name = rr_field.spec.name
        if name in self.SAVED_ON_LEAVE and self.in_call and not self._moving_on:
            self.field_completed(name, rr_field.value)

    async def go_on(self) -> None:
        """Advance the procedure and show the panel of the new step; refused, the cursor
        goes to the field of what the step still asks here (not left where it was)."""
        if self.write(self.desk.call.advance):
            self._moving_on = True  # Intro recorded this panel: nothing left to keep
            await self.navigator.show_call_step()
            return
        first = next(
            (v for v in self.desk.call.step_view(self.PANEL_ID).checks if v.applies and not v.done),
            None,
        )
        name = first.check.field if first is not None else None
        spec = self.display_file.fields.get(name) if name is not None else None
        if name is None or spec is None or not spec.is_input:
            return  # recorded by a key or an action (F7, an order), not typed here
        if self._can_type_in(self.field(name)):
            self.message_field = name
            self.field(name).mark_error(True)

    async def action_rr_cancel(self) -> None:
        """F12 in a call: back to the panel before this one, never out of the call. A
        panel opened on top of the step's (F22, 5 on a PQR) closes; a sub-flow's panel
        goes back to its branch's entry panel (LLM003), to choose another; LLM001 goes to
        the softphone the call was answered on. A step's first panel says so on row 24."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        if not (isinstance(below, RRScreen) and below.PANEL_ID == "MNU001"):
            await super().action_rr_cancel()
            return
        if self.PANEL_ID == "LLM001":
            await self.open_panel("SFT001")
            return
        entry = self.desk.call.entry_panel()
        if entry is not None and self.desk.call.step_panel() == self.PANEL_ID:
            await self.navigator.switch_panel(entry, keep=True)
            return
        self.message(self.desk.procedure.message("no_previous_panel"), error=True)

    async def action_rr_notes(self) -> None:
        """F7 in a call: the desk records the reading when the rule asks for it."""
        cuenta = self.call.record.cuenta
        if cuenta is None:
            self.message(self.desk.procedure.message("account_first"), error=True)
            return
        await self.open_panel("NTS001", cuenta, self._holder())

    async def action_rr_inventory(self) -> None:
        """F10 in a call: services and equipment, once the rule allows it."""
        await self._open_account_panel("INV001")

    async def _open_account_panel(self, panel_id: str, **options: str) -> None:
        """A read-only panel of the call's account (F10, F13+F15, F24+T, F21+F18, F9),
        once the BLACKLIST rule allows its data."""
        cuenta = self.call.record.cuenta
        if cuenta is None:
            self.message(self.desk.procedure.message("account_first"), error=True)
            return
        view = self.account
        if view is not None and not view.details_visible:
            self.message(self.desk.gate.refusal(cuenta), error=True)
            return
        await self.open_panel(panel_id, cuenta, self._holder(), **options)

    async def action_rr_rent(self) -> None:
        """F13 then F15: the monthly rent, its parts and how it changed."""
        await self._open_account_panel("SAC021")

    async def action_rr_campaigns(self) -> None:
        """F24 then T: the discount campaigns in force and the ones on offer."""
        await self._open_account_panel("SAC022")

    async def action_rr_payments(self) -> None:
        """F21 then F18: the payments received, their channel and whether applied."""
        await self._open_account_panel("SAC031")

    async def action_rr_dime(self) -> None:
        """F9: the account's DIME cases with their follow-up notes."""
        await self._open_account_panel("DIM001")

    async def action_rr_diagnostics(self) -> None:
        """F8: the Diagnosticador of the call's account (modem, decoders, neighbours, avisos)."""
        await self._open_account_panel("DIA010")

    async def action_rr_new_lls(self) -> None:
        """F23: a new LLS (maintenance call) for the call's account."""
        await self._new_visit("LLS")

    async def action_rr_work_order(self) -> None:
        """F15 then F6: a new OT (work order) for the call's account."""
        await self._new_visit("OT")

    async def _new_visit(self, kind: str) -> None:
        """VIS020 for a new order; refused at the key (not after the form is filled) while
        the node has an open mass aviso, which rules a visit out."""
        cuenta = self.call.record.cuenta
        if cuenta is not None:
            view = self.attempt(lambda: self.desk.visit.orders(cuenta))
            if view is None:
                return
            if view.aviso:
                self.message(view.aviso_message, error=True)
                return
        await self._open_account_panel("VIS020", kind=kind)

    async def open_front(self, front: str) -> None:
        """Open again the panel the agent had on top of this one when the session died
        (``CallState.front``: "VIS020 kind=LLS"); a name that is not such a panel is
        ignored."""
        panel_id, *pairs = front.split()
        cuenta = self.call.record.cuenta
        if cuenta is None or not self.navigator.reopens_in_front(panel_id):
            return
        options = dict(pair.split("=", 1) for pair in pairs if "=" in pair)
        await self.open_panel(panel_id, cuenta, self._holder(), **options)

    async def resolve_or_escalate(self, view: CheckView | None, *, area: str) -> None:
        """A SAC panel's last question, "Resuelta en línea": S records the check and goes
        on; N opens DIM010 for ``area`` (data/dime_areas.toml), whose case records the
        check escalated. A check already recorded just goes on."""
        if view is None:
            return
        if not view.done:
            answer = self.field(view.field).value.strip().upper()
            if answer not in (YES, NO):
                self.message(self.desk.procedure.message("resolved_choice"), error=True)
                self.field(view.field).mark_error(True)
                return
            cuenta = self.call.record.cuenta
            if answer == NO and cuenta is not None:
                holder = self._holder()
                await self.open_panel("DIM010", cuenta, holder, area=area, check_id=view.check.id)
                return
            check = view.check
            if not self.write(
                lambda: self.desk.call.record_check(check.id, check.result), field=view.field
            ):
                return
        await self.go_on()

    # What the caller line shows in a training call: their last words (None), or only
    # their last words of these cues (LLM002 keeps the request in sight).
    SAYS_CUES: ClassVar[frozenset[str] | None] = None

    def caller_spoke(self, line: str) -> None:
        """The training caller's words go on the panel's caller line too, if it has one."""
        if "says" in self.display_file.fields:
            self.set_fields({"says": self.caller_says()})
        super().caller_spoke(line)

    def caller_says(self) -> str:
        """What a practice caller asks for, as the agent hears it ("" on a real call); in
        a training call, the simulated caller's last words."""
        from swat_tui.domain.procedure.state import CALLER_SAYS_FIELD

        training = self.rr_app.training
        if training is not None and training.active:
            return training.caller_line(self.SAYS_CUES)
        says = self.call.record.state.fields.get(CALLER_SAYS_FIELD, "")
        return f"El cliente dice: «{says}»" if says else ""

    def account_line(self) -> dict[str, str]:
        """Row 4 of the step panels: the call's cuenta, holder and status, as the
        BLACKLIST rule lets the agent see them now."""
        view = self.account
        return {
            "cuenta": str(self.call.record.cuenta or ""),
            "holder": self._holder(),
            "status": view.status if view else "",
        }

    def _holder(self) -> str:
        """The holder's name for the sub-panels, empty while the rule hides it."""
        view = self.account
        return (view.holder_name or "") if view is not None else ""

    def returned(self) -> None:
        """Back from F7, F10, F22 or the Espejo: the call may have changed, so the panel
        is drawn again from the store (what is recorded, and what was kept as typed),
        and what row 24 said before may no longer hold. A value row 24 refused, which
        was never kept, is gone. The cursor stays on its field."""
        if not self.in_call:  # the line went down while this panel was covered
            self.app.call_later(self.navigator.exit_to_menu)
            return
        focused = self.focused
        name = focused.spec.name if isinstance(focused, RRField) else None
        self.reset()
        self.fill()
        if name is not None and self._can_type_in(self.field(name)):
            self.set_focus(self.field(name))
            self.field(name).select_all()

    async def action_rr_exit(self) -> None:
        """F3 during a call: the call stays open; the menu offers to return to it."""
        await self.navigator.exit_to_menu()
