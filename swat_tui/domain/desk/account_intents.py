"""The desk's intents about accounts: every view passes the BLACKLIST rule.

A mixin of ``Desk`` (kept apart so each file has one job): search, CTA001,
F10, F7 and folders, the UCC catalogue and the call log. The gate decides
what the agent may see; reading F7 in a call about a blacklisted account is
one transaction with the call's "notas F7 leídas" check.
"""

from __future__ import annotations

from swat_tui.domain.account.notes import read_special_notes
from swat_tui.domain.account.query import AccountQuery
from swat_tui.domain.account.service import SearchPage
from swat_tui.domain.account.views import AccountPanelView, InventoryView, NoteLine, NotesView
from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.call.ucc import UccCatalog, UccEntry
from swat_tui.domain.call.views import CallLogLine, CallRecord
from swat_tui.domain.desk.desk_part import DeskPart
from swat_tui.domain.pqr.consult import PqrsView, consult_pqrs
from swat_tui.domain.procedure.check_ids import F7_READ
from swat_tui.store.engine import write_session

NOTES_CHECK = F7_READ


class AccountIntents(DeskPart):
    """What the agent does with accounts, through the desk's gate."""

    def search(self, query: AccountQuery, *, offset: int = 0, limit: int = 10) -> SearchPage:
        """Accounts matching ``query`` (a blacklisted row shows no holder)."""
        return self.services.accounts.search(query, offset=offset, limit=limit)

    def account_panel(self, cuenta: int) -> AccountPanelView:
        """CTA001 of any account, as the rule allows it now (logged)."""
        return self.services.accounts.open_panel(cuenta, agent=self.agent.username, gate=self.gate)

    def pqrs(self, cuenta: int) -> PqrsView:
        """Step 6, consult: the account's PQRs as recorded, refused while it is masked."""
        return consult_pqrs(
            self.services.engine,
            self._now,
            cuenta,
            agent=self.agent.username,
            gate=self.gate,
        )

    def inventory(self, cuenta: int) -> InventoryView:
        """F10, refused with the rule's message while the account is masked."""
        return self.services.accounts.inventory(cuenta, agent=self.agent.username, gate=self.gate)

    def read_special_notes(self, cuenta: int) -> NotesView:
        """F7: the notes are shown and logged; in a call about this blacklisted account
        the "notas F7 leídas" check is recorded in the same transaction."""
        call = self.active
        now = self._now()
        in_call = call is not None and call.record.cuenta == cuenta
        with write_session(self.services.engine) as session:
            view = read_special_notes(session, cuenta, agent=self.agent.username, at=now)
            record = None
            if in_call and call is not None and self._notes_check_pending(call.record):

                def apply(change: CallChange) -> None:
                    change.require_workable()
                    change.record(NOTES_CHECK, "leídas")

                procedure = self.services.calls.procedure
                record = change_in(session, procedure, call.call_id, now, apply)
        self.gate.notes_read(cuenta)
        if record is not None:
            self._changed(record)
        return view

    def folder_notes(self, cuenta: int, folder: str) -> NotesView:
        return self.services.notes.folder_notes(cuenta, folder)

    def add_note(self, cuenta: int, text: str, *, folder: str | None = None) -> NoteLine:
        """A special note (F7) or a note in ``folder`` (e.g. SWAT), by this agent."""
        return self.services.notes.add_note(cuenta, text, agent=self.agent.username, folder=folder)

    def create_folder(self, cuenta: int, name: str) -> str:
        return self.services.notes.create_folder(cuenta, name, agent=self.agent.username)

    # -- catalogues and history ------------------------------------------------------------

    def ucc_search(self, text: str, *, branch: str | None = None) -> tuple[UccEntry, ...]:
        """F22: the UCC catalogue by code or words (the request's branch first)."""
        return UccCatalog(self.services.engine).search(text, branch=branch)

    def call_log(self, cuenta: int) -> tuple[CallLogLine, ...]:
        """F22 then F13: the account's earlier contacts (not the call in progress)."""
        current = self.active.call_id if self.active else None
        return self.services.calls.call_log(cuenta, exclude_call_id=current)

    @staticmethod
    def _notes_check_pending(record: CallRecord) -> bool:
        state = record.state
        return "blacklist" in state.flags and state.mark_for(NOTES_CHECK, 0) is None

    def _refresh_account(self) -> None:
        """Re-read the call's account when the rule now allows more (or less) of it."""
        call = self.active
        if call is None or call.account is None or call.record.cuenta is None:
            return
        view = call.account
        access = self.gate.access(view.cuenta, blacklist=view.blacklist)
        if access != view.access:
            call.account = self.account_panel(view.cuenta)
