"""SUP030's column on a wide terminal: each leader's practices one by one.

The panel's 80 columns hold a practice's sum over every leader and a leader's
sum over their practices; beside it, wider, each leader's own line for each
practice they are responsible for (done/due, adherence, BAJO under the goal).
A leader's practices have no procedure step to guide, so this takes the guide
column's place. Text from the store is shown literally (``Text``, not markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from swat_tui.ui.format import clip
from swat_tui.ui.widgets.canvas import COLOURS

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.adherence_report import AdherenceReport

TITLE = Style(color=COLOURS["white"], bold=True)
LEADER = Style(color=COLOURS["turquoise"])
BELOW = Style(color=COLOURS["red"])
AT_GOAL = Style(color=COLOURS["green"])
WIDTH = 38  # a 120-column terminal: the panel's 80, a margin of 2, this


def leader_lines(report: AdherenceReport, width: int) -> Text:
    """The column's text: a title, then per leader their practices' lines."""
    text = Text(clip("Detalle por líder", width) + "\n", style=TITLE)
    names = {line.practice.code: line.practice.name for line in report.practices}
    name_width = max(8, width - 16)
    for leader in report.leaders:
        text.append(clip(f"{leader.username} {leader.name}", width) + "\n", style=LEADER)
        for cell in report.cells_of(leader.username):
            tally = cell.tally
            pct = "-" if tally.pct is None else f"{tally.pct:.0f}%"
            line = f" {clip(names[cell.practice], name_width - 1):<{name_width - 1}}"
            line += f"{tally.done:>3}/{tally.due:<3}{pct:>5}"
            style = BELOW if cell.meets is False else AT_GOAL
            text.append(clip(line, width) + "\n", style=style)
    return text


class LeaderColumn(Static):
    """The wide column of SUP030 (``#guide-column``, shown on a wide terminal only)."""

    DEFAULT_CSS = f"""
    LeaderColumn {{ width: {WIDTH}; height: 24; margin-left: 2; background: #000000; }}
    """

    def __init__(self) -> None:
        super().__init__(id="guide-column")

    def show(self, report: AdherenceReport) -> None:
        self.update(leader_lines(report, WIDTH))
