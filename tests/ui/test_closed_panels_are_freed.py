"""A long shift does not keep closed panels alive (a desk signal used to hold them)."""

from __future__ import annotations

import gc

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.screens.base import RRScreen
from tests.ui.helpers import enter, open_account, panel_id, type_into


def _closed_panels_alive(app: SwatApp) -> list[str]:
    gc.collect()
    alive = [obj for obj in gc.get_objects() if isinstance(obj, RRScreen)]
    shown = set(app.screen_stack)  # no call, no Espejo here: nothing else is kept
    return [s.PANEL_ID for s in alive if s not in shown]


async def test_closed_panels_are_freed(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        for _ in range(6):
            for key in ("f7", "f12", "f10", "f12"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            await type_into(pilot, "option", "1")
            await enter(pilot)
            await type_into(pilot, "value", str(SHOWCASE["activa"]))
            await enter(pilot)
            assert panel_id(app) == "CTA001"
        assert _closed_panels_alive(app) == []
