"""What the procedure guide shows: the eight steps, their checks, the next action."""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.engine import applies, is_done, next_action, step_applies
from swat_tui.domain.procedure.state import CallState


@dataclass(frozen=True)
class GuideCheck:
    label: str
    done: bool


@dataclass(frozen=True)
class GuideStep:
    number: int
    title: str
    status: str  # "actual" | "hecho" | "pendiente" | "no aplica"
    checks: tuple[GuideCheck, ...]
    short_title: str = ""  # where the title does not fit (the guide column)


@dataclass(frozen=True)
class GuideView:
    steps: tuple[GuideStep, ...]
    next_action: str


def guide(
    procedure: ProcedureDef, state: CallState, typed: frozenset[str] = frozenset()
) -> GuideView:
    """The guide for a call in ``state`` (``typed``: see ``engine.next_action``)."""
    steps = []
    for step in procedure.steps:
        checks = tuple(
            GuideCheck(check.label, is_done(check, state))
            for check in step.checks
            if applies(check, step, state, procedure.routes)
        )
        if step.number == state.step and not state.ended:
            status = "actual"
        elif not step_applies(step, state) and state.request is not None:
            status = "no aplica"
        elif step.number < state.step or state.ended:
            status = "hecho"
        else:
            status = "pendiente"
        steps.append(GuideStep(step.number, step.title, status, checks, step.short_title))
    return GuideView(tuple(steps), next_action(procedure, state, typed))
