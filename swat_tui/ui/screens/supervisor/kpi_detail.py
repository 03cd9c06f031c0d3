"""SUP041: one agent's KPI detail over SUP040's period.

Where the time of the answered calls went, step by step (from the call events:
the time between step changes, while the line was up) and the after-call work
after it, each with its share of the handle time; then the typifications by
UCC code and how they were resolved (first contact, CUN, follow-up). Read in a
worker thread. A wide terminal lists every code beside the panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.domain.supervisor.kpi_figures import (
    AgentDetail,
    StepTime,
    minutes_seconds,
    one_decimal,
)
from swat_tui.ui.format import clip
from swat_tui.ui.kpi_rows import SIDE_WIDTH
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.canvas import COLOURS
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.kpi import Period

LINE = 78
STEP_ROWS = 9  # the eight steps and the ACW
ACW_NAME = "Trabajo después de la llamada"


class KpiDetailScreen(PagedScreen, panel="SUP041"):
    """Time per step and typifications by code of ``username`` in ``period``."""

    DEFAULT_CSS = f"""
    KpiDetailScreen #guide-column {{
        height: 24; margin-left: 2; width: {SIDE_WIDTH}; color: {COLOURS["green"]};
    }}
    """
    SIDE: ClassVar[str] = "guide-column"

    def __init__(self, username: str, period: Period) -> None:
        super().__init__()
        self.username = username
        self.period = period
        self.detail: AgentDetail | None = None

    def configure(self, username: str, period: Period) -> None:
        self.username = username
        self.period = period

    def reset_state(self) -> None:
        super().reset_state()
        self.detail = None

    def side_columns(self) -> ComposeResult:
        yield Static(id=self.SIDE)

    def refresh_guide(self) -> None:
        """No procedure guide here: the side column lists every code."""
        self._paint_side()

    def fill(self) -> None:
        period = self.period
        who = f"{self.username}: del {period.since:%d/%m/%Y} al {period.until:%d/%m/%Y}"
        self.set_fields(
            {"who": clip(who, LINE), "summary": messages.text("supervisor.kpi.reading")}
        )
        self._fetch()

    def _fetch(self) -> None:
        """The agent's sums, read off the UI's thread."""
        kpi, period, username = self.supervisor.kpi, self.period, self.username
        read_in_worker(self, lambda: kpi.agent_detail(period, username), self._show, group="kpi")

    def _show(self, detail: AgentDetail) -> None:
        self.detail = detail
        counts = detail.counts
        period = self.period
        who = (
            f"{detail.username} {detail.display_name}: del {period.since:%d/%m/%Y} "
            f"al {period.until:%d/%m/%Y}"
        )
        summary = (
            f"{counts.calls} llamadas, {counts.answered} contestadas; AHT "
            f"{minutes_seconds(counts.aht)}; 1er contacto {one_decimal(counts.fcr_percent)}%; "
            f"CUN {one_decimal(counts.cun_percent)}%"
        )
        values = {"who": clip(who, LINE), "summary": clip(summary, LINE)}
        rows = [*detail.steps]
        if counts.acw_seconds:
            rows.append(StepTime(0, ACW_NAME, counts.acw_seconds, counts.answered))
        whole = detail.handled_seconds
        for index in range(1, STEP_ROWS + 1):
            step = rows[index - 1] if index <= len(rows) else None
            values.update(_step_fields(index, step, whole))
        self.set_fields(values)
        self.show_records(
            [
                {
                    "code": code.code,
                    "cn": str(code.count),
                    "cf": str(code.first_contact),
                    "cc": str(code.with_cun),
                    "cs": str(code.follow_up),
                    "cdesc": clip(code.description, 33),
                }
                for code in detail.codes
            ]
        )
        if not counts.calls:
            self.message(messages.text("supervisor.kpi.detail_empty"))
        self._paint_side()

    def _paint_side(self) -> None:
        """Every code of the period, with its count (only on a wide terminal)."""
        if not self.has_class("-wide"):
            return
        lines = ["Todas las tipificaciones:", f"{'Código':<12} {'Cant.':>5} {'1erC':>5} {'CUN':>5}"]
        codes = self.detail.codes if self.detail is not None else ()
        room = 24 - len(lines)
        for code in codes[:room]:
            lines.append(
                f"{code.code:<12} {code.count:>5} {code.first_contact:>5} {code.with_cun:>5}"
            )
        if len(codes) > room:
            lines[-1] = f"... y {len(codes) - room + 1} más (AvPág en el panel)"
        self.query_one(f"#{self.SIDE}", Static).update(Text("\n".join(lines)))


def _step_fields(index: int, step: StepTime | None, whole: int) -> dict[str, str]:
    if step is None:
        return {f"{name}{index}": "" for name in ("sn", "name", "time", "pct", "cl", "per")}
    return {
        f"sn{index}": str(step.step) if step.step else "ACW",
        f"name{index}": clip(step.name, 32),
        f"time{index}": minutes_seconds(step.seconds),
        f"pct{index}": one_decimal(step.share(whole)),
        f"cl{index}": str(step.calls),
        f"per{index}": minutes_seconds(step.per_call),
    }
