"""Calls (interactions), their procedure events, requests and typifications."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class Call(SQLModel, table=True):
    """One customer call handled by an agent, written as it happens."""

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    cuenta: int | None = Field(default=None, foreign_key="account.cuenta", index=True)
    ani: str = Field(max_length=15)
    queue: str = Field(max_length=30)
    caller_name: str | None = Field(default=None, max_length=80)
    caller_document: str | None = Field(default=None, max_length=15)
    caller_relation: str | None = Field(default=None, max_length=20)
    callback_number: str | None = Field(default=None, max_length=15)
    status: str = Field(max_length=12)  # enums.CallStatus, or "transferred" (domain.call)
    started_at: datetime = Field(index=True)
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    hold_seconds: int = 0
    acw_seconds: int = 0
    current_step: int = 1
    survey_answer: str | None = Field(default=None, max_length=20)
    survey_score: int | None = None  # 1..5 when the customer took the survey
    hold_started_at: datetime | None = None  # set while the caller is on hold
    acw_started_at: datetime | None = None  # set while after-call work runs
    transferred_to: str | None = Field(default=None, max_length=30)  # target queue
    ended_by: str | None = Field(default=None, max_length=10)  # agent | customer | system
    state_json: str = "{}"  # the procedure engine's state, for crash recovery


class CallEvent(SQLModel, table=True):
    """One thing that happened in a call, typed by ``kind`` (a check, a hold, a panel
    opened, an action and its number...): a call can be replayed from its events."""

    __tablename__ = "call_event"

    id: int | None = Field(default=None, primary_key=True)
    call_id: int = Field(foreign_key="call.id", index=True)
    step: int
    kind: str = Field(default="check", max_length=12)
    request: int = 0  # the request it belongs to (0: the whole call)
    check: str = Field(max_length=40)  # the event's name: check id, field, panel, action
    result: str = Field(max_length=200)
    detail: str = ""  # what the kind needs besides the result (JSON), or ""
    at: datetime


class RefusedIntent(SQLModel, table=True):
    """An intent a rule refused: written outside the refused transaction, like the
    access log, so the refusal changes nothing of the call and is still on record."""

    __tablename__ = "refused_intent"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    username: str = Field(max_length=10, index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id", index=True)
    intent: str = Field(max_length=40)  # "visit.book", "call.typify"...
    rule: str = Field(default="", max_length=40)  # the message catalogue's id, or ""
    message: str = Field(max_length=200)  # the row-24 text the agent saw


class CallRequest(SQLModel, table=True):
    """A customer request inside a call, and the branch that handles it."""

    __tablename__ = "call_request"

    id: int | None = Field(default=None, primary_key=True)
    call_id: int = Field(foreign_key="call.id", index=True)
    branch: str = Field(max_length=10)  # sac | soporte | visita | pqr
    description: str = Field(max_length=200)
    created_at: datetime


class UccCode(SQLModel, table=True):
    """A typification code of the UCC catalogue."""

    __tablename__ = "ucc_code"

    code: str = Field(primary_key=True, max_length=12)
    branch: str = Field(max_length=10)
    description: str = Field(max_length=120)
    requires_cun: bool = False


class Typification(SQLModel, table=True):
    """The marking registered with F22 for a request."""

    id: int | None = Field(default=None, primary_key=True)
    call_id: int | None = Field(default=None, foreign_key="call.id", index=True)
    request_id: int | None = Field(default=None, foreign_key="call_request.id")
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    code: str = Field(max_length=12)
    first_contact: bool = True
    # A CUN is a regulatory id: the one a request generated or its filed PQR's (unique).
    cun: str | None = Field(default=None, max_length=20, unique=True, index=True)
    incident_number: str | None = Field(default=None, max_length=12)
    dime_number: str | None = Field(default=None, max_length=16)  # the request was escalated
    notes: str = ""
    agent: str = Field(max_length=10)
    created_at: datetime
