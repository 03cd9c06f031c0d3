"""What the simulated caller has said, beside the panel, in a training call on a terminal
wide enough for the guide and this column too."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from swat_tui.ui.widgets.canvas import COLOURS

if TYPE_CHECKING:
    from swat_tui.domain.training.caller import CallerLine

WIDTH = 40
HEIGHT = 24


class TranscriptColumn(Widget):
    """The caller's lines, newest at the bottom: as many as 24 rows hold, each shown
    literally (a caller's words are never markup) with the call's time it was said."""

    DEFAULT_CSS = """
    TranscriptColumn { width: 40; height: 24; margin-left: 2; background: #000000; }
    """

    def __init__(self) -> None:
        super().__init__(id="transcript-column")
        self.lines: tuple[CallerLine, ...] = ()

    def show(self, lines: tuple[CallerLine, ...]) -> None:
        self.lines = lines
        self.refresh()

    def render(self) -> Text:
        title = Style(color=COLOURS["white"], bold=True)
        rows: list[tuple[str, Style | str]] = []
        for line in self.lines:
            for index, part in enumerate(textwrap.wrap(f"«{line.text}»", WIDTH - 2) or [""]):
                rows.append(((" " if index else "- ") + part, COLOURS["turquoise"]))
        shown = rows[-(HEIGHT - 2) :]
        text = Text("Cliente (formación)\n", style=title)
        text.append("\n")
        for row, style in shown:
            text.append(row + "\n", style=style)
        return text
