"""Routes to the management model's panels (SUP030-SUP032), for their own tests and
the legend test: each signs on on the demo store (whose leaders have four weeks of
practices and a few ideas) and waits for the panel's store read to finish."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, sign_on, type_into


async def settled(pilot: Pilot[None]) -> None:
    """The panel's reads (off the UI's thread) done and painted."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def to_option(pilot: Pilot[None], user: str, option: str) -> None:
    await sign_on(pilot, user)
    await type_into(pilot, "option", option)
    await enter(pilot)
    await settled(pilot)


async def to_adherence(pilot: Pilot[None], user: str = "SUPERV01") -> None:
    """SUP030 of ``user`` (menu option 11): this week's adherence."""
    await to_option(pilot, user, "11")


async def to_record_practice(pilot: Pilot[None], user: str = "SUPERV01") -> None:
    """SUP031: F6 on SUP030."""
    await to_adherence(pilot, user)
    await pilot.press("f6")
    await pilot.pause()


async def to_ideas(pilot: Pilot[None], user: str = "SUPERV01") -> None:
    """SUP032 of ``user`` (menu option 12, every role's)."""
    await to_option(pilot, user, "12")


ROUTES = {"SUP030": to_adherence, "SUP031": to_record_practice, "SUP032": to_ideas}
OPENS = {"record_practice": "SUP031"}
REFRESHED = {
    "SUP030": "Adherencia del periodo leída de nuevo.",
    "SUP032": "Ideas de mejora leídas de nuevo.",
}
