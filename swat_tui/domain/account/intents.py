"""The accounts area of the desk: every view passes the BLACKLIST rule.

Search, CTA001, F10, F7 and folders, the UCC catalogue and the call log. The
gate decides what the agent may see; reading F7 in a call about a blacklisted
account is one transaction with the call's "notas F7 leídas" check.
"""

from __future__ import annotations

from swat_tui.domain.account.notes import add_note_in, create_folder_in, read_special_notes
from swat_tui.domain.account.query import AccountQuery
from swat_tui.domain.account.service import SearchPage
from swat_tui.domain.account.views import AccountPanelView, InventoryView, NoteLine, NotesView
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.ucc import UccCatalog, UccEntry
from swat_tui.domain.call.views import CallLogLine, CallRecord
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.procedure.check_ids import F7_READ

NOTES_CHECK = F7_READ


class AccountIntents(AreaService, area="accounts"):
    """What the agent does with accounts, through the desk's gate."""

    def search(self, query: AccountQuery, *, offset: int = 0, limit: int = 10) -> SearchPage:
        """Accounts matching ``query`` (a blacklisted row shows no holder)."""
        return self.ctx.services.accounts.search(query, offset=offset, limit=limit)

    def panel(self, cuenta: int) -> AccountPanelView:
        """CTA001 of any account, as the rule allows it now (logged)."""
        ctx = self.ctx
        return ctx.services.accounts.open_panel(cuenta, agent=ctx.agent.username, gate=ctx.gate)

    def equipment(self, cuenta: int) -> InventoryView:
        """F10, refused with the rule's message while the account is masked."""
        ctx = self.ctx
        return ctx.services.accounts.inventory(cuenta, agent=ctx.agent.username, gate=ctx.gate)

    def read_special_notes(self, cuenta: int) -> NotesView:
        """F7: the notes are shown and logged; in a call about this blacklisted account
        the "notas F7 leídas" check is recorded in the same transaction."""
        ctx = self.ctx
        call = ctx.call_of(cuenta)
        with ctx.transaction() as tx:
            view = read_special_notes(tx.session, cuenta, agent=ctx.agent.username, at=ctx.now())
            if call is not None and _notes_check_pending(call.record):

                def apply(change: CallChange) -> None:
                    change.record(NOTES_CHECK, "leídas")

                tx.change_call(apply)
            tx.on_commit(lambda: ctx.gate.notes_read(cuenta))
        return view

    def folder_notes(self, cuenta: int, folder: str) -> NotesView:
        return self.ctx.services.notes.folder_notes(cuenta, folder)

    def add_note(self, cuenta: int, text: str, *, folder: str | None = None) -> NoteLine:
        """A special note (F7) or a note in ``folder`` (e.g. SWAT), by this agent."""
        ctx = self.ctx
        if ctx.call_of(cuenta) is None:
            return ctx.services.notes.add_note(
                cuenta, text, agent=ctx.agent.username, folder=folder
            )
        with ctx.transaction() as tx:  # in a call of the account: with the call's event
            line = add_note_in(
                tx.session, cuenta, text, agent=ctx.agent.username, folder=folder, at=ctx.now()
            )

            def noted(change: CallChange) -> None:
                change.action("accounts.add_note", str(line.id), folder=folder or "")

            tx.change_call(noted)
        return line

    def create_folder(self, cuenta: int, name: str) -> str:
        """F7+F6: a new named folder of the account (in its call: with the call's event)."""
        ctx = self.ctx
        if ctx.call_of(cuenta) is None:
            return ctx.services.notes.create_folder(cuenta, name, agent=ctx.agent.username)
        with ctx.transaction() as tx:
            folder = create_folder_in(
                tx.session, cuenta, name, agent=ctx.agent.username, at=ctx.now()
            )

            def created(change: CallChange) -> None:
                change.action("accounts.create_folder", folder)

            tx.change_call(created)
        return folder

    # -- catalogues and history ------------------------------------------------------------

    def ucc_search(self, text: str, *, branch: str | None = None) -> tuple[UccEntry, ...]:
        """F22: the UCC catalogue by code or words (the request's branch first)."""
        return UccCatalog(self.ctx.services.engine).search(text, branch=branch)

    def call_log(self, cuenta: int) -> tuple[CallLogLine, ...]:
        """F22 then F13: the account's earlier contacts (not the call in progress)."""
        current = self.ctx.call.call_id if self.ctx.call else None
        return self.ctx.services.calls.call_log(cuenta, exclude_call_id=current)


def _notes_check_pending(record: CallRecord) -> bool:
    state = record.state
    return "blacklist" in state.flags and state.mark_for(NOTES_CHECK, 0) is None
