"""Opening an account's billing: it must exist, the BLACKLIST rule must allow its
data, and every view is logged (``access_log``) in the intent's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.account.disclosure import Gate
from swat_tui.domain.errors import account_not_found
from swat_tui.store.models import Account
from swat_tui.store.queries import access_log
from swat_tui.store.queries import accounts as account_queries

RENT = "RENTA"
CAMPAIGNS = "CAMPANAS"
CHARGES = "CARGOS"
PARADIGMA = "PARADIGMA"


def open_billing(
    session: Session, cuenta: int, *, gate: Gate, agent: str, action: str, at: datetime
) -> Account:
    """The account, once the gate allows its billing; the access is logged as ``action``."""
    account = account_queries.get_account(session, cuenta=cuenta)
    if account is None:
        raise account_not_found(cuenta)
    gate.require(cuenta, blacklist=account.blacklist)
    access_log.log_access(session, username=agent, cuenta=cuenta, action=action, at=at)
    return account
