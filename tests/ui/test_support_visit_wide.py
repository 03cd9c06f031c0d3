"""Snapshots of the support and visit panels on a wide terminal: each panel at
its 80x24 with the procedure guide beside it, nothing of the panel cut or moved.

Update one by node id and look at it before committing (see test_snapshots.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes

Snap = Any
WIDE = (120, 30)
PANELS: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "TD010": routes.to_td_walk,
    "DIA010": routes.to_diagnostics,
    "MAS010": routes.to_mass_failure,
    "INV010": routes.to_inventory_check,
    "VIS010": routes.to_visits,
    "VIS020": routes.to_visit_order,
    "VIS030": routes.to_agenda,
    "VIS030-full": routes.to_full_agenda,
    "CGO010": routes.to_cgo_form,
    "CGO001": routes.to_cgo_list,
}


@pytest.mark.parametrize("panel", list(PANELS))
def test_support_and_visit_panels_wide(snap_compare: Snap, app: SwatApp, panel: str) -> None:
    """Each support, visit and CGO panel at 120x30: the panel drawn exactly as at 80x24 on the
    left, and the Guía SWAT column on the right with that panel's step current, its open
    checks and the same next hint (CGO001, outside a call, shows step 1's hint instead)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await PANELS[panel](pilot)
        shown = getattr(pilot.app.screen, "PANEL_ID", "")
        assert shown == panel.split("-")[0], f"{panel}: on {shown}"

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)
