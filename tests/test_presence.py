"""Agent presence: the store always says what the desk's softphone and call say, the
heartbeat keeps a session alive, and a profile signs on in one session at a time."""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain import presence
from swat_tui.domain.auth import AuthService, SignedOnAgent
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.practice_queue import IncomingCall
from swat_tui.domain.desk.softphone import Softphone
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.errors import StoreBusy
from swat_tui.store.models import AgentPresence
from swat_tui.store.queries import presence as presence_queries
from tests.call_seed import CUENTA, MovingClock, seed
from tests.conftest import FIXED_NOW

ANI = "3001234567"
PASSWORD = "swat2026"
OTHER_TERMINAL = "another-terminal"
STALE = presence.presence_config().stale_after.total_seconds()


class Calls:
    """A source that always has a call for the agent."""

    def next_call(self, now: object) -> IncomingCall:
        return IncomingCall(ANI, "HOGAR_SAC", "cuenta", CUENTA, FIXED_NOW)

    def ring_delay(self) -> float | None:
        return None


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(FIXED_NOW)


@pytest.fixture
def services(store_engine: Engine, clock: MovingClock) -> Services:
    return Services.create(store_engine, clock)


def _desk(services: Services, *, session: str | None = None) -> Desk:
    """A desk for ASESOR01 (seeded the first time), in this process's session or
    in ``session`` (another terminal's)."""
    known = any(profile.username == "ASESOR01" for profile in services.auth.list_agents())
    agent_id = _asesor01_id(services) if known else seed(services.engine, FIXED_NOW)
    agent = SignedOnAgent(agent_id, "ASESOR01", "Laura Gómez", "asesor")
    if session is not None:
        agent = SignedOnAgent(agent_id, "ASESOR01", "Laura Gómez", "asesor", session=session)
    return Desk(services, agent, Calls())


def _asesor01_id(services: Services) -> int:
    from swat_tui.store.queries.agents import get_agent

    with read_session(services.engine) as db:
        agent = get_agent(db, username="ASESOR01")
        assert agent is not None and agent.id is not None
        return agent.id


def _row(services: Services, agent_id: int) -> AgentPresence | None:
    with read_session(services.engine) as session:
        return presence_queries.get_presence(session, agent_id=agent_id)


def _agree(services: Services, desk: Desk) -> None:
    """The presence row says what the desk says: state, AUX reason, since, call, step."""
    row = _row(services, desk.agent.id)
    assert row is not None
    phone = desk.phone
    if desk.active is not None:
        call: tuple[int | None, int | None] = (desk.active.call_id, desk.active.record.state.step)
    elif desk.ringing is not None:
        call = (desk.ringing.id, desk.ringing.state.step)
    else:
        call = (None, None)
    aux = phone.aux.label if phone.aux is not None else None
    assert (row.state, row.aux_reason, row.since) == (phone.state.value, aux, phone.since)
    assert (row.call_id, row.step) == call
    if desk.active is not None:  # and the call's own row agrees on the step
        assert services.calls.get(desk.active.call_id).state.step == row.step


@pytest.mark.parametrize("seed_value", range(10))
def test_presence_and_call_never_disagree(
    services: Services, clock: MovingClock, seed_value: int
) -> None:
    """Random softphone and call intents, allowed or refused: after each the presence
    row shows the desk's softphone state and its call at the call's step."""
    desk = _desk(services)
    rng = random.Random(seed_value)
    caller = {"caller_name": "Cliente", "caller_document": "1020304050"}
    phone: list[Callable[[], object]] = [
        desk.go_available,
        lambda: desk.go_aux(str(rng.choice([1, 2, 3]))),
        desk.ring,
        desk.answer,
        desk.hold_or_resume,
        lambda: desk.transfer("HOGAR_PQR"),
        desk.hang_up,
        desk.finish_acw,
        desk.end_call,
    ]
    # Calls often enough that the walk works on them, not only on the phone.
    progress: list[Callable[[], object]] = [desk.go_available, desk.ring, desk.answer]
    phone += progress * 3
    call: list[Callable[[], object]] = [
        lambda: desk.call.record_check("saludo", "guion leído"),
        lambda: desk.call.set_field(*rng.choice(list(caller.items()))),
        lambda: desk.call.set_field("caller_relation", "titular"),
        lambda: desk.call.set_field("callback_number", ANI),
        lambda: desk.call.open_account(CUENTA),
        desk.call.advance,
        lambda: desk.call.record_check("estado_revisado", "revisada"),
        lambda: desk.call.start_request("sac", "Pregunta por la factura"),
    ]
    steps: set[int] = set()
    for _ in range(120):
        clock.advance(rng.randint(1, 30))
        with contextlib.suppress(DomainError):
            rng.choice(phone if rng.random() < 0.5 else call)()
        _agree(services, desk)
        row = _row(services, desk.agent.id)
        if row is not None and row.step is not None:
            steps.add(row.step)
    assert steps, "no call was answered: the walk tests nothing"


