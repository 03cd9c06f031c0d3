"""The desk's intents for Billing (a mixin of ``Desk``, kept apart so each file has one job)."""

from __future__ import annotations

from datetime import datetime

from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.services import Services


class BillingIntents:
    """What the agent does for Billing, through the desk's gate, one transaction each."""

    services: Services
    agent: SignedOnAgent
    gate: DisclosureGate
    active: ActiveCall | None

    def _now(self) -> datetime:
        raise NotImplementedError

    def _changed(self, record: CallRecord) -> CallRecord:
        raise NotImplementedError
