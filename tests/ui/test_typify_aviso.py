"""TIP001 offers the node's open aviso for a support request (the call is
associated with the aviso); other branches are left alone."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, message, panel_id, screen


async def _typify_request(pilot: Pilot[None], branch: str) -> None:
    await answer_call(pilot, routes._phone(pilot, "aviso"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, avi="s", sta="s", request="No tiene internet", br=branch)
    await enter(pilot)
    assert panel_id(pilot.app) == "LLM003", message(pilot.app)  # type: ignore[arg-type]
    await pilot.press("shift+f10")  # F22
    await pilot.pause()


async def test_a_support_request_offers_the_open_aviso(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _typify_request(pilot, "2")
        assert panel_id(app) == "TIP001"
        view = desk_of(app).accounts.panel(SHOWCASE["aviso"])
        assert view.open_incidents
        assert screen(app).field("inc").value == view.open_incidents[0].number


async def test_a_sac_request_is_not_tied_to_the_aviso(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _typify_request(pilot, "1")
        assert panel_id(app) == "TIP001"
        assert screen(app).field("inc").value == ""
