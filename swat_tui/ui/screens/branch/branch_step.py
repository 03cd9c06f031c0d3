"""LLM003: the entry panel of steps 3-6 (SAC, soporte, visita, PQR), routed by data.

``data/branch_routes.toml`` says which panel handles each branch and
sub-flow; until a branch has panels of its own, its rows route here: the
agent chooses the sub-flow, then handles the request in first contact or
escalates it through the typification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.definition import load_routes
from swat_tui.ui.format import numbered_fields
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.call.call_step import NO, YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView

HINT_LINES = 3


class BranchStepScreen(CallStepScreen, panel="LLM003"):
    """The branch step's check: the request was handled or will be escalated."""

    def _check(self) -> CheckView | None:
        """The branch step's check for this request (data/procedure.toml, field "ok");
        None once the sub-flow chosen has a panel of its own (Intro goes there)."""
        view = self.desk.call.step_view(self.PANEL_ID).by_field("ok")
        return view if view is not None and view.applies else None

    def fill_step(self) -> None:
        state = self.call.record.state
        request = state.request
        if request is None:  # the request was taken back meanwhile: step 2 asks it again
            self.message(self.desk.procedure.message("typify_needs_request"), error=True)
            return
        routes = load_routes()
        entry = routes.entry(request.branch)
        subflows = routes.subflows(request.branch)
        self.set_fields(
            {
                **self.account_line(),
                "branch": entry.title,
                "request": request.description,
                "subflows": "  ".join(f"{r.option}={r.label}" for r in subflows),
                **numbered_fields("hint", entry.hints, HINT_LINES),
            }
        )
        chosen = state.subflow
        self.field("g").value = next((r.option for r in subflows if r.subflow == chosen), "")
        check = self._check()
        # Once the sub-flow chosen has a panel of its own, Intro goes there: no "Atendida".
        self.field("ok").display = check is not None
        if check is not None and check.done:
            self.field("ok").value = YES
        # The cursor starts where the step is decided (DSPATR(PC) in DDS): on the
        # sub-flow when the branch has panels of its own for them (SAC, PQR), else
        # on "Atendida", the optional sub-flow one Shift+Tab above.
        own_panels = any(r.panel != self.PANEL_ID for r in subflows)
        self.focus_field("g" if (own_panels and not chosen) or check is None else "ok")

    def field_completed(self, name: str, value: str) -> None:
        request = self.call.record.state.request
        if request is None:
            return
        text = value.strip()
        if name == "g" and text:
            self._choose_subflow(text)

    def _choose_subflow(self, option: str) -> bool:
        """Record the sub-flow; the routing table may send it to another panel."""
        state = self.call.record.state
        request = state.request
        if request is None:
            return False
        chosen = (r for r in load_routes().subflows(request.branch) if r.subflow == state.subflow)
        if any(route.option == option for route in chosen):
            return True  # already recorded
        return self.write(lambda: self.desk.call.choose_subflow(option), field="g")

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        option = self.field("g").value.strip()
        if option and not self._choose_subflow(option):
            return
        if self.desk.call.step_panel() != self.PANEL_ID:
            await self.navigator.show_call_step()  # the sub-flow has a panel of its own
            return
        answer = self.field("ok").value.strip().upper()
        if answer not in (YES, NO):
            self.message(self.desk.procedure.message("branch_done"), error=True)
            self.field("ok").mark_error(True)
            return
        check = self._check()
        if check is None:  # the sub-flow's own panel records the step
            await self.navigator.show_call_step()
            return
        if not check.done:
            # S: solved on the line; N: not solved on the line, escalated by the typification.
            typed = self.field("notes").value.strip()
            escalated = load_actions().escalation(typed)
            notes = (typed or "atendida") if answer == YES else escalated
            if not self.write(lambda: self.desk.call.record_check(check.check.id, notes)):
                return
        await self.go_on()
        typification = self.app.screen
        if answer == NO and isinstance(typification, RRScreen) and typification is not self:
            typification.message(self.desk.procedure.message("branch_escalate"))
