"""MNU001 shows the role's options and refuses another role's option on row 24."""

from __future__ import annotations

import pytest

from swat_tui.domain import menu as menu_module
from swat_tui.domain.menu import MainMenu, MenuOption, load_menu
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, message, panel_id, shown, sign_on, type_into


@pytest.fixture
def supervisor_option(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped menu plus an option only supervisors may use, in place of the
    supervisor's own outbound campaign (14): a supervisor's menu fills MNU001."""
    shipped = load_menu()
    extra = MenuOption("77", "Guía del equipo", frozenset({"supervisor"}), panel="GUI001")
    kept = tuple(option for option in shipped.options if option.panel != "CMP001")
    at = next(i for i, option in enumerate(kept) if option.number == "6") + 1
    menu = MainMenu((*kept[:at], extra, *kept[at:]))  # after 6 CGO001
    monkeypatch.setattr(menu_module, "load_menu", lambda: menu)


@pytest.mark.usefixtures("supervisor_option")
async def test_agent_typing_a_supervisor_option_blind_is_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "ASESOR01")
        assert all("Guía del equipo" not in shown(app, f"menu{i}") for i in range(1, 15))
        await type_into(pilot, "option", "77")
        await enter(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == "Opción 77: no autorizada para el perfil asesor."


@pytest.mark.usefixtures("supervisor_option")
async def test_supervisor_sees_and_uses_it(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "SUPERV01")
        lines = [shown(app, f"menu{index}") for index in range(1, 15)]
        assert "77. Guía del equipo" in lines  # the supervisor's own option is listed
        await type_into(pilot, "option", "77")
        await enter(pilot)
        assert panel_id(app) == "GUI001"


async def test_no_sign_off_with_a_call_on_the_line(app: SwatApp) -> None:
    from tests.ui.helpers import answer_call

    async with app.run_test(size=(80, 24)) as pilot:
        await answer_call(pilot, "3009999999")
        await pilot.press("f3")  # LLM001 -> the menu, the call still on the line
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        for keys in (("f3",), ("9", "0", "enter")):
            await pilot.press(*keys)
            await pilot.pause()
            assert panel_id(app) == "MNU001"
            assert message(app) == "Tiene una llamada en curso: termínela antes de cerrar sesión."


def test_every_roles_menu_fits_the_panel() -> None:
    """MNU001 has MENU_LINES lines: every role's options and the blank line before the
    90s group fit (a line too many would drop sign-off silently)."""
    from swat_tui.domain.menu import ROLES
    from swat_tui.ui.screens.session.main_menu import MENU_LINES, SIGN_OFF_GROUP

    for role in ROLES:
        options = load_menu().for_role(role)
        apart = any(o.number.isdigit() and int(o.number) >= SIGN_OFF_GROUP for o in options[1:])
        assert len(options) + apart <= MENU_LINES, role
