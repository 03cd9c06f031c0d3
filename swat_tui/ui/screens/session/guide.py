"""GUI001: the procedure guide on its own panel (F1), for 80x24 terminals."""

from __future__ import annotations

from swat_tui.ui.guide_lines import check_line, current_step, step_line
from swat_tui.ui.screens.base import RRScreen

CHECK_ROWS = 6


class GuideScreen(RRScreen, panel="GUI001"):
    """The eight steps, the current one's checks ticked or pending, the next thing to do."""

    def fill(self) -> None:
        view = self.rr_app.guide_view()
        call = self.desk.active if self.rr_app.desk else None
        self.set_fields({"call": call.summary() if call else "Sin llamada en curso."})
        for step in view.steps:
            self.set_fields({f"step{step.number}": step_line(step, 78)})
        current = current_step(view)
        checks = current.checks if current else ()
        self.set_fields(
            {
                "current": f"{current.number} {current.title}" if current else "-",
                "next": view.next_action,
                **{
                    f"check{index + 1}": (
                        check_line(checks[index].done, checks[index].label, 78)
                        if index < len(checks)
                        else ""
                    )
                    for index in range(CHECK_ROWS)
                },
            }
        )
