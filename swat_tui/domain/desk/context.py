"""What every area of the desk shares: one ``DeskContext`` per sign-on session.

The areas (accounts, SAC, billing, DIME, PQR, support, visits, the call's
record) receive this context and nothing else of the desk: the services, the
signed-on agent, the clock, the BLACKLIST gate, the call in progress (the desk
owns it; areas read it), ``changed`` (the one way a committed change of the
call reaches the desk and its listeners) and ``refused`` (every refused intent
passes there). ``transaction`` is the pattern every writing intent follows:
one write session, the account read through the gate with its access logged,
the call changed (if still workable, with the UCC code the action suggests) and, only once the
transaction committed, the desk told. A refusal inside it writes nothing and
leaves the desk as it was; so does a row another agent changed meanwhile
(a stale version, refused through ``domain.versions``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.account.views import AccountPanelView
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.call.refusals import record_refusal
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.errors import DomainError, StoreBusy, account_not_found, refusal
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import SUGGESTED_CODE_FIELD, CallState
from swat_tui.domain.services import Services
from swat_tui.domain.versions import stale_write_refusal
from swat_tui.store.engine import write_session
from swat_tui.store.models import Account
from swat_tui.store.queries import access_log
from swat_tui.store.queries import accounts as account_queries

Tell = Callable[[str, str], None]
AccountUpdate = Callable[[AccountPanelView], AccountPanelView]
_log = logging.getLogger(__name__)


class DeskContext:
    """The one context every area of a desk receives."""

    def __init__(self, services: Services, agent: SignedOnAgent, tell: Tell) -> None:
        self.services = services
        self.agent = agent
        self.gate = DisclosureGate(self._call_account)
        self._call: ActiveCall | None = None
        self._tell = tell

    # -- what every area reads -----------------------------------------------------------

    def now(self) -> datetime:
        return self.services.clock()

    @property
    def procedure(self) -> ProcedureDef:
        """The procedure's data: branches, rule messages, limits (data/procedure.toml)."""
        return self.services.calls.procedure

    @property
    def call(self) -> ActiveCall | None:
        """The call on the line (None between calls); only the desk sets it."""
        return self._call

    @call.setter
    def call(self, call: ActiveCall | None) -> None:
        self._call = call

    def require_call(self) -> ActiveCall:
        if self._call is None:
            raise refusal("call.none_in_progress")
        return self._call

    def call_of(self, cuenta: int) -> ActiveCall | None:
        """The call on the line when it is about ``cuenta``, else None."""
        call = self._call
        return call if call is not None and call.record.cuenta == cuenta else None

    def _call_account(self) -> tuple[int | None, CallState] | None:
        if self._call is None:
            return None
        return self._call.record.cuenta, self._call.record.state

    # -- what reaches the desk ------------------------------------------------------------

    def changed(self, record: CallRecord, *, account: AccountUpdate | None = None) -> CallRecord:
        """A committed change of the call: the desk's record, the call's account view
        (``account`` updates it first, e.g. a new pending visit) and the listeners."""
        call = self.require_call()
        call.record = record
        if account is not None and call.account is not None:
            call.account = account(call.account)
        self.refresh_account()
        self._tell("call", "")
        return record

    def tell(self, kind: str, message: str = "") -> None:
        """Tell the desk's listeners (the UI) something changed."""
        self._tell(kind, message)

    def refused(self, intent: str, error: DomainError) -> None:
        """Every refused intent ("visit.book") passes here, once its transaction rolled
        back: the audit row (rule, row-24 text, the call on the line or None) is written
        in a transaction of its own. A busy store loses the audit row, never the
        agent's refusal: row 24 still says why."""
        call = self._call
        try:
            record_refusal(
                self.services.engine,
                at=self.now(),
                username=self.agent.username,
                call_id=call.call_id if call is not None else None,
                intent=intent,
                error=error,
            )
        except StoreBusy:
            _log.warning("refused intent %s not on record: the store was busy", intent)

    def refresh_account(self) -> None:
        """Re-read the call's account when the rule now allows more (or less) of it."""
        call = self._call
        if call is None or call.account is None or call.record.cuenta is None:
            return
        view = call.account
        if self.gate.access(view.cuenta, blacklist=view.blacklist) != view.access:
            call.account = self.services.accounts.open_panel(
                view.cuenta, agent=self.agent.username, gate=self.gate
            )

    # -- the transaction every writing intent runs in ---------------------------------------

    def gated_account(self, session: Session, cuenta: int, action: str) -> Account:
        """The account an intent reads, once the BLACKLIST rule allows it, its access
        logged as ``action``; refused for an unknown cuenta."""
        account = account_queries.get_account(session, cuenta=cuenta)
        if account is None:
            raise account_not_found(cuenta)
        self.gate.require(cuenta, blacklist=account.blacklist)
        access_log.log_access(
            session, username=self.agent.username, cuenta=cuenta, action=action, at=self.now()
        )
        return account

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write session; a call change made in it reaches the desk after commit.

        A row another agent changed under this one's write (its version moved on:
        ``StaleDataError`` at a flush or the commit) is a refusal like any other,
        ``versions.CHANGED``: the whole transaction rolled back, nothing was overwritten."""
        try:
            with write_session(self.services.engine) as session:
                tx = Transaction(self, session)
                yield tx
        except StaleDataError as error:
            raise stale_write_refusal(error) from None
        for done in tx.committed:
            done()
        if tx.record is not None:
            self.changed(tx.record, account=tx.account_update)


class Transaction:
    """One intent's write: the gated account reads and the call's change, together."""

    def __init__(self, ctx: DeskContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session
        self.record: CallRecord | None = None
        self.account_update: AccountUpdate | None = None
        self.committed: list[Callable[[], None]] = []

    def on_commit(self, done: Callable[[], None]) -> None:
        """Run ``done`` once the transaction committed, before the desk takes the call."""
        self.committed.append(done)

    def update_account(self, update: AccountUpdate) -> None:
        """How the call's account view changes with this write (a new pending visit)."""
        self.account_update = update

    def account(self, cuenta: int, action: str) -> Account:
        """The account through the BLACKLIST gate, its access logged as ``action``."""
        return self.ctx.gated_account(self.session, cuenta, action)

    def change_call(self, apply: Callable[[CallChange], str | None] | None = None) -> CallRecord:
        """Change the call on the line if it is still workable: ``apply`` changes it and
        returns the UCC code the action suggests for the request's typification (set
        while there is a request), or None. The desk takes the new record only after
        the transaction commits."""
        call = self.ctx.require_call()

        def change(change: CallChange) -> None:
            change.require_workable()
            code = apply(change) if apply is not None else None
            if code and change.state.request is not None:
                change.set_request_field(SUGGESTED_CODE_FIELD, code)

        self.record = change_in(
            self.session, self.ctx.procedure, call.call_id, self.ctx.now(), change
        )
        return self.record
