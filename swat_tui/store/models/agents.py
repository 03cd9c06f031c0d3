"""RR user profiles, the audit trail of what they opened, and of what was done to them."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class Agent(SQLModel, table=True):
    """A sign-on profile: asesor, supervisor, formador or coordinador (``enums.Role``)."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=10, unique=True, index=True)
    display_name: str = Field(max_length=60)
    role: str = Field(max_length=12)
    password_hash: str = Field(max_length=200)
    failed_signons: int = 0
    disabled: bool = False
    created_at: datetime
    last_signon_at: datetime | None = None


class AccessLog(SQLModel, table=True):
    """One row per account panel opened (and per sensitive view), for audit."""

    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=10, index=True)
    cuenta: int = Field(index=True)
    action: str = Field(max_length=20)
    at: datetime = Field(index=True)


class ProfileAudit(SQLModel, table=True):
    """One row per change a supervisor made to a profile (USR001), for audit."""

    __tablename__ = "profile_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor: str = Field(max_length=10)
    target: str = Field(max_length=10, index=True)
    action: str = Field(max_length=20)


class AgentPresence(SQLModel, table=True):
    """A signed-on session as the floor sees it: the softphone's state, the call on the
    line with its step and panel, and a heartbeat that goes stale when the session dies.

    One row per profile: signing on again is refused while the row's heartbeat is
    alive, and takes the row over once it is stale.
    """

    __tablename__ = "agent_presence"

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int = Field(foreign_key="agent.id", unique=True)
    username: str = Field(max_length=10)
    session: str = Field(max_length=36)  # the sign-on session's token
    state: str = Field(max_length=12)  # softphone.AgentState's value
    aux_reason: str | None = Field(default=None, max_length=30)
    since: datetime  # when ``state`` began
    call_id: int | None = Field(default=None, foreign_key="call.id")
    step: int | None = None
    panel: str | None = Field(default=None, max_length=8)
    signed_on_at: datetime
    heartbeat_at: datetime = Field(index=True)
