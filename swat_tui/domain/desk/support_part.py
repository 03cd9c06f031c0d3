"""What the soporte intents (Diagnosticador, falla masiva, inventario) share: the call
they act on, a soporte request of an account."""

from __future__ import annotations

from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.desk_part import DeskPart
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.state import CallState

SUPPORT_BRANCH = "soporte"


def is_support_request(state: CallState) -> bool:
    """The current request goes through soporte (its own branch, or the one it followed)."""
    return (
        state.request is not None
        and not state.awaiting_request
        and SUPPORT_BRANCH in state.request_branches
    )


class SupportPart(DeskPart):
    """The guard every soporte action passes first."""

    def _support_call(self, where: str) -> tuple[ActiveCall, int]:
        """The call and its cuenta; refused outside a call of an account (``where`` says
        what acts, "El Diagnosticador actúa") or without a soporte request."""
        call = self.active
        if call is None or call.record.cuenta is None:
            raise DomainError(f"{where} dentro de la llamada de la cuenta.")
        if not is_support_request(call.record.state):
            raise DomainError("Registre primero la solicitud de soporte (paso 2).")
        return call, call.record.cuenta
