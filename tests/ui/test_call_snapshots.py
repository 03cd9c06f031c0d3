"""Snapshots of the softphone, the call panels, the guide and the call log (80x24 and wide).

Update one by node id and look at it before committing (see test_snapshots.py).
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, go_available, sign_on

Snap = Any


def test_softphone_after_sign_on(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)
        await pilot.press("f2")

    assert snap_compare(app, run_before=run_before)


def test_softphone_ringing(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await go_available(pilot)
        desk_of(app).ring("3001234567", "HOGAR_SOPORTE")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before)


def test_reception(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_reception)


def test_interpretation_blacklist(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await answer_call(pilot, routes._phone(pilot, "everything"))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_branch_step(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_branch)


def test_pqr_consult(snap_compare: Snap, app: SwatApp, services: Services) -> None:
    from tests.ui.test_pqr_consult import _to_consult

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_consult(pilot, services, "pqr_overdue")
        await fill(pilot, o_0="5")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_pqr_desist(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_pqr_desist)


def test_typification(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_typification(pilot)
        await fill(pilot, search="internet lento")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_call_log(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_call_log)


def test_closing(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_closing)


def test_guide_panel(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_interpretation(pilot)
        await pilot.press("f1")

    assert snap_compare(app, run_before=run_before)


def test_guide_beside_the_panel_when_wide(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_interpretation)


def test_interrupted_calls(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, run_before=routes.to_recovery)


def test_softphone_ringing_wide(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await go_available(pilot)
        desk_of(app).ring("3001234567", "HOGAR_SOPORTE")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)


def test_typification_wide(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_typification)


def test_call_log_wide(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_call_log)
