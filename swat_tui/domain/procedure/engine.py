"""The rules of the SWAT procedure over a ``CallState``: pure functions, no I/O.

Every function takes the definition and a state and returns a new state or
raises ``RuleViolation`` with the rule's message for row 24.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from swat_tui.domain.errors import DomainError, refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.check_ids import (
    F7_READ,
    IDENTITY,
    REQUEST,
    TYPIFICATION,
)
from swat_tui.domain.procedure.definition import CheckDef, ProcedureDef, StepDef
from swat_tui.domain.procedure.state import CallState, Mark, Request

if TYPE_CHECKING:
    from swat_tui.domain.procedure.routes import BranchRoutes

LAST_STEP = 8
BLACKLIST_CHECKS = (F7_READ, IDENTITY)


class RuleViolation(DomainError):
    """A procedure rule refused an action; ``rule`` names which."""

    def __init__(self, message: str, *, rule: str) -> None:
        super().__init__(message, code=rule)
        self.rule = rule


def _violation(procedure: ProcedureDef, rule: str, **values: object) -> RuleViolation:
    return RuleViolation(procedure.message(rule, **values), rule=rule)


def _summary(missing: list[CheckDef]) -> str:
    """The first pending check and how many more: short enough for row 24."""
    more = f" y {len(missing) - 1} más" if len(missing) > 1 else ""
    return f"{missing[0].label}{more}"


def applies(
    check: CheckDef, step: StepDef, state: CallState, routes: BranchRoutes | None = None
) -> bool:
    """Whether a check is asked of this call (flag and branch conditions).

    In steps 3-6 a check recorded on a panel applies only while the request is
    routed to that panel (``data/branch_routes.toml``, by branch and sub-flow):
    giving a sub-flow a panel of its own moves its checks there.
    """
    if check.when is not None and check.when not in state.flags:
        return False
    if step.branch is None:
        return True
    if step.branch not in state.request_branches:
        return False
    if routes is not None and check.panel is not None:
        return routes.route(step.branch, state.subflow_in(step.branch)).panel == check.panel
    return True


def step_applies(step: StepDef, state: CallState) -> bool:
    """Steps 1, 2, 7, 8 always; a branch step when the request goes through its branch
    (its own, or the one its route followed: soporte -> visita)."""
    return step.branch is None or step.branch in state.request_branches


def is_done(check: CheckDef, state: CallState) -> bool:
    if check.per_request and state.awaiting_request:
        return False  # a new request is on its way: its checks are all to do
    request = state.request_number if check.per_request else 0
    return state.mark_for(check.id, request) is not None


def pending(procedure: ProcedureDef, state: CallState, step_number: int) -> list[CheckDef]:
    """Checks of a step still to do for this call (or its current request)."""
    step = procedure.step(step_number)
    routes = procedure.routes
    return [c for c in step.checks if applies(c, step, state, routes) and not is_done(c, state)]


def record(
    procedure: ProcedureDef, state: CallState, check_id: str, result: str, at: datetime
) -> CallState:
    """Mark a check done. Checks of later steps may be done early (F22 at any time)."""
    if state.ended:
        raise _violation(procedure, "call_closed")
    check = procedure.check(check_id)
    if check is None:
        raise _violation(procedure, "unknown_check", check=check_id)
    step = procedure.step(check.step)
    if check.id == TYPIFICATION and (state.request is None or state.awaiting_request):
        raise _violation(procedure, "typify_needs_request")
    if not applies(check, step, state, procedure.routes):
        raise _violation(procedure, "check_not_applicable", check=check_id)
    if check.needs is not None:
        needed = procedure.check(check.needs)
        assert needed is not None  # validated when the definition was read
        if not is_done(needed, state):
            if check.needs_message:
                raise RuleViolation(check.needs_message, rule="check_needs")
            raise _violation(procedure, "check_needs", check=check.label, needed=needed.label)
    request = state.request_number if check.per_request else 0
    return replace(state, marks=(*state.marks, Mark(check.id, request, result, at)))


def revoke(procedure: ProcedureDef, state: CallState, check_id: str) -> CallState:
    """Take back a revocable check (the agent cleared its field): it is pending again."""
    if state.ended:
        raise _violation(procedure, "call_closed")
    check = procedure.check(check_id)
    if check is None:
        raise _violation(procedure, "unknown_check", check=check_id)
    if not check.revocable:
        raise _violation(procedure, "check_not_revocable", check=check.label)
    request = state.request_number if check.per_request else 0
    kept = tuple(m for m in state.marks if (m.check, m.request) != (check.id, request))
    return replace(state, marks=kept)


def start_request(
    procedure: ProcedureDef, state: CallState, branch: str, description: str, at: datetime
) -> CallState:
    """Record the customer's request and its branch (the step-2 'solicitud' check)."""
    if branch not in procedure.branch_ids:
        raise refusal("branch_unknown", branch=branch[:12])
    text = " ".join(description.split())
    if not text:
        raise refusal("request_text_missing")
    current = state.request
    if current is not None and state.mark_for(TYPIFICATION, current.number) is None:
        # Correcting the request before it was typified: replace it.
        requests = (*state.requests[:-1], Request(current.number, branch, text))
    else:
        requests = (*state.requests, Request(len(state.requests) + 1, branch, text))
    updated = replace(state, requests=requests)
    return record(procedure, updated, REQUEST, f"{branch}: {text}", at)


