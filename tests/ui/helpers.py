"""Small helpers for driving the RR screens in tests."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.screens.base import RRScreen
from tests.gates import SEE_ALL

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
    """Put the cursor on a field and fill it (leaving the previous field, as Tab does).

    The text is set at once: key-by-key typing is covered by the type-ahead and
    tmux tests, and pressing every character would make the suite slow.
    """
    app = pilot.app
    assert isinstance(app, SwatApp)
    current = screen(app)
    field = current.field(name)
    current.set_focus(field)
    field.value = text
    field.cursor_position = len(text)
    await pilot.pause()


async def type_keys(pilot: Pilot[None], name: str, text: str) -> None:
    """Focus a field and type ``text`` key by key, as an agent does."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    current = screen(app)
    current.set_focus(current.field(name))
    current.field(name).value = ""
    await pilot.press(*text)


async def sign_on(pilot: Pilot[None], user: str = USER, password: str = PASSWORD) -> None:
    await type_into(pilot, "user", user)
    await type_into(pilot, "password", password)
    await pilot.press("enter")
    await pilot.pause()


async def open_account(pilot: Pilot[None], cuenta: int) -> None:
    """From sign-on to the account panel of ``cuenta``."""
    await sign_on(pilot)
    await consult_account(pilot, cuenta)


async def consult_account(pilot: Pilot[None], cuenta: int) -> None:
    """From the menu (either session's): option 1 and ``cuenta``, to its CTA001."""
    await type_into(pilot, "option", "1")
    await pilot.press("enter")
    await pilot.pause()
    await type_into(pilot, "value", str(cuenta))
    await pilot.press("enter")
    await pilot.pause()


async def go_available(pilot: Pilot[None]) -> None:
    """Sign on and put the softphone in Disponible (F2, option 1)."""
    await sign_on(pilot)
    await pilot.press("f2")
    await type_into(pilot, "opt", "1")
    await pilot.press("enter")
    await pilot.pause()


def desk_of(app: object) -> Desk:
    """The signed-on agent's desk of a running app."""
    assert isinstance(app, SwatApp) and app.desk is not None
    return app.desk


async def answer_call(pilot: Pilot[None], ani: str, queue: str = "HOGAR_SAC") -> None:
    """From sign-on to LLM001 with a call from ``ani`` answered."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await go_available(pilot)
    desk_of(app).ring(ani, queue)
    await pilot.pause()
    await type_into(pilot, "opt", "3")
    await pilot.press("enter")
    await pilot.pause()


async def to_interpretation(pilot: Pilot[None], ani: str) -> None:
    """From sign-on to LLM002: a call from ``ani`` answered and step 1 filled in."""
    await answer_call(pilot, ani)
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)


async def hang_up_and_answer_next(pilot: Pilot[None], ani: str, queue: str = "HOGAR_SAC") -> None:
    """From a call panel: hang up (F2, 6), end the ACW (7), Disponible (1), answer ``ani``."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await pilot.press("f2")
    for option in ("6", "7", "1"):
        await type_into(pilot, "opt", option)
        await pilot.press("enter")
        await pilot.pause()
    desk_of(app).ring(ani, queue)
    await pilot.pause()
    await type_into(pilot, "opt", "3")
    await pilot.press("enter")
    await pilot.pause()


async def fill(pilot: Pilot[None], **values: str) -> None:
    """Type several fields of the current panel, in the order given."""
    for name, value in values.items():
        await type_into(pilot, name, value)


async def enter(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


def phone_of(services: Services, case: str) -> str:
    """The mobile number of a showcase account (read past the BLACKLIST rule: test data)."""
    view = services.accounts.open_panel(SHOWCASE[case], agent="TEST", gate=SEE_ALL)
    assert view.phone_mobile
    return view.phone_mobile
