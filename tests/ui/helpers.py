"""Small helpers for driving the RR screens in tests."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from swat_tui.ui.screens.base import RRScreen

USER = "ASESOR01"
PASSWORD = "swat2026"


def screen(app: SwatApp) -> RRScreen:
    current = app.screen
    assert isinstance(current, RRScreen), f"not an RR panel: {current!r}"
    return current


def panel_id(app: SwatApp) -> str:
    return screen(app).PANEL_ID


def message(app: SwatApp) -> str:
    return screen(app).panel.canvas.message


def shown(app: SwatApp, name: str) -> str:
    """The value of an output field on the current panel."""
    return screen(app).panel.canvas.values.get(name, "")


async def type_into(pilot: Pilot[None], name: str, text: str) -> None:
    """Focus an input field and type ``text`` into it, key by key."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    field = screen(app).field(name)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


async def sign_on(pilot: Pilot[None], user: str = USER, password: str = PASSWORD) -> None:
    await type_into(pilot, "user", user)
    await type_into(pilot, "password", password)
    await pilot.press("enter")
    await pilot.pause()


async def open_account(pilot: Pilot[None], cuenta: int) -> None:
    """From sign-on to the account panel of ``cuenta``."""
    await sign_on(pilot)
    await type_into(pilot, "option", "1")
    await pilot.press("enter")
    await pilot.pause()
    await type_into(pilot, "value", str(cuenta))
    await pilot.press("enter")
    await pilot.pause()
