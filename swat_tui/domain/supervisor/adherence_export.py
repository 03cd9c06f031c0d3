"""The adherence report as CSV rows (``swat practices report --format csv``)."""

from __future__ import annotations

import csv
from typing import TextIO

from swat_tui.domain.supervisor.adherence import Tally
from swat_tui.domain.supervisor.adherence_report import AdherenceReport

HEADER = (
    "desde",
    "hasta",
    "lider",
    "nombre",
    "rol",
    "practica",
    "nombre_practica",
    "frecuencia",
    "hechas",
    "debidas",
    "registradas",
    "adherencia_pct",
    "meta_pct",
    "cumple",
)
ALL = "TODOS"  # the practice's line over every leader


def pct_text(tally: Tally) -> str:
    """``87.5``, or empty when nothing was due."""
    pct = tally.pct
    return "" if pct is None else f"{pct:.1f}"


def meets_text(meets: bool | None) -> str:
    return {True: "SI", False: "NO", None: ""}[meets]


def write_adherence_csv(report: AdherenceReport, out: TextIO) -> int:
    """One row per leader and practice, then one per practice over every leader; the
    count of rows written (the header not counted)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    span = (report.since.isoformat(), report.until.isoformat())
    practices = {line.practice.code: line.practice for line in report.practices}
    rows = 0
    for leader in report.leaders:
        for cell in report.cells_of(leader.username):
            practice = practices[cell.practice]
            writer.writerow(
                (
                    *span,
                    leader.username,
                    leader.name,
                    leader.role,
                    practice.code,
                    practice.name,
                    practice.frequency,
                    cell.tally.done,
                    cell.tally.due,
                    cell.tally.held,
                    pct_text(cell.tally),
                    cell.goal_pct,
                    meets_text(cell.meets),
                )
            )
            rows += 1
    for line in report.practices:
        practice = line.practice
        writer.writerow(
            (
                *span,
                ALL,
                "",
                "/".join(practice.per_period),
                practice.code,
                practice.name,
                practice.frequency,
                line.tally.done,
                line.tally.due,
                line.tally.held,
                pct_text(line.tally),
                practice.goal_pct,
                meets_text(line.meets),
            )
        )
        rows += 1
    return rows
