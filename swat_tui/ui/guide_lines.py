"""The procedure guide as lines of text, for the F1 panel and the side column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import clip

if TYPE_CHECKING:
    from swat_tui.domain.procedure.guide import GuideStep, GuideView

STATUS_MARK = {"actual": ">>", "hecho": "OK", "pendiente": "..", "no aplica": "--"}


def step_line(step: GuideStep, width: int) -> str:
    """``>> 2 Interpretación del requerimiento   3/6``; where the title does not fit,
    the step's short title (the F1 panel, 78 columns wide, shows every title whole)."""
    done = sum(1 for check in step.checks if check.done)
    count = f"{done}/{len(step.checks)}" if step.checks else ""
    room = width - len(count) - 1
    mark = f"{STATUS_MARK[step.status]} {step.number} "
    title = step.title
    if len(mark) + len(title) > room and step.short_title:
        title = step.short_title
    return f"{clip(mark + title, room):<{room}} {count}"


def check_line(done: bool, label: str, width: int) -> str:
    """``[X] Guion de bienvenida`` or ``[ ] ...``."""
    return clip(f"  [{'X' if done else ' '}] {label}", width)


def current_step(view: GuideView) -> GuideStep | None:
    for step in view.steps:
        if step.status == "actual":
            return step
    return None
