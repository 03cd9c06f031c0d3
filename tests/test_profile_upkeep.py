"""A supervisor keeps the profiles (USR001, as IBM i's WRKUSRPRF): re-enable, reset, audited.

Each intent is one transaction with its audit row; anyone but a supervisor,
or an unknown profile, is refused and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import select

import swat_tui.store.queries.profile_audit as profile_audit_queries
from swat_tui.domain.auth import (
    OPERATOR_ACTOR,
    QMAXSIGN,
    AgentSummary,
    AuthService,
    ProfileAuditLine,
)
from swat_tui.domain.bootstrap import clear_account_data
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Agent, ProfileAudit
from tests.conftest import FIXED_NOW

PASSWORD = "swat2026"


@pytest.fixture
def auth(store_engine: Engine, fixed_clock: Callable[[], datetime]) -> AuthService:
    service = AuthService(store_engine, fixed_clock)
    service.create_agent("ASESOR01", "Laura Gómez", "asesor", PASSWORD)
    service.create_agent("ASESOR02", "Andrés Rincón", "asesor", PASSWORD)
    service.create_agent("SUPERV01", "Carolina Vélez", "supervisor", PASSWORD)
    return service


def _lock_out(auth: AuthService, username: str) -> None:
    for _ in range(QMAXSIGN):
        with pytest.raises(DomainError):
            auth.sign_on(username, "equivocada")


def _profile(auth: AuthService, username: str) -> AgentSummary:
    return next(agent for agent in auth.list_agents() if agent.username == username)


def _stored(engine: Engine) -> list[tuple[str, str, str, int, bool]]:
    """Every profile as stored (password hash included), to prove nothing changed."""
    with read_session(engine) as session:
        return [
            (a.username, a.role, a.password_hash, a.failed_signons, a.disabled)
            for a in session.exec(select(Agent).order_by(Agent.username)).all()
        ]


def _audit_rows(engine: Engine) -> int:
    with read_session(engine) as session:
        return len(session.exec(select(ProfileAudit)).all())


def test_supervisor_enables_a_locked_out_profile_and_its_password_works_again(
    auth: AuthService,
) -> None:
    _lock_out(auth, "ASESOR01")
    with pytest.raises(DomainError, match="CPF1394"):
        auth.sign_on("ASESOR01", PASSWORD)
    enabled = auth.enable_profile("SUPERV01", "asesor01")
    assert (enabled.username, enabled.disabled, enabled.failed_signons) == ("ASESOR01", False, 0)
    assert enabled.status == "HABILITADO"
    assert auth.sign_on("ASESOR01", PASSWORD).username == "ASESOR01"  # the password was kept
    assert auth.profile_audit() == (
        ProfileAuditLine(at=FIXED_NOW, actor="SUPERV01", target="ASESOR01", action="HABILITAR"),
    )


def test_enabling_clears_failed_attempts_of_a_profile_not_yet_disabled(
    auth: AuthService,
) -> None:
    with pytest.raises(DomainError, match="CPF1107"):
        auth.sign_on("ASESOR02", "equivocada")
    assert auth.enable_profile("SUPERV01", "ASESOR02").failed_signons == 0
    with pytest.raises(DomainError) as refused:
        auth.enable_profile("SUPERV01", "ASESOR02")
    assert refused.value.message == "El perfil ASESOR02 ya está habilitado."
    assert len(auth.profile_audit("ASESOR02")) == 1


def test_supervisor_resets_a_password_which_enables_the_profile(auth: AuthService) -> None:
    _lock_out(auth, "ASESOR01")
    reset = auth.reset_password_by("SUPERV01", "ASESOR01", "nueva123")
    assert (reset.disabled, reset.failed_signons) == (False, 0)
    with pytest.raises(DomainError, match="CPF1107"):
        auth.sign_on("ASESOR01", PASSWORD)
    assert auth.sign_on("ASESOR01", "nueva123").username == "ASESOR01"
    (line,) = auth.profile_audit("asesor01")
    assert (line.actor, line.target, line.action, line.at) == (
        "SUPERV01",
        "ASESOR01",
        "RESTABLECER CLAVE",
        FIXED_NOW,
    )


def test_a_short_password_is_refused_and_changes_nothing(
    auth: AuthService, store_engine: Engine
) -> None:
    _lock_out(auth, "ASESOR01")
    before = _stored(store_engine)
    with pytest.raises(DomainError, match="al menos 6 caracteres"):
        auth.reset_password_by("SUPERV01", "ASESOR01", "abc")
    assert _stored(store_engine) == before
    assert _audit_rows(store_engine) == 0


@pytest.mark.parametrize("actor", ["ASESOR02", "NADIE"])
def test_anyone_but_a_supervisor_is_refused_and_nothing_changes(
    auth: AuthService, store_engine: Engine, actor: str
) -> None:
    _lock_out(auth, "ASESOR01")
    before = _stored(store_engine)
    attempts: list[Callable[[], object]] = [
        lambda: auth.profiles(actor),
        lambda: auth.enable_profile(actor, "ASESOR01"),
        lambda: auth.reset_password_by(actor, "ASESOR01", "nueva123"),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "CPF2217"
        assert "supervisor" in refused.value.message
    assert _stored(store_engine) == before
    assert _audit_rows(store_engine) == 0
    assert _profile(auth, "ASESOR01").disabled


def test_the_role_is_the_stores_not_the_callers(auth: AuthService, store_engine: Engine) -> None:
    """A supervisor demoted (or disabled) since signing on can no longer act."""
    _lock_out(auth, "ASESOR01")
    with write_session(store_engine) as session:
        supervisor = session.exec(select(Agent).where(Agent.username == "SUPERV01")).one()
        supervisor.disabled = True
        session.add(supervisor)
    with pytest.raises(DomainError, match="CPF2217"):
        auth.enable_profile("SUPERV01", "ASESOR01")
    assert _profile(auth, "ASESOR01").disabled


@pytest.mark.parametrize("target", ["NADIE", "", "DEMASIADOLARGO"])
def test_an_unknown_profile_is_refused_and_nothing_changes(
    auth: AuthService, store_engine: Engine, target: str
) -> None:
    before = _stored(store_engine)
    attempts: list[Callable[[], object]] = [
        lambda: auth.enable_profile("SUPERV01", target),
        lambda: auth.reset_password_by("SUPERV01", target, "nueva123"),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "CPF2204"
        assert len(refused.value.message) <= MESSAGE_WIDTH
    assert _stored(store_engine) == before
    assert _audit_rows(store_engine) == 0


def test_supervisor_lists_every_profile_with_its_status(auth: AuthService) -> None:
    _lock_out(auth, "ASESOR02")
    listed = {p.username: p for p in auth.profiles("SUPERV01")}
    assert list(listed) == ["ASESOR01", "ASESOR02", "SUPERV01"]
    assert (listed["ASESOR02"].status, listed["ASESOR02"].failed_signons) == ("INHABILITADO", 3)
    assert listed["ASESOR01"].status == "HABILITADO"


def test_demo_replace_keeps_the_profiles_audit_trail(
    auth: AuthService, store_engine: Engine
) -> None:
    _lock_out(auth, "ASESOR01")
    auth.enable_profile("SUPERV01", "ASESOR01")
    clear_account_data(store_engine)
    assert len(auth.profile_audit()) == 1


def _desk(engine: Engine, clock: Callable[[], datetime], username: str) -> SupervisorDesk:
    services = Services.create(engine, clock)
    agent = services.auth.sign_on(username, PASSWORD)
    return SupervisorDesk(services, agent)


def test_the_desk_acts_as_its_signed_on_agent(
    auth: AuthService, store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    supervisor = _desk(store_engine, fixed_clock, "SUPERV01")
    _lock_out(auth, "ASESOR01")
    _lock_out(auth, "ASESOR02")
    assert [p.status for p in supervisor.profiles()] == [
        "INHABILITADO",
        "INHABILITADO",
        "HABILITADO",
    ]
    assert supervisor.enable_profile("asesor01") == "Perfil ASESOR01 habilitado."
    with pytest.raises(DomainError) as mismatch:
        supervisor.reset_password("ASESOR02", "nueva123", "nueva124")
    assert mismatch.value.message == "Las dos contraseñas digitadas no coinciden."
    assert _profile(auth, "ASESOR02").disabled
    assert supervisor.reset_password("ASESOR02", "nueva123", "nueva123") == (
        "Contraseña del perfil ASESOR02 restablecida; perfil habilitado."
    )
    assert [(line.actor, line.target) for line in auth.profile_audit()] == [
        ("SUPERV01", "ASESOR02"),
        ("SUPERV01", "ASESOR01"),
    ]
    agent = _desk(store_engine, fixed_clock, "ASESOR01")
    with pytest.raises(DomainError, match="CPF2217"):
        agent.enable_profile("ASESOR02")


def test_every_upkeep_message_fits_the_message_line(
    auth: AuthService, store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    auth.create_agent("ABCDEFGHIJ", "Nombre Largo", "asesor", PASSWORD)
    _lock_out(auth, "ABCDEFGHIJ")
    supervisor = _desk(store_engine, fixed_clock, "SUPERV01")
    messages = [
        supervisor.enable_profile("ABCDEFGHIJ"),
        supervisor.reset_password("ABCDEFGHIJ", "nueva123", "nueva123"),
    ]
    refusals: list[Callable[[], object]] = [
        lambda: supervisor.enable_profile("ABCDEFGHIJ"),
        lambda: supervisor.reset_password("ABCDEFGHIJ", "a", "b"),
        lambda: supervisor.reset_password("ABCDEFGHIJ", "a", "a"),
        lambda: auth.enable_profile("ASESOR01", "ABCDEFGHIJ"),
        lambda: auth.enable_profile("SUPERV01", "Z" * 40),
    ]
    for attempt in refusals:
        with pytest.raises(DomainError) as refused:
            attempt()
        messages.append(refused.value.message)
    assert all(len(message) <= MESSAGE_WIDTH for message in messages), messages


def test_the_operators_reset_is_audited_as_the_cli_in_its_own_transaction(
    auth: AuthService, store_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lock_out(auth, "ASESOR01")
    auth.reset_password("asesor01", "nueva123")
    (line,) = auth.profile_audit("ASESOR01")
    assert (line.actor, line.target, line.action, line.at) == (
        OPERATOR_ACTOR,
        "ASESOR01",
        "RESTABLECER CLAVE",
        FIXED_NOW,
    )
    with pytest.raises(DomainError, match="CPF1120"):
        auth.reset_password("NADIE", "nueva123")
    assert _audit_rows(store_engine) == 1

    def audit_fails(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disco lleno")

    # The audit row and the reset are one transaction: no row, no reset.
    before = _stored(store_engine)
    monkeypatch.setattr(profile_audit_queries, "log_profile_action", audit_fails)
    with pytest.raises(RuntimeError):
        auth.reset_password("ASESOR02", "otra4567")
    assert _stored(store_engine) == before
