"""Special notes (F7) and named note folders (F7+F6, e.g. ``SWAT``)."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class NoteFolder(SQLModel, table=True):
    """A named folder for long notes on one account."""

    __tablename__ = "note_folder"
    # One folder of a name per account: two agents creating SWAT at once share it
    # (INSERT ... ON CONFLICT DO NOTHING, ``queries.notes.ensure_folder``).
    __table_args__ = (Index("uq_note_folder_cuenta_name", "cuenta", "name", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    name: str = Field(max_length=10)
    created_by: str = Field(max_length=10)
    created_at: datetime


class Note(SQLModel, table=True):
    """A note; ``folder_id`` is None for the account's special notes (F7)."""

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    folder_id: int | None = Field(default=None, foreign_key="note_folder.id", index=True)
    author: str = Field(max_length=10)
    created_at: datetime
    text: str