def advance(procedure: ProcedureDef, state: CallState) -> CallState:
    """Move to the next step that applies, if the current one is complete."""
    if state.ended:
        raise _violation(procedure, "call_closed")
    missing = pending(procedure, state, state.step)
    if missing:
        raise _violation(procedure, "step_pending", step=state.step, pending=_summary(missing))
    if state.step == LAST_STEP:
        raise _violation(procedure, "closing_protocol", pending="termine la llamada")
    following = state.step + 1
    while following < LAST_STEP and not step_applies(procedure.step(following), state):
        following += 1
    return replace(state, step=following)


def another_request(procedure: ProcedureDef, state: CallState) -> CallState:
    """The customer has something else: back to step 2 for a new request, same call."""
    if state.ended:
        raise _violation(procedure, "call_closed")
    if state.request is None or state.mark_for(TYPIFICATION, state.request_number) is None:
        raise _violation(procedure, "close_needs_typification")
    return replace(state, step=2)


def end(procedure: ProcedureDef, state: CallState) -> CallState:
    """Close the call: every request typified and the closing protocol complete."""
    if state.ended:
        raise _violation(procedure, "call_closed")
    if not state.requests:
        raise _violation(procedure, "typify_needs_request")
    for request in state.requests:
        if state.mark_for(TYPIFICATION, request.number) is None:
            raise _violation(procedure, "close_needs_typification")
    if state.step != LAST_STEP:
        raise _violation(
            procedure, "closing_protocol", pending=f"llegue al paso {LAST_STEP} (Intro)"
        )
    missing = pending(procedure, state, LAST_STEP)
    if missing:
        raise _violation(procedure, "closing_protocol", pending=_summary(missing))
    return replace(state, ended=True)


def escalated(procedure: ProcedureDef, state: CallState) -> bool:
    """The current request's branch step (3-6) was answered N: not solved on the line,
    so its typification escalates (CUN or DIME), never first contact."""
    actions = load_actions()
    for step in procedure.steps:
        if step.branch is None:
            continue
        for check in step.checks:
            mark = state.mark_for(check.id, state.request_number)
            if mark is not None and actions.is_escalated(mark.result):
                return True
    return False


def typification_refusal(procedure: ProcedureDef, state: CallState) -> RuleViolation | None:
    """Why the current request cannot be typified now, or None: it needs a request whose
    step 2 is complete, and it is typified once."""
    request = state.request
    if request is None or state.awaiting_request:
        return _violation(procedure, "typify_needs_request")
    if state.mark_for(TYPIFICATION, request.number) is not None:
        return _violation(procedure, "typify_once", number=request.number)
    missing = pending(procedure, state, 2)
    if missing:
        return _violation(procedure, "typify_needs_step2", todo=missing[0].todo)
    return None


def may_show_personal_data(state: CallState) -> bool:
    """The blacklist rule: only after F7 was read and the identity validated."""
    if "blacklist" not in state.flags:
        return True
    return all(state.mark_for(check, 0) is not None for check in BLACKLIST_CHECKS)


def ensure_may_show_personal_data(procedure: ProcedureDef, state: CallState) -> None:
    if not may_show_personal_data(state):
        raise _violation(procedure, "blacklist_gate")


def next_action(
    procedure: ProcedureDef, state: CallState, typed: frozenset[str] = frozenset()
) -> str:
    """The one next thing the procedure asks of the agent.

    ``typed`` names the pending checks whose input the panel already holds and
    that Intro records: they are skipped, and once only they are left the line
    says to press Intro (their ``ready`` text).
    """
    if state.ended:
        return "Llamada terminada: complete el trabajo posterior (ACW)."
    missing = pending(procedure, state, state.step)
    waiting = [check for check in missing if check.id not in typed]
    if waiting:
        return waiting[0].todo
    if missing:
        said = (check.ready for check in missing if check.ready)
        return next(said, "Datos capturados: pulse Intro para continuar.")
    if state.step == LAST_STEP:
        return "Protocolo completo: termine la llamada."
    return f"Paso {state.step} completo: pulse Intro para continuar."
