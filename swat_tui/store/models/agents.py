"""RR user profiles, the audit trail of what they opened, and of what was done to them."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class Agent(SQLModel, table=True):
    """A sign-on profile: asesor, supervisor or formador (see ``enums.Role``)."""

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
