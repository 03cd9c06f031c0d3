"""Avisos: numbered incidents (mass or point) on a network node."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class Incident(SQLModel, table=True):
    """An aviso, e.g. INC000123456, affecting one node."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=12, unique=True)
    node: str = Field(max_length=12, index=True)
    priority: int  # 1 (crítica) .. 4 (baja)
    kind: str = Field(max_length=8)  # masiva | puntual
    description: str = Field(max_length=200)
    status: str = Field(max_length=8)  # enums.IncidentStatus
    opened_at: datetime
    closed_at: datetime | None = None
    zone: str | None = Field(default=None, max_length=60)  # the area it covers, as told
    restore_by: datetime | None = None  # estimated restoration
