"""``swat kpi --format text``: the KPI lines and one agent's detail as terminal tables."""

from __future__ import annotations

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from swat_tui.domain.supervisor.kpi import KpiReport
from swat_tui.domain.supervisor.kpi_figures import (
    AgentDetail,
    Counts,
    StepTime,
    minutes_seconds,
    one_decimal,
)

_COLUMNS = (
    "Día",
    "Asesor",
    "Llam",
    "Cont",
    "AHT",
    "Conv",
    "Esp",
    "ACW",
    "1erC%",
    "CUN%",
    "Trf",
    "Abn",
    "Enc",
    "Pt",
)


def _cells(counts: Counts) -> list[str]:
    return [
        str(counts.calls),
        str(counts.answered),
        minutes_seconds(counts.aht),
        minutes_seconds(counts.talk),
        minutes_seconds(counts.hold),
        minutes_seconds(counts.acw),
        one_decimal(counts.fcr_percent),
        one_decimal(counts.cun_percent),
        str(counts.transfers),
        str(counts.abandoned),
        str(counts.surveys),
        one_decimal(counts.survey_score),
    ]


def print_report(report: KpiReport) -> None:
    """One row per agent and day, then the period's total."""
    period = report.period
    title = f"Indicadores de llamadas del {period.since:%d/%m/%Y} al {period.until:%d/%m/%Y}"
    if not report.lines:
        typer.echo(f"{title}: no hay llamadas terminadas en el período.")
        return
    # No padding: the box's own space between columns, so the fourteen fit 80 columns.
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=0)
    for index, header in enumerate(_COLUMNS):
        table.add_column(
            header, justify="left" if index < 2 else "right", no_wrap=True, min_width=len(header)
        )
    for line in report.lines:
        day = f"{line.day:%d/%m}" if line.day else ""
        table.add_row(day, Text(line.username), *_cells(line.counts))
    table.add_row("Total", "", *_cells(report.totals), style="bold")
    Console().print(table)


def print_detail(detail: AgentDetail) -> None:
    """The agent's typifications by code and the time per procedure step."""
    console = Console()
    codes = Table(title=f"Tipificaciones de {detail.username}", box=box.SIMPLE_HEAD, padding=0)
    for header in ("Código", "Cant.", "1er cont.", "CUN"):
        codes.add_column(header, justify="left" if header == "Código" else "right")
    for code in detail.codes:
        codes.add_row(Text(code.code), str(code.count), str(code.first_contact), str(code.with_cun))
    console.print(codes)
    steps = Table(title=f"Tiempo por paso de {detail.username}", box=box.SIMPLE_HEAD, padding=0)
    for header in ("Paso", "Nombre", "Tiempo", "%", "Llam.", "Por llam."):
        steps.add_column(header, justify="left" if header == "Nombre" else "right", no_wrap=True)
    whole = detail.handled_seconds
    counts = detail.counts
    acw = StepTime(0, "Trabajo después de la llamada", counts.acw_seconds, counts.answered)
    for step in (*detail.steps, acw) if counts.acw_seconds else detail.steps:
        steps.add_row(
            str(step.step) if step.step else "ACW",
            Text(step.name),
            minutes_seconds(step.seconds),
            one_decimal(step.share(whole)),
            str(step.calls),
            minutes_seconds(step.per_call),
        )
    console.print(steps)
