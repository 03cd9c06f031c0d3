"""MAS010, the mass failure — the aviso told first, the call tied to
it, a repeat caller marked on the panel and in the call log (F22+F13)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any


async def _associated(pilot: Pilot[None]) -> None:
    await routes.to_mass_failure(pilot)
    await fill(pilot, inf="s", aso="s")
    await enter(pilot)


def test_mass_failure_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """MAS010 for the repeat caller on the aviso node: the node's one open aviso (INC000462021,
    1 CRÍTICA, MASIVA, opened and restoration times), its failure and zone, the RELLAMADA line,
    and the informed and associate fields empty."""
    assert snap_compare(app, run_before=routes.to_mass_failure)


def test_mass_failure_associated_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """MAS010 after S in informed and associate and Intro: the panel says the call is tied to
    INC000462021 as a repeat call, both fields keep their S, the next hint says step 4 is
    complete and row 24 confirms the association."""
    assert snap_compare(app, run_before=_associated)


async def test_the_repeat_call_is_marked_and_proposed_on_tip001(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_mass_failure(pilot)
        assert panel_id(app) == "MAS010"
        assert shown(app, "prev").startswith("RELLAMADA: el cliente ya reportó este aviso 1 vez")
        await fill(pilot, aso="s")
        await enter(pilot)
        assert "Informe primero el aviso al cliente" in message(app)
        assert desk_of(app).mass.node_avisos().tied is None  # nothing written
        await fill(pilot, inf="s")
        await enter(pilot)
        assert "Rellamada marcada" in message(app)
        assert shown(app, "tied").endswith("(rellamada).")
        await pilot.press("f8")  # the Diagnosticador, asked of every soporte request
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "MAS010"
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("code_in").value == "SOP-MAS-002"
        await pilot.press("f13")
        await pilot.pause()
        assert panel_id(app) == "LOG001"
        records = screen(app).panel.canvas.records
        assert any(record["result"] == "REPORTE AVISO (IVR)" for record in records)
