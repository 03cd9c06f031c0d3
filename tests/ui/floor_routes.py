"""Routes to the live floor (SUP001), for its own tests and the legend test: SUPERV01
signs on, the floor of ``tests/floor_seed.py`` is in the store, menu option 7."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.domain import messages
from swat_tui.ui.app import SwatApp
from tests.floor_seed import SEATS, Seat, seed_floor
from tests.ui.helpers import enter, sign_on, type_into


async def floor_read(pilot: Pilot[None]) -> None:
    """The floor's reading (a worker thread) done and painted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def to_floor(pilot: Pilot[None], seats: tuple[Seat, ...] = SEATS) -> None:
    """SUPERV01's SUP001 over the seeded floor (menu option 7)."""
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    seed_floor(app.services.engine, app.services.clock(), seats)
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "7")
    await enter(pilot)
    await floor_read(pilot)


FLOOR_ROUTES = {"SUP001": to_floor}
FLOOR_REFRESHED = {"SUP001": messages.text("supervisor.floor.refreshed")}
