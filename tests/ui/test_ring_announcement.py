"""Row 24's "Llamada entrante" holds only while the call rings (found in tmux: the
menu below the call panels still announced a call answered minutes before)."""

from __future__ import annotations

from swat_tui.ui.app import SwatApp
from tests.ui.helpers import answer_call, message, panel_id


async def test_the_menu_forgets_the_announcement_of_a_call_answered(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_call(pilot, "3001234567")
        assert panel_id(app) == "LLM001"
        await pilot.press("f3")  # to the menu with the call open (F12 stays in the call)
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        assert not message(app).startswith("Llamada entrante"), message(app)
