"""What the soporte areas (Diagnosticador, falla masiva, inventario) check first: the
call they act on is a call of an account with a soporte request."""

from __future__ import annotations

from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.context import DeskContext
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.state import CallState

SUPPORT_BRANCH = "soporte"


def is_support_request(state: CallState) -> bool:
    """The current request goes through soporte (its own branch, or the one it followed)."""
    return (
        state.request is not None
        and not state.awaiting_request
        and SUPPORT_BRANCH in state.request_branches
    )


def support_call(ctx: DeskContext, outside: str) -> tuple[ActiveCall, int]:
    """The call and its cuenta; refused outside a call of an account (``outside``:
    the catalogue id that says so for the area, "support.outside_call.mass") or
    without a soporte request."""
    call = ctx.call
    if call is None or call.record.cuenta is None:
        raise refusal(outside)
    if not is_support_request(call.record.state):
        raise refusal("support.request_first")
    return call, call.record.cuenta
