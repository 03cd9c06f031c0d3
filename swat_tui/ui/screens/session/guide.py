"""GUI001: the procedure guide on its own panel (F1), for 80x24 terminals."""

from __future__ import annotations

from swat_tui.ui.format import clip
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
        lines = [check_line(check.done, check.label, 78) for check in checks]
        if len(lines) > CHECK_ROWS:  # two columns, so that every check shows
            half = (len(lines) + 1) // 2
            left, right = lines[:half], [*lines[half:], ""]
            lines = [f"{clip(a, 38):<38} {b}".rstrip() for a, b in zip(left, right, strict=False)]
        lines = [*lines, *([""] * CHECK_ROWS)][:CHECK_ROWS]
        self.set_fields(
            {
                "current": f"{current.number} {current.title}" if current else "-",
                "next": view.next_action,
                **{f"check{index + 1}": line for index, line in enumerate(lines)},
            }
        )
