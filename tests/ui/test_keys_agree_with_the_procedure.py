"""Keys and records that disagreed with the procedure — F22 before
step 2 is complete, F12 leaving the call, F23 under a mass aviso, keys that silently
did nothing, and a legend that showed a key that only refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp, make_app
from swat_tui.ui.keymap import load_keymap
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import (
    answer_call,
    desk_of,
    enter,
    fill,
    message,
    open_account,
    panel_id,
    phone_of,
    screen,
    shown,
    type_into,
)

SIZE = (80, 24)


def _legend(app: SwatApp) -> str:
    rows = screen(app).panel.canvas.legend
    return f"{rows[0]} {rows[1]}"


async def test_f22_at_step_2_is_refused_until_the_step_is_complete(
    app: SwatApp, services: Services
) -> None:
    """Blacklisted call, LLM002 with F7 unread: F22 recorded PQR-CON-001 before; now the
    key says what step 2 still asks and TIP001 does not open."""
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "blacklist"))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        await fill(pilot, sta="s", request="Consulta su reclamo", br="4")
        await enter(pilot)  # the request is recorded; the step waits for F7
        await pilot.press("f22")
        await pilot.pause()
        assert panel_id(app) == "LLM002"
        assert message(app).startswith("Antes de tipificar: Cuenta con BLACKLIST")
        assert desk_of(app).call.typifications() == ()


async def test_f12_goes_back_inside_the_call(app: SwatApp, services: Services) -> None:
    """F12 on TD010 goes to LLM003 (to choose another sub-flow) and on LLM001 to the
    softphone the call was answered on; the call stays in front, never MNU001."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_td_walk(pilot)
        assert panel_id(app) == "TD010"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "LLM003"
        assert screen(app).field("g").value == "1"
        await enter(pilot)  # the sub-flow chosen: back to its panel
        assert panel_id(app) == "TD010"


async def test_f12_on_llm001_opens_the_softphone_and_f12_comes_back(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_reception(pilot)
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "SFT001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "LLM001"


async def _visit_under_aviso(pilot: Pilot[None], services: Services) -> None:
    await answer_call(pilot, phone_of(services, "aviso"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, avi="s", sta="s", request="Necesita una visita técnica", br="3")
    await enter(pilot)
    assert panel_id(pilot.app) == "VIS010", message(pilot.app)  # type: ignore[arg-type]


async def test_vis010_under_a_mass_aviso_refuses_f23_at_the_key(
    app: SwatApp, services: Services
) -> None:
    """The node has an open mass aviso: "Siguiente" says to inform it, and F23 is
    refused on row 24 instead of opening a form it would refuse at the end."""
    async with app.run_test(size=SIZE) as pilot:
        await _visit_under_aviso(pilot, services)
        assert "sin visita" in shown(app, "next") and "F23" not in shown(app, "next")
        await pilot.press("f23")
        await pilot.pause()
        assert panel_id(app) == "VIS010"
        assert message(app).startswith("Nodo con aviso") and "no se agenda visita" in message(app)


async def test_a_key_that_does_not_apply_says_so(app: SwatApp, services: Services) -> None:
    """F9 on CTA010, F13, F21 and F8 on CTA001, F22 outside a call: row 24 says the key
    does not apply (they did nothing at all before)."""
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        assert panel_id(app) == "CTA001"
        assert "F22=Tipificar" not in _legend(app)  # no call: nothing to typify
        for key, cap in (("shift+f1", "F13"), ("shift+f9", "F21"), ("f8", "F8")):
            await pilot.press(key)
            await pilot.pause()
            assert panel_id(app) == "CTA001"
            assert message(app) == f"Tecla {cap} no válida en este panel.", key
        await pilot.press("shift+f10")
        await pilot.pause()
        assert message(app) == "No hay llamada en curso: se tipifica dentro de una llamada."
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "CTA010"
        await pilot.press("f9")
        await pilot.pause()
        assert message(app) == "Tecla F9 no válida en este panel."


async def test_keys_of_a_call_panel_that_do_not_apply_say_so(
    app: SwatApp, services: Services
) -> None:
    """F9 on LLM003 and F23 (Shift+F11) on LLM001 answer on row 24; F22 is in the legend
    of a panel in a call."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_reception(pilot)
        await pilot.press("shift+f11")
        await pilot.pause()
        assert panel_id(app) == "LLM001"
        assert message(app) == "Tecla F23 no válida en este panel."
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        await fill(pilot, sta="s", request="Factura", br="1")
        await enter(pilot)
        assert panel_id(app) == "LLM003" and "F22=Tipificar" in _legend(app)
        await pilot.press("f9")
        await pilot.pause()
        assert message(app) == "Tecla F9 no válida en este panel."


async def test_a_remapped_f22_says_where_typifying_went(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With F22 moved to Ctrl+F in the keymap, F22 itself on LLM003 says it does not
    apply there (it did nothing) and the legend names Ctrl+F."""
    keymap_file = tmp_path / "keymap.toml"
    keymap_file.write_text('[keys]\ntypify = "ctrl+f"\n', encoding="utf-8")
    monkeypatch.setenv("SWAT_KEYMAP", str(keymap_file))
    keymap = load_keymap()
    services = open_services(settings)
    try:
        app = make_app(settings, services, keymap)
        async with app.run_test(size=SIZE) as pilot:
            await routes.to_branch(pilot)
            assert panel_id(app) == "LLM003" and "Ctrl+F=Tipificar" in _legend(app)
            await pilot.press("shift+f10")
            await pilot.pause()
            assert panel_id(app) == "LLM003"
            assert message(app) == "Tecla F22 no válida en este panel."
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert panel_id(app) == "TIP001"
    finally:
        services.close()


async def test_the_menu_option_3_returns_to_the_call_after_f3(
    app: SwatApp, services: Services
) -> None:
    """F3 leaves to the menu with the call open; option 3 comes back to its panel."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_interpretation(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        await type_into(pilot, "option", "3")
        await enter(pilot)
        assert panel_id(app) == "LLM002"


async def test_intro_with_the_order_pending_says_so_without_an_error(
    app: SwatApp, services: Services
) -> None:
    """Found in a tmux call: Intro on VIS010 before any order looked for an input field
    named after the order check (an output field) and hit an unexpected error."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_visits(pilot)
        await enter(pilot)
        assert panel_id(app) == "VIS010"
        assert message(app).startswith("Paso 5 incompleto")
        assert app.unexpected_errors == []
