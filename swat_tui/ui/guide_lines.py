"""The procedure guide as lines of text, for the F1 panel and the side column."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from swat_tui.domain.procedure.guide import GuideStep, GuideView

STATUS_MARK = {"actual": ">>", "hecho": "OK", "pendiente": "..", "no aplica": "--"}


def step_line(step: GuideStep, width: int) -> str:
    """``>> 2 Interpretación del requerimiento   3/6``."""
    done = sum(1 for check in step.checks if check.done)
    count = f"{done}/{len(step.checks)}" if step.checks else ""
    text = f"{STATUS_MARK[step.status]} {step.number} {step.title}"
    return f"{text[: width - len(count) - 1]:<{width - len(count) - 1}} {count}"


def check_line(done: bool, label: str, width: int) -> str:
    """``[X] Guion de bienvenida`` or ``[ ] ...``."""
    return f"  [{'X' if done else ' '}] {label}"[:width]


def current_step(view: GuideView) -> GuideStep | None:
    for step in view.steps:
        if step.status == "actual":
            return step
    return None
