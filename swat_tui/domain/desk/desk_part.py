"""What every intent mixin of ``Desk`` relies on: the desk's services, agent, gate and
call, its clock, and how a changed call record reaches the UI."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.errors import account_not_found
from swat_tui.domain.services import Services
from swat_tui.store.models import Account
from swat_tui.store.queries import access_log
from swat_tui.store.queries import accounts as account_queries


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

    def _gated_account(self, session: Session, cuenta: int, action: str) -> Account:
        """The account an intent reads, once the BLACKLIST rule allows it, its access
        logged as ``action``; refused for an unknown cuenta."""
        account = account_queries.get_account(session, cuenta=cuenta)
        if account is None:
            raise account_not_found(cuenta)
        self.gate.require(cuenta, blacklist=account.blacklist)
        access_log.log_access(
            session, username=self.agent.username, cuenta=cuenta, action=action, at=self._now()
        )
        return account
