"""Improvement ideas: anyone raises one, a leader moves it along the statuses of
data/ideas.toml, and a move made on a stale read is refused with what changed."""

from __future__ import annotations

import pytest
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import select

from swat_tui.domain.errors import CHANGED, DomainError
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import ImprovementIdea
from tests.management.leaders import desk_of, services  # noqa: F401


def test_anyone_raises_and_a_leader_moves_it(services: Services) -> None:  # noqa: F811
    agent = desk_of(services, "ASESOR01")
    idea = agent.ideas.raise_idea("  Guion corto de bienvenida ", "Ahorra 20 s por llamada")
    assert (idea.title, idea.status, idea.raised_by, idea.version) == (
        "Guion corto de bienvenida",
        "propuesta",
        "ASESOR01",
        1,
    )
    assert agent.ideas.raised_message(idea) == f"Idea {idea.number} registrada como Propuesta."
    with pytest.raises(DomainError) as refused:
        agent.ideas.move(idea, "aprobada")
    assert refused.value.code == "CPF2217"
    supervisor = desk_of(services, "SUPERV01")
    approved = supervisor.ideas.move(idea, "aprobada")
    assert (approved.status_label, approved.status_by, approved.version) == (
        "Aprobada",
        "SUPERV01",
        2,
    )
    assert supervisor.ideas.moved_message(idea, approved) == (
        f"Idea {idea.number}: Propuesta -> Aprobada."
    )
    coordinator = desk_of(services, "COORD01")
    running = coordinator.ideas.move(approved, "en_ejecucion")
    with pytest.raises(DomainError, match="puede pasar a Descartada"):
        coordinator.ideas.move(running, "propuesta")
    dropped = coordinator.ideas.move(running, "descartada")
    with pytest.raises(DomainError, match="ya no cambia de estado"):
        coordinator.ideas.move(dropped, "aprobada")
    with pytest.raises(DomainError, match="Estado archivada no válido"):
        coordinator.ideas.move(dropped, "archivada")
    assert [i.status for i in agent.ideas.listed()] == ["descartada"]


def test_a_move_on_a_stale_read_is_refused_with_what_changed(
    services: Services,  # noqa: F811
) -> None:
    idea = desk_of(services, "ASESOR02").ideas.raise_idea("Tablero de turnos")
    supervisor, coordinator = desk_of(services, "SUPERV01"), desk_of(services, "COORD01")
    seen_by_coordinator = coordinator.ideas.listed()[0]
    supervisor.ideas.move(idea, "descartada")
    with pytest.raises(DomainError) as refused:
        coordinator.ideas.move(seen_by_coordinator, "aprobada")
    assert refused.value.code == CHANGED
    assert refused.value.message.startswith(
        f"Idea {idea.number} cambió: Descartada, SUPERV01 10/03 09:30. Revise y grabe."
    )
    assert [i.status for i in coordinator.ideas.listed()] == ["descartada"]


def test_the_version_column_refuses_a_stale_orm_write(services: Services) -> None:  # noqa: F811
    """Two sessions read version 1; the second UPDATE matches no row."""
    desk_of(services, "ASESOR01").ideas.raise_idea("Pausas activas")
    with read_session(services.engine) as session:
        stale = session.exec(select(ImprovementIdea)).one()
    with write_session(services.engine) as session:
        fresh = session.exec(select(ImprovementIdea)).one()
        fresh.status = "aprobada"
        session.add(fresh)
    with pytest.raises(StaleDataError), write_session(services.engine) as session:
        stale.status = "descartada"
        session.add(stale)
    with read_session(services.engine) as session:
        row = session.exec(select(ImprovementIdea)).one()
    assert (row.status, row.version) == ("aprobada", 2)


def test_a_title_is_needed(services: Services) -> None:  # noqa: F811
    ideas = desk_of(services, "FORMA01").ideas
    with pytest.raises(DomainError, match="Digite el título"):
        ideas.raise_idea("   ")
    with pytest.raises(DomainError, match="a lo sumo 500"):
        ideas.raise_idea("Título", "x" * 501)
    assert ideas.listed() == ()
