"""The BLACKLIST rule: what of an account an agent may see, decided here and only here.

A blacklisted account ("NO DAR INFO. VER F7") shows nothing personal and
nothing about billing until the rule allows it:

- in a call about that account: once the call recorded that the F7 notes were
  read AND the caller's identity was validated (``procedure.engine``);
- outside a call (or for another account consulted during a call): once this
  agent read its F7 notes in this session, with a banner that says to
  validate the identity before giving any information.

``Access`` says which of those points the rule stands at, so every panel's
banner states it as it is (F7 not read; F7 read and the identity pending;
both done in the call; read outside the call).

Screens receive views already masked by ``mask``; they never decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from swat_tui.domain.account.views import Access, AccountPanelView
from swat_tui.domain.errors import DomainError
from swat_tui.domain.messages import text
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.procedure.check_ids import F7_READ
from swat_tui.domain.procedure.engine import BLACKLIST_CHECKS
from swat_tui.domain.procedure.state import CallState

__all__ = ["Access", "DisclosureGate", "Gate", "mask"]

OUTSIDE_CALL_REFUSAL = "account.blacklist_outside_call"  # the catalogue id


class Gate(Protocol):
    """What the account service asks before it hands out a view."""

    def access(self, cuenta: int, *, blacklist: bool) -> Access: ...

    def require(self, cuenta: int, *, blacklist: bool) -> Access: ...


class DisclosureGate:
    """One agent's gate for one sign-on session.

    ``call_of`` returns the cuenta and procedure state of the call in progress
    (None outside a call), so the rule follows the call's account wherever it
    is opened: the call's panels, CTA001 from the menu, the Espejo, F10.
    """

    def __init__(self, call_of: Callable[[], tuple[int | None, CallState] | None]) -> None:
        self._call_of = call_of
        self._notes_read: set[int] = set()

    def notes_read(self, cuenta: int) -> None:
        """This agent was shown the F7 notes of ``cuenta`` in this session."""
        self._notes_read.add(cuenta)

    def access(self, cuenta: int, *, blacklist: bool) -> Access:
        if not blacklist:
            return Access.FULL
        call = self._call_of()
        if call is not None and call[0] == cuenta:
            state = call[1]
            if all(state.mark_for(check, 0) is not None for check in BLACKLIST_CHECKS):
                return Access.VALIDATED  # the engine records identity only after F7
            read = state.mark_for(F7_READ, 0) is not None
            return Access.IDENTITY_PENDING if read else Access.MASKED
        return Access.NOTES_READ if cuenta in self._notes_read else Access.MASKED

    def refusal(self, cuenta: int) -> str:
        """Row 24 when a masked account's data is asked for (F10, billing, cases...)."""
        call = self._call_of()
        if call is not None and call[0] == cuenta:
            return load_procedure().message("blacklist_gate")
        return text(OUTSIDE_CALL_REFUSAL)

    def require(self, cuenta: int, *, blacklist: bool) -> Access:
        """The access, or ``DomainError`` with ``refusal`` when the account is masked."""
        access = self.access(cuenta, blacklist=blacklist)
        if not access.shows_details:
            call = self._call_of()
            in_call = call is not None and call[0] == cuenta
            rule = "blacklist_gate" if in_call else OUTSIDE_CALL_REFUSAL
            raise DomainError(self.refusal(cuenta), rule=rule)
        return access


def mask(panel: AccountPanelView, access: Access) -> AccountPanelView:
    """The panel as ``access`` allows it.

    The step-2 flags (status, services, pending PQR, LLS/OT, avisos) stay: the
    agent must see and acknowledge them, and none of them is customer data.
    """
    if access.shows_details:
        return replace(panel, access=access, details_visible=True)
    return replace(
        panel,
        access=access,
        details_visible=False,
        holder_name=None,
        document=None,
        phone_mobile=None,
        phone_fixed=None,
        email=None,
        address=None,
        estrato=None,
        balance=None,
        monthly_rent=None,
        billing_cutoff_day=None,
        activated_on=None,
        tenure_months=None,
        open_dime_cases=(),  # what was escalated about billing or payments is the customer's
    )
