"""Nothing typed is lost: every call panel keeps each field the cursor
leaves, a killed session resumes on the panel it was on with what was typed, and
the Espejo or F12 and back show the panel as the agent left it."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp, make_app
from swat_tui.ui.screens.keeps_typed import KeepsTyped
from swat_tui.ui.widgets.rr_field import RRField
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import (
    consult_account,
    desk_of,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    sign_on,
    type_into,
    type_keys,
)

SIZE = (80, 24)
Route = Callable[[Pilot[None]], Awaitable[None]]

# Every panel of a call with its way there (tests/ui/test_legend_keys.py).
CALL_PANELS: dict[str, Route] = {
    "LLM001": routes.to_reception,
    "LLM002": routes.to_interpretation,
    "LLM003": routes.to_branch,
    "SAC010": routes.to_cartera,
    "SAC020": routes.to_billing,
    "SAC030": routes.to_recaudo,
    "TD010": routes.to_td_walk,
    "MAS010": routes.to_mass_failure,
    "INV010": routes.to_inventory_check,
    "VIS010": routes.to_visits,
    "VIS020": routes.to_visit_order,
    "VIS030": routes.to_agenda,
    "CGO010": routes.to_cgo_form,
    "PQR010": routes.to_pqr_consult,
    "PQR020": routes.to_pqr_desist,
    "PQR030": routes.to_pqr_filing,
    "TIP001": routes.to_typification,
    "LLM008": routes.to_closing,
    "DIM010": routes.to_dime_create,
}
# Panels whose only fields are a confirmation the call does not ask yet (refused, so
# nothing to keep) or a list's option column.
ONLY_CONFIRMATIONS = {"VIS010", "VIS030", "PQR010"}


def _value_for(rr_field: RRField) -> str:
    """Something an agent might type there: a digit run, S for a one-letter field, text."""
    width = rr_field.spec.width
    if rr_field.digits_only:
        return "2" * min(width, 7)
    if width <= 2:
        return "S"
    return "Texto del agente"[:width]


def _killed_copy(settings: Settings, target: Path) -> Settings:
    """The store as a kill -9 leaves it: copied now, with nothing the app does on exit."""
    source_path = settings.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(source_path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return replace(settings, db_url=f"sqlite:///{target}")


@pytest.mark.parametrize("panel", list(CALL_PANELS))
async def test_every_field_left_survives_a_kill_and_the_call_resumes_on_its_panel(
    panel: str, settings: Settings, services: Services, tmp_path: Path
) -> None:
    """Each input field of the panel is typed and left with Tab; the store is copied as
    a kill leaves it; the next sign-on resumes the call (REC001, 1) on the same panel
    with every value typed there, except those row 24 refused when they were left."""
    app = make_app(settings, services)
    typed: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        await CALL_PANELS[panel](pilot)
        assert panel_id(app) == panel, message(app)
        current = screen(app)
        assert isinstance(current, KeepsTyped)
        fields = current.kept_fields()  # list rows too (INV010's serials read)
        for key, rr_field in fields.items():
            if not rr_field.display or rr_field.disabled or current.recorded(key):
                continue
            typed[key] = _value_for(rr_field)
            await type_into(pilot, rr_field.spec.name, typed[key])
            await pilot.press("tab")
            await pilot.pause()
            assert panel_id(app) == panel  # leaving a field never leaves the panel
        await pilot.pause()
        refused = {key for key in typed if fields[key].holds_refused}
        if refused:  # row 24 says why; a refused value is not kept
            assert current.panel.canvas.message_is_error
        typed = {key: value for key, value in typed.items() if key not in refused}
        killed = _killed_copy(settings, tmp_path / "killed.db")
        assert app.unexpected_errors == []
    resumed_services = open_services(killed)
    try:
        resumed = make_app(killed, resumed_services)
        async with resumed.run_test(size=SIZE) as pilot:
            await sign_on(pilot)
            assert panel_id(resumed) == "REC001"
            await type_into(pilot, "o_0", "1")
            await enter(pilot)
            assert panel_id(resumed) == panel, message(resumed)
            now = screen(resumed)
            assert isinstance(now, KeepsTyped)
            shown = {key: rr_field.value for key, rr_field in now.kept_fields().items()}
            assert {key: shown.get(key) for key in typed} == typed
            assert resumed.unexpected_errors == []
    finally:
        resumed_services.close()
    if panel not in ONLY_CONFIRMATIONS:
        assert typed, f"{panel}: no field of it was kept"


async def test_vis020_keeps_what_was_typed_through_f12_and_f23(
    app: SwatApp, services: Services
) -> None:
    """The order form's fields (Síntoma, Confirmada, Notas de acceso) left by Tab are
    there when F23 opens the form again, by any key in between."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_visit_order(pilot)
        await type_keys(pilot, "sym1", "Modem con luz roja")
        await pilot.press("tab")
        await type_keys(pilot, "notes1", "Porteria con citofono")
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "VIS010"
        await pilot.press("f23")
        await pilot.pause()
        assert panel_id(app) == "VIS020"
        current = screen(app)
        assert current.field("sym1").value == "Modem con luz roja"
        assert current.field("notes1").value == "Porteria con citofono"


