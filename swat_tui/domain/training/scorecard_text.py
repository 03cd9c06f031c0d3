"""A scorecard said in Spanish, line by line: the CLI prints it, panels lay it out.

The wording is the scorecard's (rules' messages and category names come from
``data/scorecard.toml``); this only puts the figures in sentences.
"""

from __future__ import annotations

from swat_tui.domain.training.scorecard import Deduction, Scorecard
from swat_tui.domain.training.scoring_rules import ScoringRules, load_scoring_rules


def clock(seconds: int) -> str:
    """``mm:ss`` as the softphone shows a call's time."""
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def verdict(card: Scorecard) -> str:
    """``APROBADO`` / ``NO APROBADO`` with why when it is not the score."""
    if card.passed:
        return "APROBADO"
    if card.critical:
        return "NO APROBADO (error crítico)"
    return "NO APROBADO"


def points(value: float) -> str:
    """A score or a deduction without a needless ``.0``."""
    return f"{value:g}"


def headline(card: Scorecard) -> list[str]:
    """Score and verdict, adherence, handle time, how the call ended."""
    adherence = card.adherence
    lines = [
        f"Puntaje: {points(card.score)}/100  {verdict(card)}  (mínimo {points(card.pass_mark)})",
        (
            f"Adherencia: {adherence.done}/{adherence.applicable} chequeos "
            f"({adherence.percent} %), {adherence.in_order} en el orden del procedimiento"
        ),
        f"Tiempo de atención: {clock(card.handle_seconds)} (meta {clock(card.target_seconds)})",
    ]
    critical = len(card.critical)
    lines.append(f"Errores críticos: {critical}" if critical else "Errores críticos: ninguno")
    if card.abandoned:
        lines.append("La llamada quedó abandonada: se califica con lo que alcanzó a hacer.")
    return lines


def deduction_line(deduction: Deduction, rules: ScoringRules | None = None) -> str:
    """``03:12 PQR030 -25 Crítico de negocio: <the rule's message>``."""
    category = (rules or load_scoring_rules()).categories.get(
        deduction.category, deduction.category
    )
    moment = deduction.moment
    return (
        f"{clock(moment.seconds)} {moment.panel or '-':6} -{points(deduction.points)} "
        f"{category}: {deduction.message}"
    )


def scorecard_lines(card: Scorecard, title: str) -> list[str]:
    """The whole card: what ``swat scenarios run`` prints."""
    rules = load_scoring_rules()
    lines = [f"Escenario {card.scenario_id}: {title}", *headline(card)]
    if card.deductions:
        lines.append("Deducciones (momento de la llamada, panel, puntos, regla):")
        lines.extend("  " + deduction_line(d, rules) for d in card.deductions)
    else:
        lines.append("Sin deducciones: la llamada siguió el procedimiento y el escenario.")
    return lines
