"""What the three SAC sub-flow panels (SAC010, SAC020, SAC030) share: two checks.

Each ends in "informada" (S: what the panel shows was told to the customer)
and "Resuelta en línea" (S records it; N opens DIM010 for the panel's area,
whose case records it escalated). The cursor starts on the first of the two
still pending; the panel's optional actions are above it, one Shift+Tab away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from swat_tui.domain.procedure.actions import load_actions
from swat_tui.ui.screens.call.call_step import NO, YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView


class SacStepScreen(CallStepScreen):
    """A SAC sub-flow panel; subclasses name their two fields and their DIME area."""

    # The field pair is procedure data (data/actions.toml [sac]).
    INFORMED: ClassVar[str] = load_actions().sac_informed_field
    RESOLVED: ClassVar[str] = load_actions().sac_resolved_field
    DIME_AREA: ClassVar[str] = ""  # data/dime_areas.toml

    def step_checks(self) -> list[CheckView]:
        """The checks this panel records that apply to the request now."""
        return [v for v in self.desk.call.step_view(self.PANEL_ID).checks if v.applies]

    def step_check(self, field: str) -> CheckView | None:
        return next((v for v in self.step_checks() if v.field == field), None)

    def show_step_checks(self) -> None:
        """Recorded checks show S (N when the request went to DIME); the cursor goes to
        the first one still pending."""
        for check in self.step_checks():
            if check.done:
                escalated = load_actions().is_escalated(check.result)
                self.field(check.field).value = NO if escalated else YES
        self.focus_step()

    def focus_step(self) -> None:
        """The cursor to what the step still asks: "informada", else the resolution."""
        informed = self.step_check(self.INFORMED)
        self.focus_field(self.RESOLVED if informed is not None and informed.done else self.INFORMED)

    def typed_checks(self) -> frozenset[str]:
        """Confirmations typed S here, recorded by Intro."""
        return frozenset(
            check.check.id
            for check in self.step_checks()
            if not check.done and self.field(check.field).value.strip().upper() == YES
        )

    def field_completed(self, name: str, value: str) -> None:
        if name == self.INFORMED:
            self.confirm(self.step_check(self.INFORMED), value)

    async def finish_step(self) -> None:
        """Intro with no action typed: "informada", then the resolution."""
        self.field_completed(self.INFORMED, self.field(self.INFORMED).value)
        if self.panel.canvas.message_is_error:
            return
        await self.resolve_or_escalate(self.step_check(self.RESOLVED), area=self.DIME_AREA)
