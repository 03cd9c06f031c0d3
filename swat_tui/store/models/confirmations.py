"""Process confirmations: a leader followed an agent's call and recorded a checklist
and feedback, which the agent then reads."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class ProcessConfirmation(SQLModel, table=True):
    """One confirmation of one call: the checklist as marked, the feedback, and when the
    agent saw it."""

    __tablename__ = "process_confirmation"

    id: int | None = Field(default=None, primary_key=True)
    call_id: int = Field(foreign_key="call.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)  # the agent confirmed
    leader_id: int = Field(foreign_key="agent.id", index=True)  # supervisor or coordinador
    live: bool = True  # followed live (False: a replay of a finished call)
    started_at: datetime  # when the leader began following
    recorded_at: datetime = Field(index=True)
    checklist_json: str = "[]"  # [{"item": id, "ok": bool, "note": str}, ...]
    items_ok: int = 0
    items_total: int = 0
    feedback: str = Field(default="", max_length=1000)
    seen_at: datetime | None = None  # when the agent read it
