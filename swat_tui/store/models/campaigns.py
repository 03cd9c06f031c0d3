"""Outbound campaigns: the client's base of accounts to call, and every attempt.

The indicator CASOS CONTACTO EFECTIVO is read from these rows: the records of a
campaign with an effective contact over all its records.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from swat_tui.store.models.versioned import version_column, versioned_by

_RECORD_VERSION = version_column()


class Campaign(SQLModel, table=True):
    """One base the client sent (``swat base import``): its code names it everywhere."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True)  # CAMPAIGN in the CLI
    name: str = Field(max_length=80)
    source_file: str = Field(default="", max_length=200)  # the imported file's name
    imported_at: datetime
    imported_by: str = Field(max_length=10)
    goal_pct: int = 80  # effective-contact goal, % of the base
    status: str = Field(default="activa", max_length=10)  # activa | cerrada
    record_count: int = 0


class CampaignRecord(SQLModel, table=True):
    """One account of the base: claimed by one agent at a time (``SKIP LOCKED``), closed
    on an effective contact or when the recall rules allow no more attempts."""

    __tablename__ = "campaign_record"
    # The indicator counts a campaign's records by status and its contacts by day from
    # this index alone (bench/indicator.py: 100,000 records).
    __table_args__ = (
        UniqueConstraint("campaign_id", "cuenta"),
        Index("ix_campaign_record_campaign_status", "campaign_id", "status", "contacted_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    line: int  # the line of the imported file it came from
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    phone: str = Field(max_length=15)
    phone2: str | None = Field(default=None, max_length=15)
    status: str = Field(default="pendiente", max_length=12)  # pendiente|en_curso|contactado|agotado
    attempts: int = 0
    next_call_at: datetime | None = Field(default=None, index=True)  # not before (recall)
    claimed_by: int | None = Field(default=None, foreign_key="agent.id")
    claimed_at: datetime | None = None
    last_result: str | None = Field(default=None, max_length=20)
    contacted_at: datetime | None = None  # the effective contact
    contacted_by: int | None = Field(default=None, foreign_key="agent.id")
    version: int = Field(default=1, sa_column=_RECORD_VERSION)

    __mapper_args__: ClassVar[dict[str, Any]] = versioned_by(_RECORD_VERSION)


class CampaignAttempt(SQLModel, table=True):
    """One outbound attempt on a record: the number dialled and its result."""

    __tablename__ = "campaign_attempt"
    # The indicator per agent and per day reads these indexes alone, in order.
    __table_args__ = (
        Index("ix_campaign_attempt_by_agent", "campaign_id", "agent_id", "record_id", "result"),
        Index("ix_campaign_attempt_by_time", "campaign_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    record_id: int = Field(foreign_key="campaign_record.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    phone: str = Field(max_length=15)
    # contacto_efectivo | no_contesta | ocupado | numero_errado | buzon | volver_a_llamar
    result: str = Field(max_length=20)
    recall_at: datetime | None = None  # volver_a_llamar: the time the customer gave
    note: str = Field(default="", max_length=200)
    at: datetime = Field(index=True)
