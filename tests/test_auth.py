"""RR sign-on: OS/400 messages, QMAXSIGN lock-out, resets and profile upkeep."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine
from sqlmodel import select

from swat_tui.domain.auth import QMAXSIGN, AuthService
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.store.engine import make_engine, read_session
from swat_tui.store.models import Agent
from tests.conftest import FIXED_NOW

PASSWORD = "swat2026"


@pytest.fixture
def auth(store_engine: Engine, fixed_clock: Callable[[], datetime]) -> AuthService:
    service = AuthService(store_engine, fixed_clock)
    service.create_agent("asesor01", "Laura Gómez", "asesor", PASSWORD)
    return service


def _agent(engine: Engine, username: str) -> Agent:
    with read_session(engine) as session:
        return session.exec(select(Agent).where(Agent.username == username)).one()


def _refusal(auth: AuthService, username: str, password: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        auth.sign_on(username, password)
    return caught.value


def test_sign_on_is_case_insensitive_and_records_the_time(
    auth: AuthService, store_engine: Engine
) -> None:
    agent = auth.sign_on("  Asesor01 ", PASSWORD)
    assert (agent.username, agent.display_name, agent.role) == ("ASESOR01", "Laura Gómez", "asesor")
    stored = _agent(store_engine, "ASESOR01")
    assert stored.last_signon_at == FIXED_NOW
    assert stored.last_signon_at is not None and stored.last_signon_at.tzinfo is not None


def test_password_is_stored_as_an_argon2_hash(auth: AuthService, store_engine: Engine) -> None:
    stored = _agent(store_engine, "ASESOR01")
    assert stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in stored.password_hash


def test_unknown_user_is_cpf1120(auth: AuthService) -> None:
    error = _refusal(auth, "nadie", PASSWORD)
    assert error.code == "CPF1120"
    assert error.message == "CPF1120: El usuario NADIE no existe."


def test_wrong_password_is_cpf1107_and_counts(auth: AuthService, store_engine: Engine) -> None:
    error = _refusal(auth, "ASESOR01", "otra-cosa")
    assert error.code == "CPF1107"
    assert error.message == "CPF1107: Contraseña incorrecta para el usuario ASESOR01."
    assert _agent(store_engine, "ASESOR01").failed_signons == 1


def test_third_failure_disables_the_profile_even_for_the_right_password(
    auth: AuthService, store_engine: Engine
) -> None:
    codes = [_refusal(auth, "ASESOR01", "mala").code for _ in range(QMAXSIGN)]
    assert codes == ["CPF1107", "CPF1107", "CPF1394"]
    assert _agent(store_engine, "ASESOR01").disabled
    error = _refusal(auth, "ASESOR01", PASSWORD)
    assert error.code == "CPF1394"
    assert "ASESOR01" in error.message and "supervisor" in error.message


def test_success_resets_the_failure_count(auth: AuthService, store_engine: Engine) -> None:
    _refusal(auth, "ASESOR01", "mala")
    _refusal(auth, "ASESOR01", "mala")
    auth.sign_on("ASESOR01", PASSWORD)
    assert _agent(store_engine, "ASESOR01").failed_signons == 0
    assert _refusal(auth, "ASESOR01", "mala").code == "CPF1107"


def test_reset_password_re_enables_the_profile(auth: AuthService) -> None:
    for _ in range(QMAXSIGN):
        _refusal(auth, "ASESOR01", "mala")
    auth.reset_password("asesor01", "nueva123")
    assert auth.sign_on("ASESOR01", "nueva123").username == "ASESOR01"
    summary = auth.list_agents()[0]
    assert (summary.failed_signons, summary.disabled) == (0, False)


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", PASSWORD, "Digite el usuario."),
        ("   ", PASSWORD, "Digite el usuario."),
        ("ASESOR01", "", "Digite la contraseña."),
    ],
)
def test_empty_fields_are_asked_for(
    auth: AuthService, username: str, password: str, message: str
) -> None:
    assert _refusal(auth, username, password).message == message


def test_concurrent_failures_are_all_counted(auth: AuthService, store_url: str) -> None:
    # Two terminals (two engines on one file) failing at the same moment.
    engines = [make_engine(store_url) for _ in range(2)]
    services = [AuthService(engine, lambda: FIXED_NOW) for engine in engines]
    barrier = threading.Barrier(2)
    codes: list[str | None] = []

    def attempt(service: AuthService) -> None:
        barrier.wait()
        try:
            service.sign_on("ASESOR01", "mala")
        except DomainError as error:
            codes.append(error.code)

    threads = [threading.Thread(target=attempt, args=(service,)) for service in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == ["CPF1107", "CPF1107"]
    assert auth.list_agents()[0].failed_signons == 2
    for engine in engines:
        engine.dispose()


def test_create_agent_refuses_duplicates_bad_names_roles_and_short_passwords(
    auth: AuthService,
) -> None:
    with pytest.raises(DomainError, match="ya existe"):
        auth.create_agent("Asesor01", "Otra Persona", "asesor", PASSWORD)
    for bad_name in ("", "DEMASIADOLARGO", "ASE-01", "ASESOR 1"):
        with pytest.raises(DomainError, match="1 a 10"):
            auth.create_agent(bad_name, "Nombre", "asesor", PASSWORD)
    with pytest.raises(DomainError, match="Rol inválido"):
        auth.create_agent("NUEVO01", "Nombre", "gerente", PASSWORD)
    with pytest.raises(DomainError, match="al menos"):
        auth.create_agent("NUEVO01", "Nombre", "asesor", "abc")
    assert [agent.username for agent in auth.list_agents()] == ["ASESOR01"]


def test_list_agents_shows_last_sign_on_in_bogota(auth: AuthService) -> None:
    auth.create_agent("SUPERV01", "Carolina Vélez", "SUPERVISOR", PASSWORD)
    auth.sign_on("SUPERV01", PASSWORD)
    agents = {agent.username: agent for agent in auth.list_agents()}
    assert list(agents) == ["ASESOR01", "SUPERV01"]
    assert agents["ASESOR01"].last_signon_at is None
    last = agents["SUPERV01"].last_signon_at
    assert last is not None and last.utcoffset() == FIXED_NOW.utcoffset()
    assert last.astimezone(UTC) == FIXED_NOW.astimezone(UTC)
    assert agents["SUPERV01"].role == "supervisor"


def test_every_sign_on_message_fits_the_message_line(
    store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    auth = AuthService(store_engine, fixed_clock)
    auth.create_agent("ABCDEFGHIJ", "Nombre Largo", "asesor", PASSWORD)
    messages = [_refusal(auth, "ABCDEFGHIJ", "mala").message for _ in range(QMAXSIGN + 1)]
    messages.append(_refusal(auth, "ZZZZZZZZZZZZZZZZZZZZ", "x").message)
    assert all(len(message) <= MESSAGE_WIDTH for message in messages), messages


@pytest.mark.parametrize("password", [PASSWORD, "mala"])
def test_the_password_is_checked_with_no_write_transaction_open(
    auth: AuthService, store_url: str, monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    """argon2 takes tens of milliseconds: while it runs, another agent's write goes
    through at once (the check holds no write lock), right password or wrong."""
    import swat_tui.domain.auth as auth_module

    impatient = (
        {"timeout": 0.05}  # SQLite: give up on the write lock after 50 ms
        if store_url.startswith("sqlite")
        else {"options": "-c lock_timeout=50"}  # PostgreSQL: on the agent's row lock
    )
    other = create_engine(store_url, connect_args=impatient)
    written: list[bool] = []
    real = auth_module._hash_matches

    def checking(password_hash: str, typed: str) -> bool:
        with other.begin() as connection:  # BEGIN IMMEDIATE fails if a writer holds the lock
            connection.exec_driver_sql("UPDATE agent SET display_name = display_name")
        written.append(True)
        return real(password_hash, typed)

    monkeypatch.setattr(auth_module, "_hash_matches", checking)
    try:
        auth.sign_on("asesor01", password)
    except DomainError as error:
        assert error.code == "CPF1107"
    finally:
        other.dispose()
    assert written == [True]
