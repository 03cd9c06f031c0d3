"""SUP001, the live floor, as the supervisor works it: what each row says, the floor
following another session's presence within a second without a key, F5, paging that
keeps its page, options kept with their agent, option 5 (follow the call), the timer
stopped when the panel closes, and an asesor refused option 7 even typed blind."""

from __future__ import annotations

import time
from datetime import datetime

from sqlmodel import select

from swat_tui.domain import messages
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.floor import FloorView
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent
from swat_tui.ui.app import SwatApp
from tests.desk_calls import _NoCalls
from tests.floor_seed import SEATS, Seat
from tests.ui.floor_routes import floor_read, to_floor
from tests.ui.helpers import enter, message, panel_id, screen, shown, sign_on, type_into

SIZE = (80, 24)
PAGE = 11
WITHIN_S = 1.5  # the floor's promise is 1 s; the rest is the test machine's slack


def _rows(app: SwatApp) -> list[dict[str, str]]:
    return list(getattr(screen(app), "all_records", []))


def _row(app: SwatApp, username: str) -> dict[str, str]:
    return next(row for row in _rows(app) if row["usuario"] == username)


def _index(app: SwatApp, username: str) -> int:
    return next(i for i, row in enumerate(_rows(app)) if row["usuario"] == username)


def _other_desk(services: Services, username: str = "ASESOR02") -> Desk:
    """Another terminal's session on the same store (its presence claimed at sign-on)."""
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
        assert agent.id is not None
        signed_on = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)
    return Desk(services, signed_on, _NoCalls())


