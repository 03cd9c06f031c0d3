"""Snapshots of the live floor (SUP001) under the fixed clock, at 80x24 and wide.

The floor is ``tests/floor_seed.py``'s (every state, two stale sessions, three calls
waiting) plus SUPERV01 who signed on to look at it. Update one by node id only, and look
at it before committing:
``uv run pytest -n 0 'tests/ui/test_floor_snapshots.py::test_floor' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from swat_tui.ui.app import SwatApp
from tests.ui.floor_routes import to_floor

Snap = Any  # the snap_compare fixture
WIDE = (160, 30)


def test_floor(snap_compare: Snap, app: SwatApp) -> None:
    """SUP001 at 80x24: row 3 "10 asesores: Disponible 1 · AUX 3 · En llamada 3 · ACW 1 ·
    Desconect. 2"; row 4 (yellow) 3 calls waiting, the oldest for 02:15; ten rows, the
    longest in state first (FLOOR12 AUX 50:00 "2 Almuerzo", FLOOR13 "!1 Break" over its
    15 minutes, FLOOR14 EN LLAMADA 06:30 "P3 Gestión SAC" SAC020 06:30 ... SUPERV01 AUX
    00:00), then the two DESCONECTADO "sin señal" (FLOOR18 02:00 before FLOOR19 10:00);
    Final; row 21 explains "!" and says it is read every second (leído 09:30:00)."""
    assert snap_compare(app, run_before=to_floor)


def test_floor_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP001 at 160x30: the 80x24 panel as above, and beside it, on the same rows as the
    list, each agent's queue (HOGAR_SAC, HOGAR_SOPORTE, HOGAR_PQR on the calls), sign-on
    time 05:30 (SUPERV01 09:30), heartbeat age (02:00 and 10:00 on the stale two), the
    whole name (the panel cuts "Beatriz Loz>") and the whole AUX reason or step title
    ("AUX 0 Inicio de sesión", "Interpretación del requerimiento" for FLOOR15, cut with >
    where it continues); "Leído a las 09:30:00; se renueva cada segundo." on top."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_floor)
