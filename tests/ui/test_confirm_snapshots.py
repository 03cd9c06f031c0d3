"""Snapshots of process confirmation (SUP010-SUP013) and the asesor's own
confirmations (CNF001, CNF002), at 80x24 and wide (120x30).

ASESOR01's call runs on a desk of the same store under the fixed clock (every time
is 09:30, every duration 00:00). Update one by node id only, and look at it first:
``uv run pytest -n 0 'tests/ui/test_confirm_snapshots.py::test_follow' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from tests.ui.confirm_routes import (
    asesor_call,
    services_of,
    settle,
    to_checklist,
    to_mine,
    to_my_confirmation,
    to_pick,
    to_replay,
)
from tests.ui.helpers import enter, type_into

Snap = Any  # the snap_compare fixture
WIDE = (120, 30)


async def _follow_blacklisted(pilot: Pilot[None]) -> None:
    asesor_call(services_of(pilot), "blacklist")
    await to_pick(pilot)
    await type_into(pilot, "o_0", "8")
    await enter(pilot)
    await settle(pilot)


def test_follow(snap_compare: Snap, app: SwatApp) -> None:
    """SUP010 following ASESOR01's call on the BLACKLIST account at step 2, F7 not read:
    row 3 the call EN LÍNEA, paso 2; row 4 the agent's panel LLM002 with its title; row 5
    the account with "NO DAR INFO. VER F7" and no document; row 6 the red BLACKLIST
    banner; the guide with >> 2 and its checks (F7 and identity pending); the events
    (Timbra, Contesta, Abre la cuenta, Ve el panel LLM002...); F6=Confirmar in the legend."""
    assert snap_compare(app, run_before=_follow_blacklisted)


def test_follow_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP010 at 120x30 on the same call: the panel as at 80x24, and the Guía SWAT
    column on the right showing the followed call's guide (step 2 highlighted, its
    checks, the next action: read F7)."""
    assert snap_compare(app, terminal_size=WIDE, run_before=_follow_blacklisted)


def test_checklist(snap_compare: Snap, app: SwatApp) -> None:
    """SUP011 over ASESOR01's call (account without BLACKLIST, at step 2): eight items
    (no BLACKLIST item), S suggested for the welcome script, N for what the call has not
    done yet (the account's status is not reviewed yet), "Trato..." empty for the leader
    alone, with the cursor on its S/N; three empty feedback lines."""
    assert snap_compare(app, run_before=to_checklist)


def test_checklist_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP011 at 120x30: the same checklist; the side column is the followed call's
    guide (step 2 current, its two checks pending, the next action)."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_checklist)


def test_pick(snap_compare: Snap, app: SwatApp) -> None:
    """SUP012 with ASESOR01 typed: their call listed (number 1, 28/11/26 09:30, EN LÍNEA,
    HOGAR_SAC, the cuenta, no duration while it lasts), Final on row 20, "Última llamada
    de ASESOR01" on row 21 (one call: not "Últimas 1 llamadas")."""

    async def run_before(pilot: Pilot[None]) -> None:
        asesor_call(services_of(pilot))
        await to_pick(pilot)

    assert snap_compare(app, run_before=run_before)


def test_pick_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP012 at 120x30, as at 80x24 with the side column."""

    async def run_before(pilot: Pilot[None]) -> None:
        asesor_call(services_of(pilot))
        await to_pick(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_replay(snap_compare: Snap, app: SwatApp) -> None:
    """SUP013, the first panel of ASESOR01's hung-up call: row 3 "Repaso · panel 1 de 3",
    the agent on LLM001 before the account was opened (Cuenta: aún no abierta), step 1
    current, the first events; row 24 says RePág/AvPág."""
    assert snap_compare(app, run_before=to_replay)


def test_replay_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP013 at 120x30 after AvPág: panel 2 de 3 (LLM002, the account shown), and the
    side guide as it stood then."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_replay(pilot)
        await pilot.press("pagedown")
        await pilot.pause()

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_mine(snap_compare: Snap, app: SwatApp) -> None:
    """CNF001 of ASESOR01: "1 confirmación, 1 sin leer", one row: 28/11/26 09:30,
    SUPERV01, en vivo, the call, 7/8, Nueva; Final."""
    assert snap_compare(app, run_before=to_mine)


def test_mine_wide(snap_compare: Snap, app: SwatApp) -> None:
    """CNF001 at 120x30, as at 80x24 with the side column."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_mine)


def test_my_confirmation(snap_compare: Snap, app: SwatApp) -> None:
    """CNF002: the header (date, SUPERV01, en vivo, call, 7/8 ítems OK), the eight items
    with S, the survey's N with its note "No invitó", and the feedback."""
    assert snap_compare(app, run_before=to_my_confirmation)


def test_my_confirmation_wide(snap_compare: Snap, app: SwatApp) -> None:
    """CNF002 at 120x30, as at 80x24 with the side column."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_my_confirmation)
