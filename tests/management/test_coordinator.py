"""The coordinador: a profile of its own that leads supervisors and takes no calls."""

from __future__ import annotations

import pytest

from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from tests.management.leaders import desk_of, services  # noqa: F401


class NoCalls:
    def next_call(self, now: object) -> object:
        raise AssertionError("a coordinador's softphone never asks for a call")

    def ring_delay(self) -> float | None:
        return None


def test_a_coordinator_never_goes_available(services: Services) -> None:  # noqa: F811
    agent = desk_of(services, "COORD01").agent
    desk = Desk(services, agent, NoCalls())  # type: ignore[arg-type]
    before = desk.phone.state
    with pytest.raises(DomainError, match="El coordinador no atiende llamadas"):
        desk.go_available()
    assert desk.phone.state == before != AgentState.DISPONIBLE
    assert not desk.wants_ring


def test_the_supervisor_only_functions_stay_the_supervisors(
    services: Services,  # noqa: F811
) -> None:
    coordinator = desk_of(services, "COORD01")
    for attempt in (coordinator.profiles, coordinator.cgo_pending):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "CPF2217"
    assert coordinator.practices.mine()  # the management model is theirs


def test_swat_users_creates_a_coordinador(store_url: str) -> None:
    from typer.testing import CliRunner

    from swat_tui.cli.main import app

    runner = CliRunner()
    made = runner.invoke(
        app,
        [
            *("users", "add", "COORD02", "--name", "Ana Ruiz", "--role", "coordinador"),
            *("--password", "clave2026", "--db", store_url),
        ],
    )
    assert made.exit_code == 0, made.output
    assert "Usuario COORD02 creado (coordinador): Ana Ruiz." in made.output
    listed = runner.invoke(app, ["users", "list", "--db", store_url])
    assert "coordinador" in listed.output
