"""Defects the key-sequence explorer found (tests/explorer/FOUND.md), each as the
shrunk key sequence it printed, so they stay found."""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import enter, fill, message, panel_id, screen, type_into

SIZE = (80, 24)


async def test_an_option_on_an_agenda_with_no_window_is_not_a_crash(
    app: SwatApp, services: Services
) -> None:
    """FOUND.md 2 (seed 4): VIS030 with no free window, 1 typed and Intro read a window
    that is not there (IndexError)."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_full_agenda(pilot)
        assert panel_id(app) == "VIS030"
        screen(app).field("o_0").value = "1"  # the row's field, held though no row shows
        await enter(pilot)
        assert panel_id(app) == "VIS030"
        assert app.unexpected_errors == []


async def test_back_on_a_call_panel_after_hanging_up_goes_to_the_menu(
    app: SwatApp, services: Services
) -> None:
    """FOUND.md 3 (seed 17): LLM001, F2, 6 (hang up), F12 showed LLM001 of the ended
    call, and its Intro let a DomainError end the app."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_reception(pilot)
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "opt", "6")
        await enter(pilot)
        assert message(app).startswith("Llamada colgada")
        await pilot.press("f12")
        await pilot.pause()
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        assert app.unexpected_errors == []


async def test_pqr030_shows_what_was_typed_after_f3_and_option_3(
    app: SwatApp, services: Services
) -> None:
    """FOUND.md 5 (seed 5): PQR030's "Confirmado" S was empty after F3 and menu option
    3 (back to the call)."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        await fill(pilot, mot="2", ch="1")
        await type_into(pilot, "cf", "S")
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        await type_into(pilot, "option", "3")
        await enter(pilot)
        assert panel_id(app) == "PQR030"
        current = screen(app)
        assert (current.field("mot").value, current.field("cf").value) == ("2", "S")


async def test_a_code_chosen_on_tip001_stays_through_the_call_log(
    app: SwatApp, services: Services
) -> None:
    """Found by the explorer on the fixed code (seed 5): 1 on a code of TIP001's list
    fills Código and Resolución; F13 (the call log) and F12 back emptied them."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        await fill(pilot, o_1="1")
        await enter(pilot)
        current = screen(app)
        chosen = (current.field("code_in").value, current.field("res").value)
        assert chosen[0] and chosen[1] in ("1", "2"), message(app)
        await pilot.press("shift+f1")
        await pilot.pause()
        assert panel_id(app) == "LOG001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TIP001"
        assert (current.field("code_in").value, current.field("res").value) == chosen


async def test_f22_on_a_typified_request_shows_its_typification(
    app: SwatApp, services: Services
) -> None:
    """FOUND.md (seed 33, SUPERV01's walk): TIP001 typified with the code the SAC
    path suggested, Intro on to LLM008, then F22: TIP001 came back empty (Resolución
    1 gone), so the agent could not see what was recorded. It shows the request's
    typification now, through F13 and back too; no other code is chosen for it, and
    Intro goes back to LLM008."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_branch(pilot)
        await fill(pilot, g="1")  # LLM003: 1 = cartera (SAC010)
        await enter(pilot)
        await fill(pilot, inf="s", ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        suggested = screen(app)
        typed = (suggested.field("code_in").value, suggested.field("res").value)
        assert typed == ("SAC-CAR-007", "1"), message(app)
        await enter(pilot)
        assert panel_id(app) == "LLM008"
        await pilot.press("shift+f10")
        await pilot.pause()
        assert panel_id(app) == "TIP001"
        shown = screen(app)
        assert (shown.field("code_in").value, shown.field("res").value) == typed
        assert message(app).startswith("Solicitud 1 tipificada: SAC-CAR-007 PRIMER CONTACTO")
        # Shown as recorded, not to type over (SUPERV01's seed 11: a 2 typed in
        # Resolución there was shown, recorded nowhere, and gone at the next F22).
        assert all(shown.field(name).disabled for name in ("code_in", "res", "notes", "inc"))
        await pilot.press("shift+f1")
        await pilot.pause()
        assert panel_id(app) == "LOG001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TIP001"
        shown = screen(app)
        assert (shown.field("code_in").value, shown.field("res").value) == typed
        await fill(pilot, o_1="1")  # another code chosen for the typified request: refused
        await enter(pilot)
        assert message(app) == "La solicitud 1 ya está tipificada: una tipificación por solicitud."
        assert (shown.field("code_in").value, shown.field("res").value) == typed
        shown.field("o_1").value = ""
        await enter(pilot)
        assert panel_id(app) == "LLM008"
        assert app.unexpected_errors == []


async def test_f3_after_booking_a_visit_goes_to_the_menu_not_the_sign_on(
    app: SwatApp, services: Services
) -> None:
    """Found by the explorer (seed 42): VIS030, 1 on a window (booked), then F3: the
    agent landed on SGN001 in the middle of the call. VIS020 closes itself once its
    order is booked; with F3 popping through it to the menu, that close took the menu
    too. F3 now ends on MNU001 with the call still on the desk."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_agenda(pilot)
        await type_into(pilot, "o_0", "1")
        await enter(pilot)
        assert message(app).startswith("LLS"), message(app)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        assert app.desk is not None and app.desk.active is not None
        await type_into(pilot, "option", "3")  # back to the call
        await enter(pilot)
        assert panel_id(app) == "VIS010"
        assert app.unexpected_errors == []


async def test_f3_after_filing_a_cgo_form_goes_to_the_menu(
    app: SwatApp, services: Services
) -> None:
    """The same close as after booking, on the CGO path: VIS030 closes itself once the
    form of CGO010 is filed; F3 from CGO010 then must still end on MNU001."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_cgo_form(pilot)
        await fill(pilot, win="14-16 08-10", days="lun mie", notes1="Llamar antes de ir")
        await enter(pilot)
        assert message(app).startswith("Formulario CGO"), message(app)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        assert app.desk is not None and app.desk.active is not None
        assert app.unexpected_errors == []


async def test_back_to_the_call_from_the_espejo_keeps_the_panel_on_top(
    app: SwatApp, services: Services
) -> None:
    """Found by the explorer (SUPERV01, seed 11): TD010, F22, a code chosen on TIP001,
    F14 (the Espejo) and option 3 back to the call: TIP001 was replaced by TD010, which
    was then twice in the stack (the chosen code gone from the screen, and 'cc y fecha'
    typed on TD010 then F3 not kept). Back from the Espejo the call's panels are as
    they were: TIP001 on top of TD010, the code still chosen."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_td_walk(pilot)
        await pilot.press("shift+f10")
        await pilot.pause()
        await fill(pilot, o_0="1")
        await enter(pilot)
        chosen = screen(app).field("code_in").value
        assert chosen, message(app)
        await pilot.press("shift+f2")  # F14: the Espejo
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        await type_into(pilot, "option", "3")
        await enter(pilot)
        stack = [getattr(s, "PANEL_ID", "") for s in app.screen_stack]
        assert stack[-2:] == ["TD010", "TIP001"], stack
        assert screen(app).field("code_in").value == chosen
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TD010"
        assert app.unexpected_errors == []
