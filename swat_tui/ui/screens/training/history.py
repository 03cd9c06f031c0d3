"""TRN011: one trainee's scored training calls and their progress as a plot.

The list (newest page first) gives each call's day, scenario, mode, score,
verdict, critical errors and handle time; option 5 opens its scorecard as the
trainee saw it (TRN030). Under the list, rows 13-21 plot the scores call by
call with the pass mark as a line: the last calls that fit at 80x24; on a
wide terminal a taller plot of every call stands beside the panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day, hour
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.training.common import training_engine
from swat_tui.ui.widgets.canvas import COLOURS

if TYPE_CHECKING:
    from textual.widget import Widget

    from swat_tui.domain.training.assignments import ResultLine
    from swat_tui.domain.training.progress import TraineeSummary
    from swat_tui.ui.widgets.progress_plot import ProgressPlot

RESULT = "5"
PANEL_CALLS = 20  # the calls the plot on the panel shows (3 columns each fit in 72)
PLOT_ROW, PLOT_HEIGHT, PLOT_WIDTH = 12, 9, 78  # rows 13-21 of the panel, columns 2-79
SIDE_MIN, SIDE_MAX = 36, 160  # the wide plot's width beside the panel
MODES = {"practica": "Práct", "certificacion": "Cert."}
LINE = 78


class HistoryScreen(PagedScreen, panel="TRN011"):
    """A trainee's results, oldest first; the list opens on its last page."""

    DEFAULT_CSS = f"""
    HistoryScreen #guide-column {{ height: 24; margin-left: 2; width: {SIDE_MIN}; }}
    HistoryScreen #plot-side-title {{ height: 1; color: {COLOURS["white"]}; }}
    HistoryScreen #side-plot {{ height: 1fr; width: 1fr; }}
    HistoryScreen #panel ProgressPlot {{
        position: absolute; offset: 1 {PLOT_ROW}; width: {PLOT_WIDTH}; height: {PLOT_HEIGHT};
    }}
    """
    # The wide layout's column: the progress plot in the guide's place (a trainer's
    # panel has no procedure step to guide).
    SIDE: ClassVar[str] = "guide-column"

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username
        self.results: tuple[ResultLine, ...] = ()
        self.pass_mark = 0.0

    def configure(self, username: str) -> None:
        self.username = username

    def reset_state(self) -> None:
        super().reset_state()
        self.results = ()

    def side_columns(self) -> ComposeResult:
        with Vertical(id=self.SIDE):
            yield Static(id="plot-side-title")

    def refresh_guide(self) -> None:
        """No guide here: the side column is the wide plot (``_plot``)."""

    def fill(self) -> None:
        self._load()

    def _load(self) -> None:
        from swat_tui.domain.training.progress import trainee_history
        from swat_tui.domain.training.scoring_rules import load_scoring_rules

        engine = training_engine(self, self._load)
        if engine is None:
            return
        trainee, self.results = trainee_history(engine, self.username)
        self.pass_mark = load_scoring_rules().pass_mark
        self.set_fields(
            {
                "trainee": clip(_trainee_line(trainee), LINE),
                "plot_title": clip(self._plot_title(), LINE),
            }
        )
        results = self.results
        self.show_records([_record(line) for line in results], last_page=True)
        if not results:
            self.message(messages.text("ui.trainer.history_empty"))
        self.call_later(self._plot)

    def _plot_title(self) -> str:
        shown = min(len(self.results), PANEL_CALLS)
        calls = (
            f"últimas {shown} de {len(self.results)} llamadas"
            if shown < len(self.results)
            else f"{len(self.results)} llamadas"
        )
        mark = round(self.pass_mark)
        return f"Progreso: puntaje por llamada ({calls}); línea amarilla: aprobación {mark}"

    async def _plot(self) -> None:
        """The plots, built on first use (textual-plot imports numpy: never at start)."""
        from swat_tui.ui.widgets.progress_plot import ProgressPlot

        recent = self.results[-PANEL_CALLS:]
        first = len(self.results) - len(recent) + 1
        panel_plot = await self._plot_widget(self.panel, "panel-plot", ProgressPlot)
        panel_plot.show(
            [line.score for line in recent],
            [line.passed for line in recent],
            first=first,
            pass_mark=self.pass_mark,
            width=PLOT_WIDTH,
        )
        side = self.query_one(f"#{self.SIDE}", Vertical)
        width = self._side_width()
        side.styles.width = width
        self.query_one("#plot-side-title", Static).update(
            clip(f"Progreso de {self.username}: todas sus llamadas", width)
        )
        side_plot = await self._plot_widget(side, "side-plot", ProgressPlot)
        side_plot.show(
            [line.score for line in self.results],
            [line.passed for line in self.results],
            first=1,
            pass_mark=self.pass_mark,
            width=width,
        )

    async def _plot_widget(
        self, parent: Widget, name: str, kind: type[ProgressPlot]
    ) -> ProgressPlot:
        """The plot called ``name``, mounted in ``parent`` the first time."""
        found = self.query(f"#{name}")
        if found:
            return found.first(kind)
        plot = kind(id=name)
        await parent.mount(plot)
        return plot

    def _side_width(self) -> int:
        return max(SIDE_MIN, min(self.app.size.width - 80 - 4, SIDE_MAX))

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.training import scorecard_json

        self.clear_errors()
        typed = self.typed_option()
        if typed is None:
            self.message(messages.text("ui.trainer.history_pick"), error=True)
            return
        if typed.option != RESULT:
            self.message(
                messages.text("ui.trainer.history_option", option=typed.option[:3]),
                error=True,
                field=typed.field,
            )
            self.field(typed.field).mark_error(True)
            self.focus_field(typed.field)
            return
        line = self.results[typed.record]
        try:
            card = scorecard_json.from_json(line.scorecard_json)
        except (ValueError, KeyError, TypeError):
            self.message(messages.text("ui.trainer.card_unreadable"), error=True)
            return
        self.field(typed.field).value = ""
        training = self.rr_app.training
        scenario = training.catalog.find(line.scenario_id) if training is not None else None
        await self.open_panel("TRN030", card, scenario)


def _trainee_line(trainee: TraineeSummary) -> str:
    calls = "1 llamada" if trainee.scored == 1 else f"{trainee.scored} llamadas"
    parts = [f"{trainee.username} {trainee.name}".strip() + f": {calls}"]
    if trainee.recent_average is not None:
        parts.append(f"promedio últimas 5: {trainee.recent_average}")
    if trainee.certified is not None:
        parts.append("certificado" if trainee.certified else "sin certificar")
    if trainee.pending:
        parts.append(f"{trainee.pending} pend.")
    return " · ".join(parts)


def _verdict(line: ResultLine) -> str:
    if line.abandoned:
        return "Abandonó"
    return "Aprobada" if line.passed else "No aprobó"


def _record(line: ResultLine) -> dict[str, str]:
    from swat_tui.domain.training.scorecard_text import clock

    return {
        "day": f"{day(line.scored_at)} {hour(line.scored_at)}",
        "scen": clip(line.scenario_id, 12),
        "mo": MODES.get(line.mode, line.mode[:5]),
        "pt": str(line.score),
        "verdict": _verdict(line),
        "cr": str(line.critical),
        "handle": clock(line.handle_seconds),
    }
