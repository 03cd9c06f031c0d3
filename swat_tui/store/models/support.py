"""What support records on the plant: the calls tied to an aviso, modem restarts, serial reads.

An aviso (``Incident``) is the plant's incident; a point case the Diagnosticador
raises for one customer is an ``Incident`` of kind ``puntual`` on the
customer's node. ``IncidentLink`` ties a call (and its account) to an aviso, so
the call log (F22+F13) tells a repeat caller for the same aviso.
``CmRegistration`` is the CMTS's list of the modems on each node.
"""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
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


class PlantCondition(SQLModel, table=True):
    """What the simulated plant reports for one device, set by the demo or a training
    scenario; a device without a row reads as its serial draws (mostly healthy)."""

    __tablename__ = "plant_condition"

    id: int | None = Field(default=None, primary_key=True)
    equipment_id: int = Field(foreign_key="equipment.id", unique=True)
    cm_state: str | None = Field(default=None, max_length=12)  # online, offline, init(r1)...
    levels: str | None = Field(default=None, max_length=12)  # sano, ds_bajo, snr_bajo, us_alto...
    alarm: str | None = Field(default=None, max_length=60)  # a decoder's alarm or read error
    after_restart: str | None = Field(default=None, max_length=12)  # cm_state once restarted
    # The serial the plant sees at the premises when it is not RR's (an inventory error):
    seen_serial: str | None = Field(default=None, max_length=24)


class CmRegistration(SQLModel, table=True):
    """An installed cable modem as its node's CMTS lists it: the Diagnosticador reads a
    node's modems (the neighbours) from here, in one range of its covering index,
    where reading them by account would be a page per modem on a large store.

    Written with the modem's installation (the demo build writes it from the
    installed modems; migration 0008 filled it from them)."""

    __tablename__ = "cm_registration"
    __table_args__ = (Index("ix_cm_registration_node", "node", "cuenta", "equipment_id", "serial"),)

    id: int | None = Field(default=None, primary_key=True)
    node: str = Field(max_length=12)
    cuenta: int = Field(foreign_key="account.cuenta")
    equipment_id: int = Field(foreign_key="equipment.id", unique=True)
    serial: str = Field(max_length=24)
