"""The desk: intents are whole or nothing, the softphone and the call never disagree,
calls come from a pluggable source, and every account view passes the BLACKLIST rule."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import Engine, text

from swat_tui.domain.account.disclosure import Access
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.fields import TYPIFICATION_NOTES_FIELD
from swat_tui.domain.desk.desk import Desk, DeskChange
from swat_tui.domain.desk.practice_queue import IncomingCall
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from tests.call_seed import BLACKLISTED, CUENTA, MovingClock, seed
from tests.conftest import FIXED_NOW

ANI = "3001234567"
NOTES_1 = TYPIFICATION_NOTES_FIELD.format(number=1)


class ScriptedSource:
    """A call source of the kind a trainer's scenario runner is: given calls, in order."""

    def __init__(self, *anis: str) -> None:
        self.anis = list(anis)
        self.asked = 0

    def next_call(self, now: datetime) -> IncomingCall:
        self.asked += 1
        return IncomingCall(self.anis.pop(0), "HOGAR_SAC", "cuenta", CUENTA, now)

    def ring_delay(self) -> float | None:
        return None


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(FIXED_NOW)


@pytest.fixture
def services(store_engine: Engine, clock: MovingClock) -> Services:
    return Services.create(store_engine, clock)


def _desk(services: Services, source: ScriptedSource | None = None) -> Desk:
    agent_id = seed(services.engine, FIXED_NOW)
    agent = SignedOnAgent(agent_id, "ASESOR01", "Laura Gómez", "asesor")
    return Desk(services, agent, source or ScriptedSource(ANI, ANI, ANI, ANI))


def _call_status(services: Services, desk: Desk) -> tuple[str | None, bool, bool]:
    """The store's word on the agent's last call: status, on hold, in ACW."""
    if desk.last_call_id is None and desk.ringing is None:
        return None, False, False
    call_id = desk.ringing.id if desk.ringing else desk.last_call_id
    assert call_id is not None
    record = services.calls.get(call_id)
    return record.status, record.on_hold, record.in_acw


def _agree(services: Services, desk: Desk) -> None:
    """The softphone's state and the call's status say the same thing."""
    status, on_hold, in_acw = _call_status(services, desk)
    state = desk.phone.state
    expected = {
        AgentState.TIMBRANDO: ("ringing", False, False),
        AgentState.EN_LLAMADA: ("in_progress", False, False),
        AgentState.EN_ESPERA: ("in_progress", True, False),
    }
    if state in expected:
        assert (status, on_hold, in_acw) == expected[state]
    elif state == AgentState.ACW:
        assert status in ("ended", "abandoned", "hung_up", "transferred") and in_acw
    else:
        assert status in (None, "ended", "abandoned", "hung_up", "transferred") and not in_acw


def test_calls_come_from_the_desks_source(services: Services) -> None:
    source = ScriptedSource("3109998877")
    desk = _desk(services, source)
    desk.go_available()
    record = desk.ring()
    assert (record.ani, source.asked) == ("3109998877", 1)
    assert desk.phone.state == AgentState.TIMBRANDO


def test_listeners_hear_every_change(services: Services) -> None:
    desk = _desk(services)
    heard: list[DeskChange] = []
    desk.subscribe(heard.append)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.hang_up()
    assert [change.kind for change in heard] == ["phone", "ringing", "call", "call_ended"]
    assert ANI in heard[1].message


def test_a_refused_intent_changes_nothing(services: Services, clock: MovingClock) -> None:
    desk = _desk(services)
    with pytest.raises(DomainError):
        desk.answer()  # nothing rings
    assert desk.phone.state == AgentState.AUX
    desk.go_available()
    desk.ring()
    desk.answer()
    before = desk.phone
    with pytest.raises(DomainError):
        desk.transfer("")  # no queue: refused before anything is written
    with pytest.raises(DomainError):
        desk.call.typify(code="NO-EXISTE", first_contact=True, notes="x" * 400)
    assert desk.phone is before and desk.active is not None
    with services.engine.connect() as connection:
        notes = connection.execute(text("SELECT count(*) FROM note")).scalar_one()
        typifications = connection.execute(text("SELECT count(*) FROM typification")).scalar_one()
    assert (notes, typifications) == (0, 0)


