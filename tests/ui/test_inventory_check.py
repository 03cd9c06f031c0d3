"""INV010 — the serial the customer reads against RR's, a mismatch
escalated to DIME inventario with its number on row 24."""

from __future__ import annotations

from typing import Any

from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any


def test_inventory_check_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """INV010 of the account whose serials do not match: both services ASOCIADO, the modem and
    two decoders with their RR serials and models and empty read-serial columns, and the
    compare and informed fields empty."""
    assert snap_compare(app, run_before=routes.to_inventory_check)


async def test_a_mismatch_is_escalated_and_a_bad_serial_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_inventory_check(pilot)
        assert panel_id(app) == "INV010"
        await fill(pilot, read_0="12-AB", cmp="s")
        await enter(pilot)
        assert "no válido: solo letras y números" in message(app)
        assert screen(app).field("read_0").value == "12-AB"  # what was typed stays
        await fill(pilot, read_0="ZZ00000000", cmp="s")
        await enter(pilot)
        dime = desk_of(app).active.record.state.request_field("dime_{number}")  # type: ignore[union-attr]
        assert dime and f"caso {dime}" in message(app)
        assert shown(app, "result").endswith("escalado a DIME inventario.")
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("code_in").value == "SOP-INV-001"
