"""How a session's end is recorded — a call a killed session
left open, closed on REC001 as abandoned, and the ACW running when the agent signs off."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp, make_app
from tests.call_seed import MovingClock
from tests.ui import test_legend_keys as routes
from tests.ui.conftest import FIXED_NOW
from tests.ui.helpers import answer_call, desk_of, enter, fill, message, panel_id


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


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(FIXED_NOW)


@pytest.fixture
def moving_app(settings: Settings, clock: MovingClock) -> Iterator[tuple[SwatApp, Services]]:
    """The app on a clock the test moves, so the ACW lasts what the test says."""
    moving = replace(settings, clock=clock)
    services = open_services(moving)
    yield make_app(moving, services), services
    services.close()


async def test_signing_off_in_acw_records_its_time(
    moving_app: tuple[SwatApp, Services], clock: MovingClock
) -> None:
    """Hang up (F2, 6), 25 s of ACW, F3 to the menu, 90: the ACW ends with its time."""
    app, services = moving_app
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_call(pilot, "3001234567")
        call_id = desk_of(app).last_call_id
        assert call_id is not None
        await pilot.press("f2")
        await fill(pilot, opt="6")
        await enter(pilot)
        clock.advance(25)
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        await fill(pilot, option="90")
        await enter(pilot)
        assert panel_id(app) == "SGN001"
    record = services.calls.get(call_id)
    assert (record.acw_seconds, record.in_acw) == (25, False)
