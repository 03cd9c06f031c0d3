"""``swat base report``: the indicator as text lines or as one CSV table."""

from __future__ import annotations

import csv
from typing import TextIO

from swat_tui.domain.supervisor.campaign.indicator import CampaignIndicator
from swat_tui.domain.supervisor.kpi_figures import one_decimal

CSV_HEADER = (
    "nivel",
    "campana",
    "clave",
    "nombre",
    "intentos",
    "registros",
    "contactados",
    "pct_contacto_efectivo",
    "meta_pct",
)


def report_csv(indicator: CampaignIndicator, out: TextIO) -> int:
    """One table: the campaign's row, one per agent, one per day; the rows written
    (the header apart). Levels: campana, asesor, dia (its % cumulative)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    goal = indicator.goal_pct
    rows: list[tuple[object, ...]] = [
        ("campana", indicator.code, indicator.code, indicator.name, indicator.attempts,
         indicator.records, indicator.contacted, f"{indicator.pct:.1f}", goal),
    ]  # fmt: skip
    rows += [
        ("asesor", indicator.code, a.username, a.display_name, a.attempts, a.records,
         a.contacted, f"{a.pct:.1f}", goal)
        for a in indicator.by_agent
    ]  # fmt: skip
    rows += [
        ("dia", indicator.code, d.day.isoformat(), "", d.attempts, indicator.records,
         d.cumulative, f"{d.pct:.1f}", goal)
        for d in indicator.by_day
    ]  # fmt: skip
    writer.writerows(rows)
    return len(rows)


def report_lines(indicator: CampaignIndicator) -> list[str]:
    """The indicator for a terminal: the campaign against its goal, agents, days."""
    verdict = "cumple la meta" if indicator.meets_goal else "por debajo de la meta"
    lines = [
        f"Campaña {indicator.code} — {indicator.name} ({indicator.status})",
        f"CASOS CONTACTO EFECTIVO: {indicator.contacted} de {indicator.records} registros = "
        f"{one_decimal(indicator.pct)} % (meta {indicator.goal_pct} %: {verdict})",
        "Registros: "
        + ", ".join(f"{status} {count}" for status, count in sorted(indicator.by_status.items())),
        "",
        f"{'Asesor':<10} {'Nombre':<24} {'Intentos':>8} {'Registros':>9} {'Contactos':>9} {'%':>6}",
    ]
    for a in indicator.by_agent:
        lines.append(
            f"{a.username:<10} {a.display_name[:24]:<24} {a.attempts:>8} {a.records:>9} "
            f"{a.contacted:>9} {one_decimal(a.pct):>6}"
        )
    if not indicator.by_agent:
        lines.append("(ningún asesor ha trabajado la campaña)")
    lines += ["", f"{'Día':<10} {'Intentos':>8} {'Contactos':>9} {'Acumulado':>9} {'%':>6}"]
    for d in indicator.by_day:
        lines.append(
            f"{d.day:%d/%m/%Y} {d.attempts:>8} {d.contacted:>9} {d.cumulative:>9} "
            f"{one_decimal(d.pct):>6}"
        )
    return lines
