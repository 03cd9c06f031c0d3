"""The management model (process document, section 7): practices leaders held and
the improvement ideas the continuous-improvement meetings work on."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlmodel import Field, SQLModel

from swat_tui.store.models.versioned import version_column, versioned_by

_IDEA_VERSION = version_column()


class PracticeRecord(SQLModel, table=True):
    """A practice a leader held (``data/practices.toml`` names it): when, how long, notes.

    A process confirmation recorded on SUP panels writes one too, in its own
    transaction, so it counts towards adherence like any other practice."""

    __tablename__ = "practice_record"

    id: int | None = Field(default=None, primary_key=True)
    practice: str = Field(max_length=30, index=True)  # the practice's code
    leader_id: int = Field(foreign_key="agent.id", index=True)
    held_on: datetime = Field(index=True)  # when it was held (never in the future)
    duration_minutes: int
    notes: str = Field(default="", max_length=500)
    recorded_at: datetime
    confirmation_id: int | None = Field(default=None, foreign_key="process_confirmation.id")


class PracticeParticipant(SQLModel, table=True):
    """Who took part in a practice (an existing profile)."""

    __tablename__ = "practice_participant"

    practice_record_id: int = Field(foreign_key="practice_record.id", primary_key=True)
    agent_id: int = Field(foreign_key="agent.id", primary_key=True)


class ImprovementIdea(SQLModel, table=True):
    """An improvement idea raised by an agent or a leader, and where it stands."""

    __tablename__ = "improvement_idea"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=80)
    description: str = Field(default="", max_length=500)
    raised_by: int = Field(foreign_key="agent.id", index=True)
    raised_at: datetime = Field(index=True)
    status: str = Field(
        default="propuesta", max_length=12
    )  # propuesta|aprobada|en_ejecucion|descartada
    status_by: int | None = Field(default=None, foreign_key="agent.id")
    status_at: datetime | None = None
    version: int = Field(default=1, sa_column=_IDEA_VERSION)

    __mapper_args__: ClassVar[dict[str, Any]] = versioned_by(_IDEA_VERSION)