async def test_an_espejo_round_trip_keeps_the_request_and_its_branch(
    app: SwatApp, services: Services
) -> None:
    """LLM002 with the request and Rama typed, F14, another account, F14 back: both
    are there (only the request came back before)."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_interpretation(pilot)
        await type_keys(pilot, "request", "Quiere cambiar de plan")
        await pilot.press("tab")
        await type_keys(pilot, "br", "4")
        await pilot.press("f14")
        await pilot.pause()
        await consult_account(pilot, SHOWCASE["pqr_pending"])
        assert panel_id(app) == "CTA001"
        await pilot.press("f14")
        await pilot.pause()
        assert panel_id(app) == "LLM002"
        current = screen(app)
        assert current.field("request").value == "Quiere cambiar de plan"
        assert current.field("br").value == "4"


@pytest.mark.parametrize("away", [("f14", "f14"), ("f7", "f12"), ("f1", "f12")])
async def test_a_subflow_typed_without_intro_survives_leaving_llm003(
    app: SwatApp, services: Services, away: tuple[str, str]
) -> None:
    """LLM003 with Gestión 3 typed and no Intro, then F14 twice (or F7 then F12): the
    app went down with an AssertionError before; now the 3 is there, nothing was chosen
    behind the agent's back, and Intro goes to the sub-flow's panel. (F1, F12 is the
    explorer's shrunk sequence, seed 6, tests/explorer/FOUND.md 1.)"""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_branch(pilot)
        await type_keys(pilot, "g", "3")
        for key in away:
            await pilot.press(key)
            await pilot.pause()
        assert panel_id(app) == "LLM003"
        assert screen(app).field("g").value == "3"
        active = desk_of(app).active
        assert active is not None and active.record.state.subflow == ""
        await enter(pilot)
        assert panel_id(app) == "SAC030"
        assert app.unexpected_errors == []


async def test_a_typed_caller_name_is_saved_when_a_function_key_leaves_llm001(
    app: SwatApp, services: Services
) -> None:
    """Plain data is saved as the cursor leaving it would; F2 in the middle of typing."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_reception(pilot)
        await fill(pilot, caller_name="Ana")
        await type_keys(pilot, "caller_document", "52123456")
        await pilot.press("f2")
        await pilot.pause()
        active = desk_of(app).active
        assert active is not None and active.record.caller_document == "52123456"
        assert phone_of(services, "activa") == active.record.ani


async def test_a_filed_pqr_form_is_shown_as_filed_after_f2_and_f12(
    app: SwatApp, services: Services
) -> None:
    """Found by the explorer (seed 17): PQR030 filed with Intro, then F2 and F12 back:
    the motive and "Confirmado" came back empty, though the PQR was filed with them."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        await fill(pilot, val="cédula y fecha de expedición", mot="2")
        await fill(pilot, notes="Cobro doble del servicio de internet en noviembre.", ch="1")
        await fill(pilot, dest="cliente.prueba@correo.com.co", cf="s")
        await enter(pilot)
        assert message(app).startswith("PQR radicada")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "PQR030"
        current = screen(app)
        shown = {name: current.field(name).value for name in ("mot", "ch", "cf")}
        assert shown == {"mot": "2", "ch": "1", "cf": "s"}
