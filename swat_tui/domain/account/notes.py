"""Special notes (F7) and SWAT note folders (F7+F6) of an account.

A special note holds at most 1000 characters; longer texts go in a named
folder (the procedure's "SWAT" folder), whose notes hold up to 10000. Text is
stored exactly as typed except for trailing whitespace: markup-looking text
such as "[bold]" is data, and escaping it is the screen's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.account.views import NoteLine, NotesView
from swat_tui.domain.errors import account_not_found, refusal
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Note, NoteFolder
from swat_tui.store.queries import access_log
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import notes as note_queries

SPECIAL_NOTE_MAX = 1000
FOLDER_NOTE_MAX = 10000
FOLDER_NAME = re.compile(r"[A-Z0-9_]{1,10}")


class NoteService:
    """Reads and writes an account's notes."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def special_notes(self, cuenta: int, *, agent: str) -> NotesView:
        """F7: the special notes and the folder names, logged as an F7 view."""
        with write_session(self._engine) as session:
            return read_special_notes(session, cuenta, agent=agent, at=self._clock())

    def folder_notes(self, cuenta: int, folder: str) -> NotesView:
        """The notes of one folder (name case-insensitive)."""
        with read_session(self._engine) as session:
            _require_account(session, cuenta)
            found = _require_folder(session, cuenta, folder)
            assert found.id is not None
            notes = note_queries.folder_notes(session, folder_id=found.id)
            return NotesView(cuenta, found.name, _lines(notes), _folder_names(session, cuenta))

    def add_note(
        self, cuenta: int, text: str, *, agent: str, folder: str | None = None
    ) -> NoteLine:
        """Append a note, to the special notes or to ``folder``; returns it as listed."""
        now = self._clock()
        with write_session(self._engine) as session:
            return add_note_in(session, cuenta, text, agent=agent, folder=folder, at=now)

    def create_folder(self, cuenta: int, name: str, *, agent: str) -> str:
        """F7+F6: a new named folder; returns the name as stored (upper-case)."""
        now = self._clock()
        with write_session(self._engine) as session:
            return create_folder_in(session, cuenta, name, agent=agent, at=now)


def add_note_in(
    session: Session, cuenta: int, text: str, *, agent: str, folder: str | None, at: datetime
) -> NoteLine:
    """``NoteService.add_note`` inside a transaction the caller owns (a note in a call
    is written with the call's event)."""
    body = text.rstrip()
    if not body:
        raise refusal("account.note_empty")
    if folder is None and len(body) > SPECIAL_NOTE_MAX:
        raise refusal("account.special_note_long", length=len(body), maximum=SPECIAL_NOTE_MAX)
    if folder is not None and len(body) > FOLDER_NOTE_MAX:
        raise refusal("account.folder_note_long", length=len(body), maximum=FOLDER_NOTE_MAX)
    _require_account(session, cuenta)
    folder_id = None if folder is None else _require_folder(session, cuenta, folder).id
    note = note_queries.add_note(
        session, cuenta=cuenta, author=agent, text=body, at=at, folder_id=folder_id
    )
    return _line(note)


def create_folder_in(session: Session, cuenta: int, name: str, *, agent: str, at: datetime) -> str:
    """``NoteService.create_folder`` inside a transaction the caller owns."""
    folder_name = name.strip().upper()
    if not FOLDER_NAME.fullmatch(folder_name):
        raise refusal("account.folder_name_invalid")
    _require_account(session, cuenta)
    _folder, created = note_queries.ensure_folder(
        session, cuenta=cuenta, name=folder_name, created_by=agent, at=at
    )
    if not created:  # already there, or another agent's committed first: one folder
        raise refusal("account.folder_exists", folder=folder_name, cuenta=cuenta)
    return folder_name


def _require_account(session: Session, cuenta: int) -> None:
    if account_queries.get_account(session, cuenta=cuenta) is None:
        raise account_not_found(cuenta)


def _require_folder(session: Session, cuenta: int, name: str) -> NoteFolder:
    folder_name = name.strip().upper()
    found = note_queries.get_folder(session, cuenta=cuenta, name=folder_name)
    if found is None:
        raise refusal("account.folder_missing", folder=folder_name[:10], cuenta=cuenta)
    return found


def _folder_names(session: Session, cuenta: int) -> tuple[str, ...]:
    return tuple(folder.name for folder in note_queries.folders_of(session, cuenta=cuenta))


def _line(note: Note) -> NoteLine:
    assert note.id is not None
    return NoteLine(note.id, note.author, note.created_at.astimezone(BOGOTA), note.text)


def _lines(notes: Sequence[Note]) -> tuple[NoteLine, ...]:
    return tuple(_line(note) for note in notes)


def read_special_notes(session: Session, cuenta: int, *, agent: str, at: datetime) -> NotesView:
    """F7 inside a transaction the caller owns: the notes, logged as an F7 view."""
    _require_account(session, cuenta)
    access_log.log_access(session, username=agent, cuenta=cuenta, action="F7", at=at)
    notes = note_queries.special_notes(session, cuenta=cuenta)
    return NotesView(cuenta, None, _lines(notes), _folder_names(session, cuenta))
