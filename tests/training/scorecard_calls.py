"""Correct training calls as lists of agent actions, played through a desk on a
clock that moves by each action's seconds — the shape of a scenario's model
answer — so a test can drop or swap actions and score what is left.

A refused action is noted by the desk (its ``refused_intent`` row) and the next
goes on, as a trainee's would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlmodel import select

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.practice_queue import IncomingCall
from swat_tui.domain.errors import DomainError
from swat_tui.domain.pqr import filing
from swat_tui.domain.services import Services
from swat_tui.domain.training.scenario import (
    AccountSituation,
    Caller,
    Contact,
    ExpectedHandling,
    Mode,
    Scenario,
)
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent
from tests.desk_calls import CALLER, QUEUE

Act = Callable[[Desk], object]


@dataclass(frozen=True)
class Action:
    """One agent action: its name (for mutations), what it does, how long it takes."""

    name: str
    act: Act
    seconds: int = 5


@dataclass
class MovingClock:
    """The call's clock: it moves only by the actions' seconds."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Played:
    call_id: int
    refused: list[str] = field(default_factory=list)


def play(services: Services, actions: Sequence[Action], *, ani: str = "3015550000") -> Played:
    """Ring a call on ASESOR01's desk and do ``actions`` in order."""
    clock = MovingClock(services.clock())
    desk_services = Services.create(services.engine, clock, td_dir=services.td_dir)
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == "ASESOR01")).one()
        assert agent.id is not None
        signed_on = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)
    desk = Desk(desk_services, signed_on, _NoSource())
    desk.go_available()
    played = Played(desk.ring(ani, QUEUE).id)
    for action in actions:
        clock.advance(action.seconds)
        try:
            action.act(desk)
        except DomainError:
            played.refused.append(action.name)
    return played


class _NoSource:
    def next_call(self, now: datetime) -> IncomingCall:
        raise AssertionError("the test rings its own calls")

    def ring_delay(self) -> float | None:
        return None


# -- mutations ------------------------------------------------------------------------------


def names(actions: Sequence[Action]) -> list[str]:
    return [a.name for a in actions]


def drop(actions: Sequence[Action], name: str) -> list[Action]:
    """The actions without the one named ``name`` (it must be there, once)."""
    assert names(actions).count(name) == 1, name
    return [a for a in actions if a.name != name]


def swap(actions: Sequence[Action], first: str, second: str) -> list[Action]:
    out = list(actions)
    i, j = names(out).index(first), names(out).index(second)
    out[i], out[j] = out[j], out[i]
    return out


def change(
    actions: Sequence[Action], name: str, act: Act | None = None, *, seconds: int | None = None
) -> list[Action]:
    """The actions with ``name`` done otherwise (``act``) or taking ``seconds``."""
    assert name in names(actions), name
    return [
        replace(
            a,
            act=a.act if act is None else act,
            seconds=a.seconds if seconds is None else seconds,
        )
        if a.name == name
        else a
        for a in actions
    ]


def move_before(actions: Sequence[Action], moved: Sequence[str], before: str) -> list[Action]:
    """The actions named ``moved`` taken out and put, in their order, before ``before``."""
    taken = [a for a in actions if a.name in moved]
    assert len(taken) == len(moved), moved
    rest = [a for a in actions if a.name not in moved]
    return insert_before(rest, before, *taken)


def insert_before(actions: Sequence[Action], name: str, *added: Action) -> list[Action]:
    out = list(actions)
    index = names(out).index(name)
    return [*out[:index], *added, *out[index:]]


def cut_after(actions: Sequence[Action], name: str, *then: Action) -> list[Action]:
    """The actions up to ``name`` included, then ``then`` (a trainee who stops there)."""
    out = list(actions)
    return [*out[: names(out).index(name) + 1], *then]


# -- correct calls --------------------------------------------------------------------------

TYPIFY_NOTES = "Cliente consulta su PQR; se informa el estado registrado."
PQR_NOTES = "Cobro doble del servicio de internet en la factura de noviembre."
EMAIL = "cliente.prueba@correo.com.co"


def check(check_id: str, result: str = "revisada") -> Action:
    return Action(check_id, lambda d: d.call.record_check(check_id, result))


def _set_field(name: str, value: str) -> Act:
    return lambda d: d.call.set_field(name, value)


def _reception(cuenta: int) -> list[Action]:
    fields = [Action(f"campo:{name}", _set_field(name, value)) for name, value in CALLER.items()]
    return [
        Action("answer", lambda d: d.answer()),
        check("saludo", "guion leído"),
        *fields,
        Action("open_account", lambda d: d.call.open_account(cuenta)),
        Action("advance_1", lambda d: d.call.advance()),
    ]


def _closing() -> list[Action]:
    return [
        Action("advance_7", lambda d: d.call.advance()),
        check("resolucion_informada", "informada"),
        check("nada_mas", "sin más solicitudes"),
        check("guion_cierre", "leído"),
        Action("survey", lambda d: d.call.record_survey("acepta", 5)),
        Action("end_call", lambda d: d.end_call()),
        Action("finish_acw", lambda d: d.finish_acw(), seconds=20),
    ]


