"""The procedure guide beside the panel, when the terminal is wide enough."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from swat_tui.ui.guide_lines import check_line, current_step, step_line
from swat_tui.ui.widgets.canvas import COLOURS

if TYPE_CHECKING:
    from swat_tui.domain.procedure.guide import GuideView

WIDTH = 36
STYLES = {
    "actual": Style(color=COLOURS["white"], bold=True, reverse=True),
    "hecho": Style(color=COLOURS["green"]),
    "pendiente": Style(color=COLOURS["turquoise"]),
    "no aplica": Style(color="#3f7f3f"),
}


class GuideColumn(Widget):
    """Eight steps, the current one highlighted, its checks, and the next thing to do."""

    DEFAULT_CSS = """
    GuideColumn { width: 36; height: 24; margin-left: 2; background: #000000; }
    """

    def __init__(self) -> None:
        super().__init__(id="guide-column")
        self.view: GuideView | None = None

    def show(self, view: GuideView) -> None:
        self.view = view
        self.refresh()

    def render(self) -> Text:
        text = Text("Guía SWAT\n", style=Style(color=COLOURS["white"], bold=True))
        if self.view is None:
            return text
        for step in self.view.steps:
            text.append(step_line(step, WIDTH) + "\n", style=STYLES[step.status])
        current = current_step(self.view)
        text.append("\n")
        if current is not None:
            for check in current.checks:
                style = COLOURS["green"] if check.done else COLOURS["yellow"]
                text.append(check_line(check.done, check.label, WIDTH) + "\n", style=style)
        text.append("\nSiguiente:\n", style=Style(color=COLOURS["white"], bold=True))
        for line in textwrap.wrap(self.view.next_action, WIDTH):
            text.append(line + "\n", style=COLOURS["yellow"])
        return text
