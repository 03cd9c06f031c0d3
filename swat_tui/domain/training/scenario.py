"""What a training scenario is, once read and validated (``scenario_file`` reads it).

Plain frozen data: the scenario's account situation, its caller and what the
caller says, the correct handling of each request, and (optionally) the model
answer, the agent actions of an ideal call. The format is documented for
trainers in ``docs/scenarios.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Mode(StrEnum):
    """Practice (guide and caller hints shown) or certification (neither; the result
    is recorded as a certification)."""

    PRACTICE = "practica"
    CERTIFICATION = "certificacion"


class Contact(StrEnum):
    """How the request must be typified: solved on this contact, or with a CUN."""

    FIRST_CONTACT = "primer_contacto"
    CUN = "cun"


@dataclass(frozen=True)
class AccountRows:
    """Inline rows for the scenario's own account, written into the training store.

    ``account`` is the account row (column names of ``store.models.Account``);
    ``related`` holds the other tables' rows by the scenario's section name
    (services, equipment, notes, pqrs, visits, invoices, payments, avisos, dime),
    with dates given relative to the call (``days_ago``/``days_ahead``).
    """

    account: dict[str, object]
    related: dict[str, tuple[dict[str, object], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountSituation:
    """Either one of the demo's showcase accounts (``showcase``, a key of
    ``store.demo.SHOWCASE``) or inline rows; ``None`` for both: the caller's number
    is on no account and no account is to be found (a wrong number)."""

    showcase: str | None = None
    rows: AccountRows | None = None


@dataclass(frozen=True)
class CallerLines:
    """What the caller says as the call goes; "" where the scenario says nothing
    (the caller then says a neutral line of its mood)."""

    opening: str = ""  # when the agent answers
    request: str = ""  # after the welcome script: the request in their own words
    identity: str = ""  # answer to the identity questions (BLACKLIST, PQR data)
    hold: str = ""  # when put on hold
    resume: str = ""  # back from hold
    transfer: str = ""  # when transferred
    offer: str = ""  # reaction to what the agent offers (a visit slot, a payment plan)
    closing: str = ""  # answer to "¿algo más?" when no second request follows


@dataclass(frozen=True)
class Caller:
    """Who calls: name, document, relation to the holder, the number they call from,
    their mood, what they say and what they answer to each data field."""

    name: str
    document: str
    relation: str  # titular | autorizado | tercero (call.caller_data.RELATIONS)
    phone: str  # the ANI: the number the call comes from
    mood: str  # tranquilo | molesto | furioso | confundido | apurado
    queue: str = "HOGAR_SAC"
    lines: CallerLines = field(default_factory=CallerLines)
    answers: dict[str, str] = field(default_factory=dict)  # call field -> what they answer


@dataclass(frozen=True)
class ExpectedHandling:
    """The correct handling of one request of the call, in the order they come."""

    says: str  # what the caller asks for (the first one: CallerLines.request)
    branch: str  # sac | soporte | visita | pqr
    subflow: str = ""  # a sub-flow of the branch's routes, "" when the branch has none
    codes: tuple[str, ...] = ()  # acceptable UCC typification codes
    contact: Contact = Contact.FIRST_CONTACT
    escalation: str = ""  # the DIME area expected, "" when none
    visit: str = ""  # lls | ot | cgo | "" (booked visit of that kind, or a CGO form)
    pqr: str = ""  # consultar | desistir | radicar | ""


@dataclass(frozen=True)
class ModelStep:
    """One agent action of the model answer: a desk intent (``do``, e.g.
    ``call.record_check`` or ``answer``) with its arguments; an argument written
    ``=name.attr`` is taken from the result a previous step ``save``d; ``seconds``
    is how long the action takes on the call's clock."""

    do: str
    args: dict[str, object]
    save: str = ""
    seconds: int = 5
    line: int = 0  # where it is written in the file, for messages


@dataclass(frozen=True)
class Scenario:
    """One training call, as a trainer wrote it."""

    id: str
    title: str
    level: int  # 1 (first week) .. 3 (experienced)
    objectives: tuple[str, ...]
    mode: Mode
    account: AccountSituation
    caller: Caller
    expected: tuple[ExpectedHandling, ...]
    target_seconds: int
    model: tuple[ModelStep, ...] = ()
    series: str = ""  # the series it belongs to (a certification of five), "" when none
    path: Path | None = None  # the file it was read from

    @property
    def branches(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(handling.branch for handling in self.expected))
