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
