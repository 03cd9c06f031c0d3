"""``swat kpi --format csv``: one row per agent and day, for the client's reports.

Machine-readable: times in whole seconds, percentages and scores with a dot
and one decimal, an empty field where there is no figure (no answered call, no
typification, no survey).
"""

from __future__ import annotations

import csv
from typing import TextIO

from swat_tui.domain.supervisor.kpi import KpiReport

HEADER = (
    "fecha",
    "asesor",
    "nombre",
    "llamadas",
    "contestadas",
    "aht_s",
    "conversacion_s",
    "espera_s",
    "acw_s",
    "tipificaciones",
    "primer_contacto_pct",
    "cun_pct",
    "transferidas",
    "abandonadas",
    "encuestas",
    "puntaje_promedio",
)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _seconds(value: float | None) -> str:
    return "" if value is None else str(round(value))


def write_kpi_csv(report: KpiReport, out: TextIO) -> int:
    """Write the header and one row per line of ``report``; how many rows."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for line in report.lines:
        counts = line.counts
        writer.writerow(
            [
                line.day.isoformat() if line.day else "",
                line.username,
                line.display_name,
                counts.calls,
                counts.answered,
                _seconds(counts.aht),
                _seconds(counts.talk),
                _seconds(counts.hold),
                _seconds(counts.acw),
                counts.typified,
                _number(counts.fcr_percent),
                _number(counts.cun_percent),
                counts.transfers,
                counts.abandoned,
                counts.surveys,
                _number(counts.survey_score),
            ]
        )
    return len(report.lines)
