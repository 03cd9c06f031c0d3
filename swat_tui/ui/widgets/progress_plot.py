"""A trainee's scores, call by call, as a plot in the terminal (TRN011).

Built on textual-plot's ``PlotWidget`` (pyproject says why that library). This
module imports numpy through it (~0.4 s), so only TRN011 imports it, when it
opens: never at the app's start. The plot is read-only: no focus, no zoom or
pan, so the panel's keys stay the panel's.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual_plot import HiResMode, PlotWidget

from swat_tui.ui.widgets.canvas import COLOURS

X_CELLS_PER_CALL = 3  # below this the calls' numbers no longer fit under the axis


class ProgressPlot(PlotWidget, can_focus=False):
    """Scores 0-100 per call in order (calls numbered from the first), the pass mark
    as a yellow line; a passed call a white dot, a failed one a red cross."""

    DEFAULT_CSS = f"""
    ProgressPlot {{ background: #000000; }}
    ProgressPlot > .plot--axis {{ color: {COLOURS["green"]}; }}
    ProgressPlot > .plot--tick {{ color: {COLOURS["green"]}; text-style: none; }}
    ProgressPlot > .plot--label {{ color: {COLOURS["white"]}; text-style: none; }}
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, allow_pan_and_zoom=False)
        # Set before mounting, without their watchers (the grid they size is not
        # composed yet): PlotWidget's own on_mount lays the grid out with them.
        self.set_reactive(PlotWidget.margin_top, 0)
        self.set_reactive(PlotWidget.margin_bottom, 1)
        self.set_reactive(PlotWidget.margin_left, 4)

    def show(
        self,
        scores: Sequence[int],
        passed: Sequence[bool],
        *,
        first: int,
        pass_mark: float,
        width: int,
    ) -> None:
        """Plot ``scores`` (the calls numbered ``first``, ``first + 1``...) on a plot
        ``width`` columns wide."""
        self.clear()
        count = len(scores)
        xs = [first + index for index in range(count)]
        low, high = first - 0.5, first + max(count, 1) - 0.5
        self.plot(
            [low, high],
            [pass_mark, pass_mark],
            line_style=COLOURS["yellow"],
            hires_mode=HiResMode.BRAILLE,
        )
        if count:
            self.plot(xs, list(scores), line_style=COLOURS["green"], hires_mode=HiResMode.BRAILLE)
            for ok, marker, style in ((True, "●", COLOURS["white"]), (False, "x", COLOURS["red"])):
                chosen = [(x, s) for x, s, p in zip(xs, scores, passed, strict=True) if p is ok]
                if chosen:
                    self.scatter(
                        [x for x, _ in chosen],
                        [s for _, s in chosen],
                        marker=marker,
                        marker_style=style,
                    )
        self.set_xlimits(low, high)
        self.set_ylimits(0, 100)
        self.set_yticks(sorted({0, 50, round(pass_mark), 100}))
        cells = max(1, width - self.margin_left - 2)
        self.set_xticks(xs if count * X_CELLS_PER_CALL <= cells else None)
