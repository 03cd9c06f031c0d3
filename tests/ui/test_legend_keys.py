"""Every key a legend shows does something on that panel.

"Something" is observable: another panel comes up, the program ends, or the
message line changes. The panels are reached the way an agent reaches them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.keys import REGISTRY
from tests.ui.helpers import open_account, screen, sign_on, type_into

Route = Callable[[Pilot[None]], Awaitable[None]]


async def to_sign_on(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def to_menu(pilot: Pilot[None]) -> None:
    await sign_on(pilot)


async def to_search(pilot: Pilot[None]) -> None:
    await sign_on(pilot)
    await type_into(pilot, "option", "1")
    await pilot.press("enter")


async def to_list(pilot: Pilot[None]) -> None:
    await to_search(pilot)
    await type_into(pilot, "by", "3")
    await type_into(pilot, "value", "")
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    view = app.services.accounts.open_panel(SHOWCASE["shared_phone"], agent="T", notes_read=True)
    assert view.phone_mobile
    await type_into(pilot, "value", view.phone_mobile)
    await pilot.press("enter")


async def to_account(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["blacklist"])


async def to_notes(pilot: Pilot[None]) -> None:
    await to_account(pilot)
    await pilot.press("f7")


async def to_new_folder(pilot: Pilot[None]) -> None:
    await to_notes(pilot)
    await pilot.press("f6")


async def to_folder(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["swat_folder"])
    await pilot.press("f7")
    await type_into(pilot, "folder", "SWAT")
    await pilot.press("enter")


async def to_inventory(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["activa"])
    await pilot.press("f10")


ROUTES: dict[str, Route] = {
    "SGN001": to_sign_on,
    "MNU001": to_menu,
    "CTA010": to_search,
    "CTA020": to_list,
    "CTA001": to_account,
    "NTS001": to_notes,
    "NTS002": to_new_folder,
    "NTS003": to_folder,
    "INV001": to_inventory,
}


def legend_cases() -> list[tuple[str, str]]:
    from swat_tui.ui.display_file import all_panel_ids, load

    cases = []
    for panel_id in all_panel_ids():
        for key_id in load(panel_id).keys:
            if REGISTRY[key_id].in_legend:
                cases.append((panel_id, key_id))
    return cases


def test_every_panel_has_a_route() -> None:
    from swat_tui.ui.display_file import all_panel_ids

    assert set(all_panel_ids()) == set(ROUTES)


@pytest.mark.parametrize(("panel_id", "key_id"), legend_cases())
async def test_legend_key_does_something(app: SwatApp, panel_id: str, key_id: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[panel_id](pilot)
        before = screen(app)
        assert panel_id == before.PANEL_ID
        stack_before = len(app.screen_stack)
        message_before = before.panel.canvas.message
        key = REGISTRY[key_id].keys.split(",")[0]
        await pilot.press(key)
        await pilot.pause()
        changed = (
            app._exit
            or app.screen is not before
            or len(app.screen_stack) != stack_before
            or before.panel.canvas.message != message_before
        )
        assert changed, f"{REGISTRY[key_id].label} did nothing on {panel_id}"
