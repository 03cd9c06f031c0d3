"""Which panel shows which step of the call."""

from __future__ import annotations

from swat_tui.ui.screens.call.call_step import CallStepScreen


def panel_class_for_step(step: int) -> type[CallStepScreen]:
    """Step 1 reception, 2 interpretation, 3-6 the branch, 7 typification, 8 closing."""
    from swat_tui.ui.screens.branch.branch_step import BranchStepScreen
    from swat_tui.ui.screens.call.closing import ClosingScreen
    from swat_tui.ui.screens.call.interpretation import InterpretationScreen
    from swat_tui.ui.screens.call.reception import ReceptionScreen
    from swat_tui.ui.screens.call.typification import TypificationScreen

    panels: dict[int, type[CallStepScreen]] = {
        1: ReceptionScreen,
        2: InterpretationScreen,
        7: TypificationScreen,
        8: ClosingScreen,
    }
    return panels.get(step, BranchStepScreen)
