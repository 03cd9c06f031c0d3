"""The live floor's view (SUP001's domain): every session's state and time in state, the
stale ones as DESCONECTADO, the order, the call's step and time, the queue, the counts;
leaders only. On SQLite and PostgreSQL (``store_engine``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import DomainError
from swat_tui.domain.presence import presence_config
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.domain.supervisor.floor import FloorGroup, FloorService, FloorView
from swat_tui.store.engine import write_session
from swat_tui.store.models import AgentPresence
from swat_tui.store.queries import presence as presence_queries
from tests.conftest import FIXED_NOW
from tests.floor_seed import SEATS, Seat, seed_floor

NOW = FIXED_NOW
STALE = presence_config().stale_after


@pytest.fixture
def services(store_engine: Engine) -> Services:
    return Services.create(store_engine, lambda: NOW)


def _leader(services: Services, role: str = "supervisor") -> FloorService:
    return SupervisorDesk(services, SignedOnAgent(9999, "SUPERV01", "Carolina", role)).floor


def _view(services: Services, seats: tuple[Seat, ...] = SEATS) -> FloorView:
    seed_floor(services.engine, NOW, seats)
    return _leader(services).view(NOW)


def test_each_state_is_shown_with_its_reason_or_call(services: Services) -> None:
    view = _view(services)
    by_user = {row.username: row for row in view.rows}
    assert {u: (r.state, r.group) for u, r in by_user.items()} == {
        "FLOOR11": ("DISPONIBLE", FloorGroup.DISPONIBLE),
        "FLOOR12": ("AUX", FloorGroup.AUX),
        "FLOOR13": ("AUX", FloorGroup.AUX),
        "FLOOR14": ("EN LLAMADA", FloorGroup.EN_LLAMADA),
        "FLOOR15": ("EN ESPERA", FloorGroup.EN_LLAMADA),
        "FLOOR16": ("TIMBRANDO", FloorGroup.EN_LLAMADA),
        "FLOOR17": ("ACW", FloorGroup.ACW),
        "FLOOR18": ("DESCONECTADO", FloorGroup.DESCONECTADO),
        "FLOOR19": ("DESCONECTADO", FloorGroup.DESCONECTADO),
    }
    assert by_user["FLOOR12"].aux_reason == "AUX 2 Almuerzo"
    assert by_user["FLOOR12"].name == "Beatriz Lozano"  # joined from the profile
    on_call = by_user["FLOOR14"]
    assert (on_call.step, on_call.step_title, on_call.panel, on_call.queue) == (
        3,
        "Gestión SAC",
        "SAC020",
        "HOGAR_SAC",
    )
    assert on_call.step_name == "Gestión SAC (cartera, facturación, recaudo)"
    assert on_call.on_call and on_call.call_id is not None
    assert by_user["FLOOR11"].call_id is None and not by_user["FLOOR11"].on_call
    assert by_user["FLOOR11"].step_title == "" and by_user["FLOOR11"].call_time is None


def test_the_counts_add_up_by_group(services: Services) -> None:
    view = _view(services)
    assert view.counts == {
        FloorGroup.DISPONIBLE: 1,
        FloorGroup.AUX: 2,
        FloorGroup.EN_LLAMADA: 3,
        FloorGroup.ACW: 1,
        FloorGroup.DESCONECTADO: 2,
    }
    assert sum(view.counts.values()) == len(view.rows) == len(SEATS)


def test_durations_in_state_on_the_call_and_in_the_queue(services: Services) -> None:
    by_user = {row.username: row for row in _view(services).rows}
    assert by_user["FLOOR12"].in_state == timedelta(minutes=50)
    # On hold 40 s into a call answered 4 minutes ago: the state's time and the call's.
    assert by_user["FLOOR15"].in_state == timedelta(seconds=40)
    assert by_user["FLOOR15"].call_time == timedelta(minutes=4)
    # Ringing: the call's time counts from when it rang.
    assert by_user["FLOOR16"].call_time == timedelta(seconds=8)
    view = _leader(services).view(NOW)
    assert (view.waiting, view.oldest_waiting) == (3, timedelta(seconds=135))


def test_an_aux_longer_than_its_reason_allows_is_marked(services: Services) -> None:
    by_user = {row.username: row for row in _view(services).rows}
    assert by_user["FLOOR13"].aux_over  # Break, 15 minutes allowed, 20 taken
    assert not by_user["FLOOR12"].aux_over  # Almuerzo, 60 allowed, 50 taken
    assert not by_user["FLOOR11"].aux_over


def test_a_stale_heartbeat_is_desconectado_from_the_threshold_on(services: Services) -> None:
    """Alive while the heartbeat is younger than data/presence.toml's threshold; from
    the threshold on it is DESCONECTADO, its time counted since the last heartbeat."""
    seconds = int(STALE.total_seconds())
    seats = (
        Seat("FLOOR21", "Casi", "EN LLAMADA", 90, step=2, panel="LLM002", call_seconds=90,
             heartbeat=seconds - 1),
        Seat("FLOOR22", "Justo", "EN LLAMADA", 90, step=2, panel="LLM002", call_seconds=90,
             heartbeat=seconds),
    )  # fmt: skip
    by_user = {row.username: row for row in _view(services, seats).rows}
    assert by_user["FLOOR21"].state == "EN LLAMADA" and by_user["FLOOR21"].alive
    gone = by_user["FLOOR22"]
    assert (gone.state, gone.in_state, gone.alive) == ("DESCONECTADO", STALE, False)
    assert not gone.on_call  # its call cannot be followed: nobody works it


def test_sorted_longest_in_state_first_then_the_disconnected_most_recent_first(
    services: Services,
) -> None:
    view = _view(services)
    assert [row.username for row in view.rows] == [
        "FLOOR12",  # AUX 50 min
        "FLOOR13",  # AUX 20 min
        "FLOOR14",  # EN LLAMADA 6:30
        "FLOOR11",  # DISPONIBLE 3 min
        "FLOOR17",  # ACW 1 min
        "FLOOR15",  # EN ESPERA 40 s
        "FLOOR16",  # TIMBRANDO 8 s
        "FLOOR18",  # gone 2 min ago
        "FLOOR19",  # gone 10 min ago
    ]


def test_a_state_change_moves_the_agent_and_the_view_follows_the_store(
    services: Services,
) -> None:
    """Another session's write is what the next view reads: no cache between them."""
    view = _view(services)
    row = view.row("FLOOR11")
    assert row is not None and row.state == "DISPONIBLE"
    with write_session(services.engine) as session:
        presence = session.exec(
            select(AgentPresence).where(AgentPresence.username == "FLOOR11")
        ).one()
        presence_queries.move_presence(
            session,
            agent_id=presence.agent_id,
            token=presence.session,
            state="AUX",
            aux_reason="AUX 7 Baño",
            since=NOW - timedelta(hours=1),
            call_id=None,
            step=None,
        )
    again = _leader(services).view(NOW)
    assert again.rows[0].username == "FLOOR11"  # an hour in AUX: on top now
    assert (again.rows[0].state, again.rows[0].aux_reason) == ("AUX", "AUX 7 Baño")


def test_an_empty_floor_and_an_empty_queue(services: Services) -> None:
    view = _leader(services).view(NOW)
    assert (view.rows, view.waiting, view.oldest_waiting) == ((), 0, None)
    assert set(view.counts.values()) == {0}


@pytest.mark.parametrize("role", ["supervisor", "coordinador"])
def test_leaders_see_the_floor(services: Services, role: str) -> None:
    seed_floor(services.engine, NOW)
    assert len(_leader(services, role).view(NOW).rows) == len(SEATS)


@pytest.mark.parametrize("role", ["asesor", "formador"])
def test_other_roles_are_refused_in_the_domain(services: Services, role: str) -> None:
    seed_floor(services.engine, NOW)
    with pytest.raises(DomainError) as refused:
        _leader(services, role).view(NOW)
    assert refused.value.code == "CPF2217"
    assert "piso en vivo" in refused.value.message