def test_a_store_refusal_leaves_the_softphone_as_it_was(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    # A call a crash left open: the store refuses a second one for the agent.
    services.calls.offer(agent_id=desk.agent.id, ani="3000000000", queue="HOGAR_SAC")
    with pytest.raises(DomainError):
        desk.ring()
    assert desk.phone.state == AgentState.DISPONIBLE and desk.ringing is None


@pytest.mark.parametrize("seed_value", range(12))
def test_softphone_and_call_never_disagree(
    services: Services, clock: MovingClock, seed_value: int
) -> None:
    """Random intents, allowed or refused: after each, both say the same."""
    desk = _desk(services, ScriptedSource(*[ANI] * 60))
    rng = random.Random(seed_value)
    intents: list[Callable[[], object]] = [
        desk.go_available,
        lambda: desk.go_aux(str(rng.choice([1, 2, 3]))),
        desk.ring,
        desk.answer,
        desk.hold_or_resume,
        lambda: desk.transfer("HOGAR_PQR"),
        desk.hang_up,
        desk.finish_acw,
    ]
    for _ in range(60):
        clock.advance(rng.randint(1, 30))
        with contextlib.suppress(DomainError):
            rng.choice(intents)()
        _agree(services, desk)


def test_the_blacklist_rule_outside_a_call(services: Services) -> None:
    desk = _desk(services)
    masked = desk.accounts.panel(BLACKLISTED)
    assert masked.access == Access.MASKED and masked.holder_name is None
    assert masked.balance is None and masked.document is None
    with pytest.raises(DomainError, match="lea primero las notas especiales"):
        desk.accounts.equipment(BLACKLISTED)
    desk.accounts.read_special_notes(BLACKLISTED)
    read = desk.accounts.panel(BLACKLISTED)
    assert read.access == Access.NOTES_READ and read.holder_name is not None
    assert desk.accounts.equipment(BLACKLISTED).cuenta == BLACKLISTED
    assert desk.accounts.panel(CUENTA).access == Access.FULL


def test_the_blacklist_rule_in_a_call_follows_the_account(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.accounts.read_special_notes(BLACKLISTED)  # read before the call opened it: not the call's
    view = desk.call.open_account(BLACKLISTED)
    assert view.access == Access.MASKED  # in the call the rule needs the call's own marks
    assert desk.accounts.panel(BLACKLISTED).holder_name is None
    with pytest.raises(DomainError, match="Lea primero las notas"):
        desk.call.record_check("identidad_validada", "cédula")
    desk.accounts.read_special_notes(BLACKLISTED)
    active = desk.active
    assert active is not None
    assert active.record.state.mark_for("notas_f7_leidas", 0) is not None
    pending = desk.accounts.panel(BLACKLISTED)
    assert pending.holder_name is None and pending.access == Access.IDENTITY_PENDING
    with pytest.raises(DomainError, match="BLACKLIST"):
        desk.accounts.equipment(BLACKLISTED)
    desk.call.record_check("identidad_validada", "cédula y fecha de expedición")
    assert active.account is not None and active.account.holder_name is not None
    assert desk.accounts.panel(BLACKLISTED).access == Access.VALIDATED
    desk.call.revoke_check("identidad_validada")
    assert active.account.holder_name is None
    assert desk.accounts.panel(BLACKLISTED).access == Access.IDENTITY_PENDING  # F7 stays read
    assert desk.accounts.panel(CUENTA).access == Access.FULL  # another account: its own rule


def test_reading_f7_in_the_call_is_one_transaction(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.call.open_account(BLACKLISTED)
    desk.accounts.read_special_notes(BLACKLISTED)
    desk.accounts.read_special_notes(BLACKLISTED)  # read again: logged, not marked twice
    with services.engine.connect() as connection:
        views = connection.execute(
            text("SELECT count(*) FROM access_log WHERE action = 'F7' AND cuenta = :c"),
            {"c": BLACKLISTED},
        ).scalar_one()
        marks = connection.execute(
            text("SELECT count(*) FROM call_event WHERE \"check\" = 'notas_f7_leidas'")
        ).scalar_one()
    assert (views, marks) == (2, 1)


def test_opening_the_calls_account_is_one_transaction(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    active = desk.active
    assert active is not None
    before = active.record
    with pytest.raises(DomainError, match="no existe"):
        desk.call.open_account(99999999)
    assert active.record is before and active.account is None
    assert services.calls.get(before.id).cuenta is None
    view = desk.call.open_account(CUENTA)
    assert (view.cuenta, services.calls.get(before.id).cuenta) == (CUENTA, CUENTA)
    with services.engine.connect() as connection:
        logged = connection.execute(
            text("SELECT count(*) FROM access_log WHERE action = 'CONSULTA'")
        ).scalar_one()
    assert logged == 1  # the panel read with the opening, not before or twice


def test_rec001_closes_a_call_a_crash_left_open_as_abandoned(
    services: Services, clock: MovingClock
) -> None:
    """REC001's "4=Cerrar como abandonada" records what it says — abandoned, by the
    system — with the line ended when the store last saw the call (the hour the app
    was down is not talk time) and no ACW left running for a call nobody works on."""
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    clock.advance(40)
    desk.call.set_field(NOTES_1, "Llama por la factura")  # the last thing written
    last_seen = clock.now
    clock.advance(3600)  # the session was killed; the agent signs on an hour later
    next_desk = Desk(services, desk.agent, ScriptedSource())
    (interrupted,) = next_desk.interrupted()
    closed = next_desk.close_interrupted(interrupted)
    assert (closed.status, closed.ended_by) == ("abandoned", "system")
    assert closed.ended_at == last_seen and not closed.in_acw
    assert next_desk.interrupted() == []


def test_signing_off_in_acw_ends_it_with_its_time(services: Services, clock: MovingClock) -> None:
    """Signing off is one of the ways out of ACW; its time is kept."""
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.hang_up()
    clock.advance(25)
    desk.sign_off()
    assert desk.last_call_id is not None
    record = services.calls.get(desk.last_call_id)
    assert (record.acw_seconds, record.in_acw) == (25, False)
    _agree(services, desk)


def test_sign_off_is_refused_on_a_call_and_ends_nothing(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    with pytest.raises(DomainError, match="llamada en curso"):
        desk.sign_off()
    assert desk.phone.state == AgentState.EN_LLAMADA


def test_an_acw_a_killed_session_left_ends_at_the_last_thing_done(
    services: Services, clock: MovingClock
) -> None:
    """The session dies in ACW: the next sign-on ends that ACW when the store last saw
    work on the call (a note written 30 s in), not hours later nor at 0."""
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.hang_up()
    call_id = desk.last_call_id
    assert call_id is not None
    clock.advance(30)
    services.calls.set_field(call_id, NOTES_1, "Cliente colgó; se deja nota")
    clock.advance(5400)  # killed; the agent signs on again an hour and a half later
    assert Desk(services, desk.agent, ScriptedSource()).interrupted() == []
    record = services.calls.get(call_id)
    assert (record.acw_seconds, record.in_acw) == (30, False)
