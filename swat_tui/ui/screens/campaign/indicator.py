"""SUP021: one campaign's CASOS CONTACTO EFECTIVO against its goal, per agent and per day.

Row 3 names the campaign, row 4 gives the indicator (records with an effective
contact over the base x 100) and how far it is from the goal, row 5 the records by
status. Rows 7-10 list the agents (best % first; each over the records they
attempted; AvPág/RePág for more). Rows 13-21 plot the trend: the cumulative % by
day with the goal as a yellow line. On a wide terminal the days stand beside the
panel as a table. Read in a worker; F5 reads it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.domain.supervisor.kpi_figures import one_decimal
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.canvas import COLOURS
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.campaign.indicator import CampaignIndicator
    from swat_tui.ui.widgets.campaign_plot import CampaignPlot

LINE = 78
PLOT_ROW, PLOT_HEIGHT, PLOT_WIDTH = 12, 9, 78  # rows 13-21, columns 2-79
SIDE_MIN, SIDE_MAX = 40, 60
STATUSES = (
    ("pendiente", "pend."),
    ("en_curso", "en curso"),
    ("contactado", "contactados"),
    ("agotado", "agotados"),
)


class IndicatorScreen(PagedScreen, panel="SUP021"):
    """Campaign ``code``'s indicator as the store has it now."""

    DEFAULT_CSS = f"""
    IndicatorScreen #days-column {{ height: 24; margin-left: 2; width: {SIDE_MIN}; }}
    IndicatorScreen #days-title {{ height: 1; color: {COLOURS["white"]}; }}
    IndicatorScreen #days-table {{ height: 1fr; color: {COLOURS["green"]}; }}
    IndicatorScreen #panel CampaignPlot {{
        position: absolute; offset: 1 {PLOT_ROW}; width: {PLOT_WIDTH}; height: {PLOT_HEIGHT};
    }}
    """
    SIDE: ClassVar[str] = "days-column"

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.indicator: CampaignIndicator | None = None
        self._say_refreshed = False

    def configure(self, code: str) -> None:
        self.code = code

    def reset_state(self) -> None:
        super().reset_state()
        self.indicator = None
        self._say_refreshed = False

    def side_columns(self) -> ComposeResult:
        with Vertical(id=self.SIDE):
            yield Static(id="days-title")
            yield Static(id="days-table")

    def refresh_guide(self) -> None:
        """No guide here: the side column is the table of days."""

    def fill(self) -> None:
        self.message(messages.text("ui.campaign.reading"))
        self._load()

    def action_rr_refresh(self) -> None:
        """F5: the indicator read again."""
        self.clear_errors()
        self._say_refreshed = True
        self._load()

    def _load(self) -> None:
        service = self.supervisor.campaigns
        code = self.code
        read_in_worker(self, lambda: service.indicator(code), self._show)

    def _show(self, indicator: CampaignIndicator) -> None:
        self.indicator = indicator
        agents = len(indicator.by_agent)
        self.set_fields(
            {
                "campaign": clip(
                    f"Campaña {indicator.code}: {indicator.name} ({indicator.status})", LINE
                ),
                "indicator": clip(_indicator_line(indicator, LINE), LINE),
                "statuses": clip(_statuses_line(indicator), LINE),
                "agents": clip(
                    f"{agents} asesores; % sobre los registros que cada uno intentó"
                    if agents
                    else "Ningún asesor ha trabajado la campaña todavía.",
                    68,
                ),
                "plot_title": clip(_plot_title(indicator), LINE),
            }
        )
        offset = self.page_offset
        self.all_records = [
            {
                "user": a.username,
                "aname": clip(a.display_name, 26),
                "att": str(a.attempts),
                "recs": str(a.records),
                "con": str(a.contacted),
                "apct": one_decimal(a.pct),
            }
            for a in indicator.by_agent
        ]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(offset, last_page)
        self._paint_page()
        self.message(
            messages.text("ui.campaign.indicator_refreshed") if self._say_refreshed else ""
        )
        self._say_refreshed = False
        self._days_table(indicator)
        self.call_later(self._plot, indicator)

    def _days_table(self, indicator: CampaignIndicator) -> None:
        width = self._side_width()
        self.query_one(f"#{self.SIDE}", Vertical).styles.width = width
        self.query_one("#days-title", Static).update(
            clip(f"Por día: {indicator.code} (meta {indicator.goal_pct} %)", width)
        )
        rows = [f"{'Día':<10} {'Intentos':>8} {'Contactos':>9} {'Acum. %':>8}"]
        rows += [
            f"{d.day:%d/%m/%Y} {d.attempts:>8} {d.contacted:>9} {one_decimal(d.pct):>8}"
            for d in indicator.by_day[-22:]
        ]
        from rich.text import Text

        self.query_one("#days-table", Static).update(Text("\n".join(rows)))

    async def _plot(self, indicator: CampaignIndicator) -> None:
        """The trend, built on first use (textual-plot imports numpy: never at start)."""
        from swat_tui.ui.widgets.campaign_plot import CampaignPlot

        found = self.panel.query(CampaignPlot)
        plot: CampaignPlot
        if found:
            plot = found.first()
        else:
            plot = CampaignPlot(id="trend")
            await self.panel.mount(plot)
        plot.show(
            [d.day for d in indicator.by_day],
            [d.pct for d in indicator.by_day],
            goal=indicator.goal_pct,
            width=PLOT_WIDTH,
        )

    def _side_width(self) -> int:
        return max(SIDE_MIN, min(self.app.size.width - 80 - 4, SIDE_MAX))


def _indicator_line(indicator: CampaignIndicator, width: int) -> str:
    """The indicator against its goal, with what is missing in as many words as fit
    (never a word cut: a big base's figures are longer)."""
    head = (
        f"CASOS CONTACTO EFECTIVO: {indicator.contacted} de {indicator.records} = "
        f"{one_decimal(indicator.pct)} % · meta {indicator.goal_pct} %"
    )
    if indicator.meets_goal:
        tails = [" cumplida", ""]
    else:
        needed = -(-indicator.goal_pct * indicator.records // 100) - indicator.contacted
        tails = [f" · faltan {needed} contactos", f" · faltan {needed}", ""]
    return next((head + tail for tail in tails if len(head + tail) <= width), head)


def _statuses_line(indicator: CampaignIndicator) -> str:
    counts = [f"{indicator.by_status.get(key, 0)} {label}" for key, label in STATUSES]
    return f"Base: {' · '.join(counts)} · {indicator.attempts} intentos"


def _plot_title(indicator: CampaignIndicator) -> str:
    days = indicator.by_day
    span = f", {days[0].day:%d/%m} a {days[-1].day:%d/%m}" if days else ""
    return f"Tendencia: % acumulado por día{span}; línea amarilla: meta {indicator.goal_pct} %"