def typify(code: str, *, first_contact: bool = True, notes: str = TYPIFY_NOTES) -> Act:
    return lambda d: d.call.typify(code=code, first_contact=first_contact, notes=notes)


def consult_call(cuenta: int | None = None) -> list[Action]:
    """A PQR consult on ``pqr_overdue`` (a pending PQR): the shipped scenario's path."""
    cuenta = cuenta or SHOWCASE["pqr_overdue"]
    return [
        *_reception(cuenta),
        check("pqr_revisada"),
        check("estado_revisado"),
        Action("request", lambda d: d.call.start_request("pqr", "Consulta su reclamo")),
        Action("advance_2", lambda d: d.call.advance()),
        Action("subflow", lambda d: d.call.choose_subflow("1")),
        check("pqr_consultada", "informada"),
        Action("advance_6", lambda d: d.call.advance()),
        Action("typify", typify("PQR-CON-001")),
        *_closing(),
    ]


def blacklist_consult_call() -> list[Action]:
    """A PQR consult on the ``blacklist`` account: F7 and identity first."""
    cuenta = SHOWCASE["blacklist"]
    return [
        *_reception(cuenta),
        Action("read_f7", lambda d: d.accounts.read_special_notes(cuenta)),
        check("identidad_validada", "cédula y dirección verificadas"),
        check("estado_revisado"),
        Action("request", lambda d: d.call.start_request("pqr", "Consulta sus PQR")),
        Action("advance_2", lambda d: d.call.advance()),
        Action("subflow", lambda d: d.call.choose_subflow("1")),
        check("pqr_consultada", "informada"),
        Action("advance_6", lambda d: d.call.advance()),
        Action("typify", typify("PQR-CON-001")),
        *_closing(),
    ]


def file_pqr(notes: str = PQR_NOTES) -> Act:
    return lambda d: d.pqr.file(
        motive="queja_facturacion", notes=notes, channel="1", address=EMAIL, confirmed="S"
    )


def filing_call() -> list[Action]:
    """A PQR filed (radicar) on ``activa``: validated data, filing, CUN, typified."""
    return [
        *_reception(SHOWCASE["activa"]),
        check("estado_revisado"),
        Action("request", lambda d: d.call.start_request("pqr", "Insiste en radicar una queja")),
        Action("advance_2", lambda d: d.call.advance()),
        Action("subflow", lambda d: d.call.choose_subflow("3")),
        check(filing.VALIDATED, "cédula y fecha de expedición"),
        Action("file", file_pqr(), seconds=60),
        check("pqr_informada", "informados"),
        Action("advance_6", lambda d: d.call.advance()),
        Action("typify", typify("PQR-QUE-002", first_contact=False, notes=PQR_NOTES)),
        *_closing(),
    ]


def escalation_call(area: str = "facturacion") -> list[Action]:
    """A SAC facturación request not solved on the line: escalated to DIME ``area``."""
    return [
        *_reception(SHOWCASE["activa"]),
        check("estado_revisado"),
        Action("request", lambda d: d.call.start_request("sac", "Reclama un cobro doble")),
        Action("advance_2", lambda d: d.call.advance()),
        Action("subflow", lambda d: d.call.choose_subflow("2")),
        check("facturacion_informada", "informada"),
        Action(
            "escalate",
            lambda d: d.dime.escalate(
                area=area, reason=DIME_REASON, data=DIME_DATA, check_id="facturacion_resuelta"
            ),
            seconds=40,
        ),
        Action("advance_3", lambda d: d.call.advance()),
        Action("typify", typify("SAC-DIM-001", first_contact=False)),
        *_closing(),
    ]


DIME_REASON = "Cobro doble del periodo de octubre"
DIME_DATA = "Factura de octubre: cargo de $ 45.900 repetido; reconoce un solo cargo."


def scenario(
    *expected: ExpectedHandling,
    showcase: str | None = "pqr_overdue",
    target_seconds: int = 600,
) -> Scenario:
    """A hand-made scenario for these calls."""
    return Scenario(
        id="TEST-SCORE",
        title="Llamada de prueba del puntaje",
        level=1,
        objectives=("calificar",),
        mode=Mode.PRACTICE,
        account=AccountSituation(showcase=showcase),
        caller=Caller(
            name=CALLER["caller_name"],
            document=CALLER["caller_document"],
            relation="titular",
            phone="3015550000",
            mood="tranquilo",
        ),
        expected=expected,
        target_seconds=target_seconds,
    )


CONSULT = ExpectedHandling(
    says="Pregunta por su reclamo",
    branch="pqr",
    subflow="consultar",
    codes=("PQR-CON-001",),
    contact=Contact.FIRST_CONTACT,
    pqr="consultar",
)
FILE = ExpectedHandling(
    says="Insiste en radicar una queja",
    branch="pqr",
    subflow="radicar",
    codes=("PQR-QUE-002",),
    contact=Contact.CUN,
    pqr="radicar",
)
ESCALATE = ExpectedHandling(
    says="Reclama un cobro doble",
    branch="sac",
    subflow="facturacion",
    codes=("SAC-DIM-001",),
    contact=Contact.CUN,
    escalation="facturacion",
)
