"""Notes too long for the typification go to the account's SWAT folder (F7 then F6)."""

from __future__ import annotations

from swat_tui.domain.account.notes import FOLDER_NOTE_MAX
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.typification_rules import SWAT_FOLDER
from swat_tui.domain.errors import refusal
from swat_tui.store.models import Agent
from swat_tui.store.queries import notes as note_queries


def add_swat_note(change: CallChange, text: str) -> None:
    """Append ``text`` to the SWAT folder of the call's account, creating the folder."""
    call, session = change.call, change.session
    body = text.rstrip()
    if not body:
        raise refusal("account.note_empty")
    if len(body) > FOLDER_NOTE_MAX:
        raise refusal("call.swat_note_long", length=len(body), maximum=FOLDER_NOTE_MAX)
    if call.cuenta is None:
        raise refusal("call.account_first")
    agent = session.get(Agent, call.agent_id)
    author = agent.username if agent else ""
    folder = note_queries.get_folder(session, cuenta=call.cuenta, name=SWAT_FOLDER)
    if folder is None:  # created once even when two agents' calls create it at once
        folder, _created = note_queries.ensure_folder(
            session, cuenta=call.cuenta, name=SWAT_FOLDER, created_by=author, at=change.now
        )
    note_queries.add_note(
        session, cuenta=call.cuenta, author=author, text=body, at=change.now, folder_id=folder.id
    )
    change.event("nota_swat", f"{len(body)} caracteres")
