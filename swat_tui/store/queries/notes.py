"""Special notes (F7), note folders (F7+F6) and the notes inside them."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
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


def ensure_folder(
    session: Session, *, cuenta: int, name: str, created_by: str, at: datetime
) -> tuple[NoteFolder, bool]:
    """The account's folder ``name``, created in the caller's transaction unless it
    exists; whether this call created it.

    ``INSERT ... ON CONFLICT DO NOTHING`` on the unique (cuenta, name): when two agents
    create the same folder at once, the second waits for the first and then finds its
    folder, so both agents' notes go in one folder (a check then an insert made two on
    PostgreSQL).
    """
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(NoteFolder)
        .values(cuenta=cuenta, name=name, created_by=created_by, created_at=at)
        .on_conflict_do_nothing(index_elements=["cuenta", "name"])
        .returning(col(NoteFolder.id))
    )
    created = session.execute(statement).first() is not None
    folder = get_folder(session, cuenta=cuenta, name=name)
    assert folder is not None, (cuenta, name)
    return folder, created


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
