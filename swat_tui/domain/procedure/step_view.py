"""What a panel shows of the procedure: its checks, which apply, done or pending.

A screen asks for the view of its panel and fills its fields from it; which
field records which check, its label and how it is entered come from
``data/procedure.toml``, not from literals in screens.
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.procedure import engine
from swat_tui.domain.procedure.definition import CheckDef, ProcedureDef
from swat_tui.domain.procedure.state import CallState


@dataclass(frozen=True)
class CheckView:
    """One check as its panel field shows it."""

    check: CheckDef
    applies: bool
    result: str | None  # the recorded result; None while pending

    @property
    def done(self) -> bool:
        return self.result is not None

    @property
    def field(self) -> str:
        assert self.check.field is not None
        return self.check.field


@dataclass(frozen=True)
class StepView:
    """The checks a panel records, and the one next thing the procedure asks."""

    panel: str
    checks: tuple[CheckView, ...]
    next_action: str

    def by_field(self, field: str) -> CheckView | None:
        """The check a field records (the one that applies, where several share it)."""
        found = [view for view in self.checks if view.check.field == field]
        applying = [view for view in found if view.applies]
        chosen = applying or found
        return chosen[0] if chosen else None


def step_view(procedure: ProcedureDef, state: CallState, panel: str) -> StepView:
    views = []
    for check in procedure.checks_on(panel):
        step = procedure.step(check.step)
        request = state.request_number if check.per_request else 0
        mark = state.mark_for(check.id, request)
        views.append(
            CheckView(
                check,
                engine.applies(check, step, state, procedure.routes),
                mark.result if mark is not None else None,
            )
        )
    return StepView(panel, tuple(views), engine.next_action(procedure, state))
