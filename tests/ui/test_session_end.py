"""Issue 17, items 2 and 3: how a session's end is recorded — a call a killed session
left open, closed on REC001 as abandoned, and the ACW running when the agent signs off."""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id


async def test_rec001_closes_the_call_as_abandoned_and_says_so(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_recovery(pilot)
        assert panel_id(app) == "REC001"
        (interrupted,) = desk_of(app).interrupted()
        await fill(pilot, o_0="4")
        await enter(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == f"Llamada {interrupted.id} cerrada como abandonada."
    record = services.calls.get(interrupted.id)
    assert (record.status, record.ended_by, record.in_acw) == ("abandoned", "system", False)
