"""The step-2 flags of an account, as the procedure engine names them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView


def account_flags(view: AccountPanelView) -> frozenset[str]:
    """``blacklist``, ``pqr_pendiente``, ``visita_pendiente``, ``aviso`` as they apply."""
    flags = set()
    if view.blacklist:
        flags.add("blacklist")
    if view.pending_pqrs:
        flags.add("pqr_pendiente")
    if view.pending_visits:
        flags.add("visita_pendiente")
    if view.open_incidents:
        flags.add("aviso")
    return frozenset(flags)
