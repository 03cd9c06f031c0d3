"""Read-only values the call service hands to screens: a call and its history.

Datetimes are aware and in Bogotá time; ``state`` is the procedure engine's
state of the call (``swat_tui.domain.procedure.CallState``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from swat_tui.domain.procedure.state import CallState


@dataclass(frozen=True)
class CallRecord:
    """One call as the store holds it after the last write."""

    id: int
    agent_id: int
    cuenta: int | None
    ani: str
    queue: str
    status: str  # ringing | in_progress | ended | abandoned | transferred
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    hold_seconds: int  # finished holds; a running hold is counted from ``hold_started_at``
    acw_seconds: int
    caller_name: str | None
    caller_document: str | None
    caller_relation: str | None
    callback_number: str | None
    survey_answer: str | None  # "acepta" | "no acepta"
    state: CallState
    survey_score: int | None = None
    hold_started_at: datetime | None = None  # set while the caller is on hold
    acw_started_at: datetime | None = None  # set while after-call work runs
    transferred_to: str | None = None
    ended_by: str | None = None  # agent | customer | system, once the line is down

    @property
    def on_hold(self) -> bool:
        return self.hold_started_at is not None

    @property
    def in_acw(self) -> bool:
        return self.acw_started_at is not None

    @property
    def is_open(self) -> bool:
        """Ringing or in progress: the line is still up."""
        return self.status in ("ringing", "in_progress")


@dataclass(frozen=True)
class TypificationLine:
    """A marking registered with F22."""

    code: str
    description: str  # from the UCC catalogue; "" if the code left the catalogue
    first_contact: bool
    cun: str | None
    incident_number: str | None
    notes: str
    agent: str
    created_at: datetime
    dime_number: str | None = None  # the DIME case the request was escalated to

    @property
    def resolution(self) -> str:
        """ "PRIMER CONTACTO", "CUN 4410-26-...", "DIME DIME00000002", "AVISO
        INC000462113" (the case the customer is told) or "SEGUIMIENTO"."""
        if self.first_contact:
            return "PRIMER CONTACTO"
        if self.cun:
            return f"CUN {self.cun}"
        if self.dime_number:
            return f"DIME {self.dime_number}"
        return f"AVISO {self.incident_number}" if self.incident_number else "SEGUIMIENTO"


@dataclass(frozen=True)
class CallLogLine:
    """One earlier contact of an account in the call log (F22 then F13).

    ``call_id`` is None for a typification registered without a call (loaded
    history) or a report of an aviso through the IVR; ``status`` then is "" or
    "reporte".
    """

    at: datetime
    agent: str
    call_id: int | None
    status: str
    typifications: tuple[TypificationLine, ...]
    aviso: str = ""  # the aviso the contact was tied to (incident_link), if any
    repeat: bool = False  # a repeat call: the account had called for that aviso before

    @property
    def incident_numbers(self) -> tuple[str, ...]:
        return tuple(t.incident_number for t in self.typifications if t.incident_number)