async def _option(app: SwatApp, pilot: object, username: str, option: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    for index in range(PAGE):  # the options typed before (refused, so still there) go
        screen(app).field(f"o_{index}").value = ""
    name = f"o_{_index(app, username) % PAGE}"
    await type_into(pilot, name, option)
    await enter(pilot)


async def test_each_row_says_state_time_reason_step_and_call(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        assert panel_id(app) == "SUP001"
        assert [row["usuario"] for row in _rows(app)] == [
            "FLOOR12", "FLOOR13", "FLOOR14", "FLOOR11", "FLOOR17", "FLOOR15", "FLOOR16",
            "SUPERV01", "FLOOR18", "FLOOR19",
        ]  # fmt: skip
        assert _row(app, "FLOOR13") == {
            "usuario": "FLOOR13",
            "name": "Camilo Torr>",  # cut where it continues
            "state": "AUX",
            "tis": "20:00",
            "why": "!1 Break",  # 20 minutes of a 15-minute break
            "pan": "",
            "call": "",
        }
        on_hold = _row(app, "FLOOR15")
        assert (on_hold["state"], on_hold["tis"], on_hold["why"]) == (
            "EN ESPERA",
            "00:40",
            "P2 Interpreta>",
        )
        assert (on_hold["pan"], on_hold["call"]) == ("LLM002", "04:00")
        gone = _row(app, "FLOOR19")
        assert (gone["state"], gone["tis"], gone["why"]) == ("DESCONECTADO", "10:00", "sin señal")
        assert shown(app, "summary") == (
            "10 asesores: Disponible 1 · AUX 3 · En llamada 3 · ACW 1 · Desconect. 2"
        )
        assert shown(app, "queue") == (
            "Cola: 3 llamadas en espera; la más antigua espera hace 02:15."
        )


async def test_another_sessions_change_shows_within_a_second_without_a_key(
    app: SwatApp, services: Services
) -> None:
    """ASESOR02 signs on in another terminal, then goes Disponible: the floor shows each
    change by itself, each within about a second of the store's write."""
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        assert all(row["usuario"] != "ASESOR02" for row in _rows(app))
        other = _other_desk(services)
        started = time.monotonic()
        while not any(row["usuario"] == "ASESOR02" for row in _rows(app)):
            assert time.monotonic() - started < WITHIN_S, "the new session never showed"
            await pilot.pause(0.05)
        assert _row(app, "ASESOR02")["state"] == "AUX"
        other.go_available()
        started = time.monotonic()
        while _row(app, "ASESOR02")["state"] != "DISPONIBLE":
            assert time.monotonic() - started < WITHIN_S, "the change never showed"
            await pilot.pause(0.05)
        assert message(app) == ""  # nobody pressed a key: no F5 message either


async def test_f5_reads_now_and_says_so(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        _other_desk(services)
        await pilot.press("f5")
        await floor_read(pilot)
        assert message(app) == messages.text("supervisor.floor.refreshed")
        assert _row(app, "ASESOR02")["state"] == "AUX"


async def test_paging_keeps_its_page_across_readings(app: SwatApp) -> None:
    """More agents than rows: AvPág turns to the second page and the next readings
    (every second) leave the supervisor there."""
    extra = tuple(Seat(f"FLOOR{n}", f"Agente {n}", "DISPONIBLE", n) for n in range(30, 36))
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot, SEATS + extra)
        assert len(_rows(app)) == 16 and shown(app, "more").strip() == "Más..."
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen(app).page_offset == PAGE  # type: ignore[attr-defined]
        assert shown(app, "more").strip() == "Final"
        screen(app).read_floor()  # type: ignore[attr-defined]
        await floor_read(pilot)
        assert screen(app).page_offset == PAGE  # type: ignore[attr-defined]
        await pilot.press("pageup")
        await pilot.pause()
        assert screen(app).page_offset == 0  # type: ignore[attr-defined]


async def test_an_option_typed_stays_with_its_agent_when_rows_move(
    app: SwatApp, services: Services
) -> None:
    """The supervisor types 5 beside FLOOR14; another agent's hour in AUX puts a row
    above it before Intro: the 5 moves down with FLOOR14, the cursor with it."""
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        before = _index(app, "FLOOR14")
        await type_into(pilot, f"o_{before}", "5")
        other = _other_desk(services)
        from datetime import timedelta

        from swat_tui.domain import presence

        move = presence.PresenceMove(
            other.agent.id, other.agent.session, "AUX", "AUX 4 Reunión",
            services.clock() - timedelta(hours=1),
        )  # fmt: skip
        presence.write(services.engine, move)
        screen(app).read_floor()  # type: ignore[attr-defined]
        await floor_read(pilot)
        after = _index(app, "FLOOR14")
        assert after == before + 1
        assert screen(app).field(f"o_{after}").value == "5"
        assert screen(app).field(f"o_{before}").value == ""
        assert screen(app).field(f"o_{after}").has_focus


async def test_option_5_on_a_call_opens_the_follow_panel_or_says_it_is_not_there(
    app: SwatApp,
) -> None:
    """Until SUP010 lands (another part of the area) row 24 says so; nothing crashes."""
    from swat_tui.ui.display_file import all_panel_ids

    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        await _option(app, pilot, "FLOOR14", "5")
        if "SUP010" not in all_panel_ids():
            assert panel_id(app) == "SUP001"
            assert message(app) == messages.text("supervisor.floor.follow_missing")
        else:  # H4's FollowCallScreen(username), once merged
            assert panel_id(app) == "SUP010"
            assert getattr(screen(app), "username", None) == "FLOOR14"


async def test_option_5_without_a_call_or_on_a_dead_session_and_other_options(
    app: SwatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        await _option(app, pilot, "FLOOR11", "5")
        assert message(app) == messages.text("supervisor.floor.no_call", username="FLOOR11")
        await _option(app, pilot, "FLOOR18", "5")  # its call is left, its session is gone
        assert message(app) == messages.text("supervisor.floor.gone", username="FLOOR18")
        await _option(app, pilot, "FLOOR14", "8")
        assert message(app) == messages.text("supervisor.floor.option", option="8")
        assert panel_id(app) == "SUP001"


async def test_the_timer_stops_when_the_panel_closes(app: SwatApp) -> None:
    """Readings every second while SUP001 is up; none once F3 closed it."""
    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        assert app.supervisor is not None
        floor_service = app.supervisor.floor
        readings: list[object] = []
        view = floor_service.view

        def counted(now: datetime) -> FloorView:
            readings.append(now)
            return view(now)

        floor_service.view = counted  # type: ignore[method-assign]
        started = time.monotonic()
        while not readings:
            assert time.monotonic() - started < WITHIN_S, "no reading while the panel is up"
            await pilot.pause(0.05)
        await pilot.press("f3")
        await floor_read(pilot)
        assert panel_id(app) == "MNU001"
        closed_with = len(readings)
        await pilot.pause(1.3)  # more than one period of the floor's timer
        assert len(readings) == closed_with


async def test_an_asesor_typing_7_blind_is_refused(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, "ASESOR01")
        assert all("Piso en vivo" not in shown(app, f"menu{i}") for i in range(1, 11))
        await type_into(pilot, "option", "7")
        await enter(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == "Opción 7: no autorizada para el perfil asesor."


async def test_the_desk_refuses_the_floor_to_an_asesor_who_reaches_the_panel(
    app: SwatApp,
) -> None:
    """Reached without the menu (a route nobody should have), the domain still refuses:
    row 24 says CPF2217, the list stays empty and the panel stops asking every second."""
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, "ASESOR01")
        await app.navigator.open_panel("SUP001")
        await floor_read(pilot)
        assert message(app) == messages.text("supervisor.floor.leaders_only")
        assert _rows(app) == []
        assert getattr(screen(app), "_refused", False)


async def test_a_busy_store_is_said_on_row_24_until_a_reading_succeeds(app: SwatApp) -> None:
    """A reading refused by a busy store leaves the list as it was and says so; the next
    reading that succeeds takes the error away by itself."""
    from swat_tui.domain.errors import StoreBusy

    async with app.run_test(size=SIZE) as pilot:
        await to_floor(pilot)
        assert app.supervisor is not None
        floor_service = app.supervisor.floor
        view = floor_service.view
        shown_before = _rows(app)

        def busy(now: datetime) -> FloorView:
            raise StoreBusy()

        floor_service.view = busy  # type: ignore[method-assign]
        screen(app).read_floor()  # type: ignore[attr-defined]
        await floor_read(pilot)
        assert message(app) == StoreBusy().message
        assert _rows(app) == shown_before
        floor_service.view = view  # type: ignore[method-assign]
        screen(app).read_floor()  # type: ignore[attr-defined]
        await floor_read(pilot)
        assert message(app) == ""
