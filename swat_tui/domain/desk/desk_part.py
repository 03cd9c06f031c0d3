"""What every intent mixin of ``Desk`` relies on: the desk's services, agent, gate and
call, its clock, and how a changed call record reaches the UI."""

from __future__ import annotations

from datetime import datetime

from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.services import Services


class DeskPart:
    """The part of ``Desk`` its mixins (accounts, SAC, billing, DIME, PQR filing) use."""

    services: Services
    agent: SignedOnAgent
    gate: DisclosureGate
    active: ActiveCall | None

    def _now(self) -> datetime:
        raise NotImplementedError

    def _changed(self, record: CallRecord) -> CallRecord:
        raise NotImplementedError
