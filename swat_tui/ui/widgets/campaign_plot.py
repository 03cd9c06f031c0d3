"""A campaign's trend: CASOS CONTACTO EFECTIVO, cumulative by day, with its goal (SUP021).

Built on textual-plot like trainer mode's ``ProgressPlot``; it imports numpy, so
only SUP021 imports it, when it shows a campaign. Read-only: no focus, no zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual_plot import HiResMode, PlotWidget
from textual_plot.axis_formatter import CategoricalAxisFormatter

from swat_tui.ui.widgets.canvas import COLOURS

CELLS_PER_LABEL = 6  # "dd/mm" and a space


class CampaignPlot(PlotWidget, can_focus=False):
    """The cumulative % (0-100) per day, days as dd/mm under the axis; the goal a
    yellow line, the days at or over it white dots, the others green."""

    DEFAULT_CSS = f"""
    CampaignPlot {{ background: #000000; }}
    CampaignPlot > .plot--axis {{ color: {COLOURS["green"]}; }}
    CampaignPlot > .plot--tick {{ color: {COLOURS["green"]}; text-style: none; }}
    CampaignPlot > .plot--label {{ color: {COLOURS["white"]}; text-style: none; }}
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, allow_pan_and_zoom=False)
        self.set_reactive(PlotWidget.margin_top, 0)
        self.set_reactive(PlotWidget.margin_bottom, 1)
        self.set_reactive(PlotWidget.margin_left, 4)

    def show(self, days: Sequence[date], pcts: Sequence[float], *, goal: int, width: int) -> None:
        """Plot ``pcts`` (one per day of ``days``) on a plot ``width`` columns wide."""
        self.clear()
        count = len(days)
        xs = [float(index + 1) for index in range(count)]
        low, high = 0.5, max(count, 1) + 0.5
        self.plot(
            [low, high], [goal, goal], line_style=COLOURS["yellow"], hires_mode=HiResMode.BRAILLE
        )
        if count:
            self.plot(xs, list(pcts), line_style=COLOURS["green"], hires_mode=HiResMode.BRAILLE)
            self.scatter(xs, list(pcts), marker="●", marker_style=COLOURS["white"])
        self.set_x_formatter(CategoricalAxisFormatter([f"{d:%d/%m}" for d in days]))
        self.set_xlimits(low, high)
        self.set_ylimits(0, 100)
        self.set_yticks(sorted({0, 50, goal, 100}))
        cells = max(1, width - self.margin_left - 2)
        every = max(1, -(-count * CELLS_PER_LABEL // cells))  # ceil: labels that fit
        ticks = xs[::-1][::every][::-1]  # always the last day (today)
        self.set_xticks(ticks)