def test_a_refused_intent_leaves_the_presence_as_it_was(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    before = _row(services, desk.agent.id)
    with pytest.raises(DomainError):
        desk.transfer("NO_EXISTE")
    with pytest.raises(DomainError):
        desk.end_call()  # the procedure is not complete
    after = _row(services, desk.agent.id)
    assert before is not None and after is not None
    assert before.model_dump() == after.model_dump()
    _agree(services, desk)


def test_the_step_follows_every_call_write(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.call.record_check("saludo", "guion leído")
    for name, value in {
        "caller_name": "Cliente",
        "caller_document": "1020304050",
        "caller_relation": "titular",
        "callback_number": ANI,
    }.items():
        desk.call.set_field(name, value)
    desk.call.open_account(CUENTA)  # a mixin's own transaction (change_in)
    desk.call.advance()
    row = _row(services, desk.agent.id)
    assert row is not None and (row.state, row.step) == ("EN LLAMADA", 2)
    _agree(services, desk)


def test_sign_off_removes_the_presence_with_the_acw_it_ends(
    services: Services, clock: MovingClock
) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    desk.hang_up()
    clock.advance(20)
    desk.sign_off()
    assert _row(services, desk.agent.id) is None
    assert desk.last_call_id is not None
    assert not services.calls.get(desk.last_call_id).in_acw


def test_a_sign_off_refused_on_a_call_keeps_the_presence(services: Services) -> None:
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    with pytest.raises(DomainError):
        desk.sign_off()
    _agree(services, desk)


def test_the_heartbeat_writes_only_the_heartbeat(services: Services, clock: MovingClock) -> None:
    desk = _desk(services)
    desk.go_available()
    before = _row(services, desk.agent.id)
    clock.advance(7)
    assert desk.heartbeat()
    after = _row(services, desk.agent.id)
    assert before is not None and after is not None
    assert after.heartbeat_at == FIXED_NOW + timedelta(seconds=7)
    changed = {
        name for name, value in after.model_dump().items() if before.model_dump()[name] != value
    }
    assert changed == {"heartbeat_at"}


def test_a_heartbeat_on_a_busy_store_is_skipped_without_error(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _desk(services)

    @contextlib.contextmanager
    def busy(engine: Engine) -> Iterator[Session]:
        raise StoreBusy()
        yield  # pragma: no cover

    with monkeypatch.context() as patched:
        patched.setattr(presence, "write_session", busy)
        assert desk.heartbeat() is False  # nothing raised: the next tick tries again
    assert desk.heartbeat() is True


def test_a_dead_session_goes_stale_on_the_floor(services: Services, clock: MovingClock) -> None:
    """A killed session leaves its row; the floor shows it alive until the heartbeat
    is older than the threshold (data/presence.toml), then gone."""
    desk = _desk(services)
    desk.go_available()
    desk.ring()
    desk.answer()
    (line,) = presence.floor(services.engine, clock())
    assert (line.username, line.state, line.call_id, line.alive) == (
        "ASESOR01",
        "EN LLAMADA",
        desk.active.call_id if desk.active else None,
        True,
    )
    clock.advance(STALE - 1)
    assert presence.floor(services.engine, clock())[0].alive
    clock.advance(1)
    (line,) = presence.floor(services.engine, clock())
    assert not line.alive and line.heartbeat_age == timedelta(seconds=STALE)


def test_shown_panel_records_the_panel_on_screen(services: Services) -> None:
    desk = _desk(services)
    with write_session(services.engine) as session:
        presence.shown_panel(session, desk.agent.id, "VIS020")
    (line,) = presence.floor(services.engine, FIXED_NOW)
    assert line.panel == "VIS020"


# -- one session per profile -------------------------------------------------------------


@pytest.fixture
def auth(services: Services) -> AuthService:
    services.auth.create_agent("asesor02", "Pedro Díaz", "asesor", PASSWORD)
    return services.auth


def test_a_second_terminal_is_refused_while_the_first_is_alive(
    auth: AuthService, clock: MovingClock
) -> None:
    auth.sign_on("asesor02", PASSWORD)  # this process's session
    clock.advance(4)
    with pytest.raises(DomainError) as caught:
        auth.sign_on("asesor02", PASSWORD, session_token=OTHER_TERMINAL)
    message = caught.value.message
    assert message == (
        f"Perfil ASESOR02 con sesión activa (hace 4 s). Ciérrela o espere {int(STALE) - 4} s."
    )
    assert caught.value.rule == "presence.profile_in_use" and len(message) <= MESSAGE_WIDTH


def test_a_refused_second_sign_on_writes_nothing(
    auth: AuthService, services: Services, clock: MovingClock
) -> None:
    first = auth.sign_on("asesor02", PASSWORD)
    before = _row(services, first.id)
    clock.advance(3)
    with pytest.raises(DomainError):
        auth.sign_on("asesor02", PASSWORD, session_token=OTHER_TERMINAL)
    after = _row(services, first.id)
    assert before is not None and after is not None
    assert before.model_dump() == after.model_dump()
    (summary,) = [p for p in auth.list_agents() if p.username == "ASESOR02"]
    assert summary.last_signon_at == FIXED_NOW  # the refused attempt is not a sign-on


def test_a_wrong_password_says_nothing_of_the_presence(auth: AuthService) -> None:
    auth.sign_on("asesor02", PASSWORD)
    with pytest.raises(DomainError) as caught:
        auth.sign_on("asesor02", "otra-clave", session_token=OTHER_TERMINAL)
    assert caught.value.code == "CPF1107"


def test_a_stale_session_is_taken_over_and_said_so(
    auth: AuthService, services: Services, clock: MovingClock
) -> None:
    first = auth.sign_on("asesor02", PASSWORD)  # then the process is killed
    clock.advance(STALE)
    second = auth.sign_on("asesor02", PASSWORD, session_token=OTHER_TERMINAL)
    assert second.session == OTHER_TERMINAL and first.session != OTHER_TERMINAL
    assert second.notice.startswith("La sesión anterior de ASESOR02")
    assert len(second.notice) <= MESSAGE_WIDTH
    row = _row(services, second.id)
    assert row is not None and (row.session, row.heartbeat_at) == (OTHER_TERMINAL, clock())


def _dead_pid() -> int:
    """The pid of a process of this machine that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_session_whose_process_died_on_this_machine_is_taken_over_at_once(
    auth: AuthService, services: Services, clock: MovingClock
) -> None:
    """kill -9, a closed terminal or browser tab: the agent who starts the app again on
    the same machine signs on at once (no waiting for the heartbeat to go stale)."""
    machine = presence.process_session().split(":")[0]
    dead = f"{machine}:{_dead_pid()}:0badc0de"
    auth.sign_on("asesor02", PASSWORD, session_token=dead)
    clock.advance(2)
    again = auth.sign_on("asesor02", PASSWORD)
    assert again.notice == "La sesión de ASESOR02 en este equipo terminó sin salir: se reemplazó."
    row = _row(services, again.id)
    assert row is not None and row.session == presence.process_session()


def test_a_live_process_or_another_machine_is_not_taken_for_dead(
    auth: AuthService, clock: MovingClock
) -> None:
    """Only a process known to be gone frees the profile early: one still running here,
    or any session of another machine, keeps it until its heartbeat goes stale."""
    machine = presence.process_session().split(":")[0]
    alive_here = f"{machine}:{os.getppid()}:0badc0de"
    elsewhere = f"ffffffff:{_dead_pid()}:0badc0de"
    assert not presence.gone_from_this_machine(alive_here)
    assert not presence.gone_from_this_machine(elsewhere)
    assert not presence.gone_from_this_machine(OTHER_TERMINAL)
    auth.sign_on("asesor02", PASSWORD, session_token=elsewhere)
    clock.advance(2)
    with pytest.raises(DomainError):
        auth.sign_on("asesor02", PASSWORD)


def test_the_same_process_signs_on_again(auth: AuthService) -> None:
    """A process is one terminal: its own row is re-claimed (a test's second desk, the
    app started again in the same process after a simulated crash)."""
    first = auth.sign_on("asesor02", PASSWORD)
    again = auth.sign_on("asesor02", PASSWORD)
    assert first.session == again.session == presence.process_session()
    assert again.notice == ""


def test_after_sign_off_another_terminal_signs_on(services: Services) -> None:
    desk = _desk(services)
    desk.sign_off()
    other = _desk(services, session=OTHER_TERMINAL)
    row = _row(services, other.agent.id)
    assert row is not None and row.session == OTHER_TERMINAL


def test_the_old_session_cannot_write_over_a_row_taken_over(
    services: Services, clock: MovingClock
) -> None:
    desk = _desk(services)
    clock.advance(STALE)
    other = _desk(services, session=OTHER_TERMINAL)
    desk.go_available()  # the old session wakes up: its writes do not touch the row
    assert not desk.heartbeat()
    row = _row(services, other.agent.id)
    assert row is not None and (row.session, row.state) == (OTHER_TERMINAL, "AUX")


def test_the_configuration_is_checked() -> None:
    good = {"heartbeat_seconds": 5, "stale_after_seconds": 30}
    assert presence.parse_presence_config(good).heartbeat == timedelta(seconds=5)
    with pytest.raises(ValueError):
        presence.parse_presence_config({**good, "stale_after_seconds": 5})
    assert Softphone.signed_on(FIXED_NOW).state.value == "AUX"


def test_a_killed_process_not_yet_reaped_is_gone() -> None:
    """The CI failure of stop 26: after a kill -9 the process stayed a zombie (its parent,
    a tmux server, had exited; the container's init does not reap), ``kill(pid, 0)`` still
    answered, and the agent's new sign-on waited 30 s for a dead session."""
    child = subprocess.Popen(["sleep", "30"])
    try:
        child.kill()
        deadline = time.monotonic() + 5
        while _state(child.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _state(child.pid) == "Z"  # not reaped: no wait() yet
        machine = presence.process_session().split(":")[0]
        assert presence.gone_from_this_machine(f"{machine}:{child.pid}:0badc0de")
    finally:
        child.wait()


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
