"""The management model on the desk (Pilot, demo store): SUPERV01 reads adherence,
records a practice on SUP031 (refused in the future or with a participant who does not
exist, nothing written), sees adherence move; ideas raised and moved; an asesor reaches
none of the leaders' panels, typed blind or not; the coordinador has their own menu."""

from __future__ import annotations

from sqlmodel import func, select

from swat_tui.config import Settings
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.models import PracticeRecord
from swat_tui.ui.app import SwatApp, make_app
from tests.ui.helpers import enter, message, panel_id, screen, shown, sign_on, type_into
from tests.ui.management_routes import settled, to_adherence, to_ideas, to_record_practice


def _records(services: Services) -> int:
    with read_session(services.engine) as session:
        return session.exec(select(func.count()).select_from(PracticeRecord)).one()


async def test_a_practice_recorded_moves_adherence(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_adherence(pilot)
        assert panel_id(app) == "SUP030"
        assert shown(app, "prac3").startswith("Confirmación de proceso")
        before = shown(app, "total")
        await pilot.press("f6")
        await pilot.pause()
        assert panel_id(app) == "SUP031"
        count = _records(services)
        await type_into(pilot, "n", "3")
        await type_into(pilot, "ht", "10:00")  # 28/11/26 is today; 09:30 is now
        await type_into(pilot, "participants", "ASESOR01")
        await enter(pilot)
        assert message(app) == "La práctica no puede quedar en el futuro (28/11/26 10:00)."
        await type_into(pilot, "ht", "08:00")
        await type_into(pilot, "participants", "ASESOR01, NADIE99")
        await enter(pilot)
        assert message(app).startswith("CPF2204: No existe el usuario NADIE99")
        assert _records(services) == count  # refused: nothing written
        await type_into(pilot, "participants", "ASESOR01")
        await enter(pilot)
        assert message(app) == (
            "Confirmación de proceso registrada: 28/11 08:00, 30 min, 1 participantes."
        )
        assert _records(services) == count + 1
        await pilot.press("f12")
        await settled(pilot)
        assert panel_id(app) == "SUP030"
        assert shown(app, "total") != before  # one more registered (a Saturday: none due)


async def test_a_month_back_and_a_bad_period(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_adherence(pilot)
        await type_into(pilot, "p", "M")
        await type_into(pilot, "b", "1")
        await enter(pilot)
        assert shown(app, "span").startswith("mes del 01/10/26 al 31/10/26")
        await type_into(pilot, "p", "X")
        await enter(pilot)
        assert message(app) == "Periodo inválido: use semana o mes."


async def test_a_key_typed_on_the_proposed_period_replaces_it(app: SwatApp) -> None:
    """SUP030 opens with S (this week) under the cursor: M pressed replaces it, as a
    5250 field entered does (it was added after the S, "SM", and refused)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await to_adherence(pilot)
        assert screen(app).focused is screen(app).field("p")
        await pilot.press("m", "enter")
        await settled(pilot)
        assert screen(app).field("p").value.upper() == "M"
        assert shown(app, "span").startswith("mes del 01/11/26 al 30/11/26"), message(app)


async def test_ideas_raised_by_an_asesor_and_moved_by_a_leader(
    app: SwatApp, settings: Settings, services: Services
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_ideas(pilot, "ASESOR01")
        assert panel_id(app) == "SUP032"
        assert shown(app, "summary").startswith("5 ideas:")
        await type_into(pilot, "title", "Pausa activa a media mañana")
        await enter(pilot)
        assert message(app) == "Idea 6 registrada como Propuesta."
        assert screen(app).panel.canvas.records[0]["ititle"] == "Pausa activa a media mañana"
        await type_into(pilot, "o_0", "2")
        await enter(pilot)
        assert message(app) == "Las opciones de estado son del supervisor o el coordinador."
    leader = make_app(settings, services)  # the coordinator's terminal, on the same store
    async with leader.run_test(size=(80, 24)) as pilot:
        await to_ideas(pilot, "COORD01")
        await type_into(pilot, "o_0", "2")
        await enter(pilot)
        assert message(leader) == "Idea 6: Propuesta -> Aprobada."
        assert screen(leader).panel.canvas.records[0]["status"] == "Aprobada"


async def test_an_asesor_reaches_no_leaders_panel_typed_blind(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "ASESOR01")
        assert all("Modelo de gestión" not in shown(app, f"menu{i}") for i in range(1, 15))
        await type_into(pilot, "option", "11")
        await enter(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == "Opción 11: no autorizada para el perfil asesor."


async def test_the_coordinator_menu(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "COORD01")
        lines = [shown(app, f"menu{i}").strip() for i in range(1, 15)]
        assert "11. Modelo de gestión: prácticas y adherencia" in lines
        assert not any(line.startswith(("2.", "3.", "5.")) for line in lines)
        await type_into(pilot, "option", "2")
        await enter(pilot)
        assert message(app) == "Opción 2: no autorizada para el perfil coordinador."


async def test_the_coordinator_records_a_weekly_dialogue(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_record_practice(pilot, "COORD01")
        assert shown(app, "list1").startswith(" 2. Diálogo semanal")
        await type_into(pilot, "n", "1")
        await enter(pilot)
        assert message(app).startswith("Diálogo diario: no es práctica del perfil coordinador")


async def test_a_move_on_a_stale_list_says_what_changed(app: SwatApp, services: Services) -> None:
    """COORD01's list shows idea 2 Propuesta; SUPERV01 discards it meanwhile (another
    terminal): COORD01's 2=Aprobar is refused with what changed, the list read again."""
    from tests.management.leaders import desk_of

    async with app.run_test(size=(80, 24)) as pilot:
        await to_ideas(pilot, "COORD01")
        records = screen(app).panel.canvas.records
        row = next(i for i, r in enumerate(records) if r["n"] == "2")
        assert records[row]["status"] == "Propuesta"
        other = desk_of(services, "SUPERV01").ideas
        other.move(next(i for i in other.listed() if i.number == 2), "descartada")
        await type_into(pilot, f"o_{row}", "2")
        await enter(pilot)
        assert message(app) == "Idea 2 cambió: Descartada, SUPERV01 28/11 09:30. Revise y grabe."
        assert screen(app).panel.canvas.records[row]["status"] == "Descartada"
