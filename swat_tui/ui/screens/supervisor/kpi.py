"""SUP040: the call KPIs of every agent over a period, for a supervisor or a coordinator.

Desde/hasta are Bogotá days (DDMMAAAA), the last seven days and today at first;
Intro with another period reads it, 5 on a row opens the agent's detail
(SUP041), F5 reads again. The figures are summed by the store in a worker
thread, so the panel never waits on a long period. A wide terminal shows more
columns beside the panel, on the rows they belong to: the agent's name, the
answered calls, the typifications and the share left to follow-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.ui.format import clip
from swat_tui.ui.kpi_rows import (
    SIDE_HEAD,
    SIDE_WIDTH,
    record,
    side_line,
    total_row,
)
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.canvas import COLOURS
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.kpi import KpiReport, Period

DETAIL = "5"
LINE = 78
HEAD_ROW, FIRST_ROW = 7, 8  # 0-based rows of the subfile's header and first record
DAY_FORMAT = "%d%m%Y"


class KpiScreen(PagedScreen, panel="SUP040"):
    """Every agent's KPIs over the period, a totals row, and 5 for one agent's detail."""

    DEFAULT_CSS = f"""
    KpiScreen #guide-column {{
        height: 24; margin-left: 2; width: {SIDE_WIDTH}; color: {COLOURS["green"]};
    }}
    """
    SIDE: ClassVar[str] = "guide-column"

    def __init__(self) -> None:
        super().__init__()
        self.period: Period | None = None
        self.report: KpiReport | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.period = None
        self.report = None

    def side_columns(self) -> ComposeResult:
        yield Static(id=self.SIDE)

    def refresh_guide(self) -> None:
        """No procedure guide here: the side column has the extra columns."""
        self._paint_side()

    def fill(self) -> None:
        period = self.attempt(self.supervisor.kpi.default_period)
        if period is None:
            return
        self.field("desde").value = period.since.strftime(DAY_FORMAT)
        self.field("hasta").value = period.until.strftime(DAY_FORMAT)
        self._read(period)

    def action_rr_refresh(self) -> None:
        """F5: the figures as the store has them now."""
        self.clear_errors()
        if self.period is not None:
            self._read(self.period)
            self.message(messages.text("supervisor.kpi.refreshed"))

    def _read(self, period: Period) -> None:
        self.period = period
        self.set_fields({"summary": messages.text("supervisor.kpi.reading")})
        self._fetch(period)

    def _fetch(self, period: Period) -> None:
        """The sums, read off the UI's thread (a long period must not freeze the panel)."""
        kpi = self.supervisor.kpi
        read_in_worker(self, lambda: kpi.agents(period), self._show, group="kpi")

    def _show(self, report: KpiReport) -> None:
        self.report = report
        totals = report.totals
        period = report.period
        agents = "1 asesor" if len(report.lines) == 1 else f"{len(report.lines)} asesores"
        summary = (
            f"{agents}, {totals.calls} llamadas terminadas del "
            f"{period.since:%d/%m/%Y} al {period.until:%d/%m/%Y}"
        )
        self.set_fields(
            {
                "summary": clip(summary, LINE),
                "total": clip(total_row(totals), LINE) if report.lines else "",
                "detail": clip(messages.text("supervisor.kpi.legend"), LINE),
            }
        )
        offset = self.page_offset
        self.all_records = [record(line) for line in report.lines]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(offset, last_page)
        self._paint_page()
        if not report.lines:
            self.message(messages.text("supervisor.kpi.empty"))

    def rows_shown(self) -> None:
        super().rows_shown()
        self._paint_side()

    def _paint_side(self) -> None:
        """The extra columns, each on the row of its agent (only on a wide terminal)."""
        if not self.has_class("-wide"):
            return
        lines = [""] * 24
        lines[2] = "Más columnas:"
        lines[3] = "Cont.=contestadas  Tip.=tipificadas"
        lines[4] = "Seg.%=ni 1er contacto ni CUN"
        lines[HEAD_ROW] = SIDE_HEAD
        report = self.report
        if report is not None:
            page = report.lines[self.page_offset : self.page_offset + self.page_size]
            for index, line in enumerate(page):
                lines[FIRST_ROW + index] = side_line(line.display_name, line.counts)
            if report.lines:
                lines[FIRST_ROW + self.page_size] = side_line("TOTAL", report.totals)
        self.query_one(f"#{self.SIDE}", Static).update(Text("\n".join(lines)))

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.supervisor.kpi import typed_period

        self.clear_errors()
        since, until = self.field("desde").value, self.field("hasta").value
        typed = self.attempt(lambda: typed_period(since, until), field="desde")
        if typed is None:
            return
        if typed != self.period:
            self._read(typed)
            return
        option = self.typed_option()
        if option is None:
            self.message(messages.text("supervisor.kpi.pick"), error=True)
            return
        if option.option != DETAIL:
            self.message(
                messages.text("supervisor.kpi.option", option=option.option[:3]),
                error=True,
                field=option.field,
            )
            self.field(option.field).mark_error(True)
            self.focus_field(option.field)
            return
        if self.report is None:
            return
        line = self.report.lines[option.record]
        self.field(option.field).value = ""
        await self.open_panel("SUP041", line.username, typed)
