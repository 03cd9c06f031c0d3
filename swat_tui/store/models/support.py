"""What support records on the plant: the calls tied to an aviso, modem restarts, serial reads.

An aviso (``Incident``) is the plant's incident; a point case the Diagnosticador
raises for one customer is an ``Incident`` of kind ``puntual`` on the
customer's node. ``IncidentLink`` ties a call (and its account) to an aviso, so
the call log (F22+F13) tells a repeat caller for the same aviso.
"""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class IncidentLink(SQLModel, table=True):
    """A call associated with an aviso; ``repeat_call`` when the account had called for it."""

    __tablename__ = "incident_link"
    __table_args__ = (UniqueConstraint("incident_id", "call_id", name="uq_incident_link_call"),)

    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id", index=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    call_id: int | None = Field(default=None, foreign_key="call.id")
    linked_at: datetime
    agent: str = Field(max_length=10)
    repeat_call: bool = False


class ModemRestart(SQLModel, table=True):
    """A "reiniciar CM" sent from the Diagnosticador: the simulated plant reads it back."""

    __tablename__ = "modem_restart"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    serial: str = Field(max_length=24)
    at: datetime
    agent: str = Field(max_length=10)
    call_id: int | None = Field(default=None, foreign_key="call.id")


class SerialCheck(SQLModel, table=True):
    """A serial the customer read from an equipment, against the one RR has (F10)."""

    __tablename__ = "serial_check"

    id: int | None = Field(default=None, primary_key=True)
    cuenta: int = Field(foreign_key="account.cuenta", index=True)
    equipment_id: int = Field(foreign_key="equipment.id")
    call_id: int | None = Field(default=None, foreign_key="call.id")
    registered: str = Field(max_length=24)
    read: str = Field(max_length=24)
    matches: bool
    at: datetime
    agent: str = Field(max_length=10)
    dime_case_id: int | None = Field(default=None, foreign_key="dime_case.id")
