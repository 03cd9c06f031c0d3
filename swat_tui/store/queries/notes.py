"""Special notes (F7), note folders (F7+F6) and the notes inside them."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import Note, NoteFolder


def special_notes(session: Session, *, cuenta: int) -> Sequence[Note]:
    """The account's notes outside any folder, oldest first."""
    statement = (
        select(Note)
        .where(Note.cuenta == cuenta, col(Note.folder_id).is_(None))
        .order_by(col(Note.created_at), col(Note.id))
    )
    return session.exec(statement).all()


def folder_notes(session: Session, *, folder_id: int) -> Sequence[Note]:
    """The notes of one folder, oldest first."""
    statement = (
        select(Note).where(Note.folder_id == folder_id).order_by(col(Note.created_at), col(Note.id))
    )
    return session.exec(statement).all()


def folders_of(session: Session, *, cuenta: int) -> Sequence[NoteFolder]:
    """The account's folders, by name."""
    statement = select(NoteFolder).where(NoteFolder.cuenta == cuenta).order_by(col(NoteFolder.name))
    return session.exec(statement).all()


def get_folder(session: Session, *, cuenta: int, name: str) -> NoteFolder | None:
    """The account's folder called ``name`` (names are stored upper-case)."""
    statement = select(NoteFolder).where(NoteFolder.cuenta == cuenta, NoteFolder.name == name)
    return session.exec(statement).first()


def add_folder(
    session: Session, *, cuenta: int, name: str, created_by: str, at: datetime
) -> NoteFolder:
    """Add a folder to the caller's transaction."""
    folder = NoteFolder(cuenta=cuenta, name=name, created_by=created_by, created_at=at)
    session.add(folder)
    return folder


def add_note(
    session: Session,
    *,
    cuenta: int,
    author: str,
    text: str,
    at: datetime,
    folder_id: int | None = None,
) -> Note:
    """Add a note to the caller's transaction and flush it so it has an id."""
    note = Note(cuenta=cuenta, folder_id=folder_id, author=author, created_at=at, text=text)
    session.add(note)
    session.flush()
    return note
