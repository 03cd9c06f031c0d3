"""Shift+F3 is F15 on a 5250 keyboard (F13+F15=Renta). xterm and tmux send it as
CSI 1;2R, which Textual reads as a cursor position report (row 1, column 2):
found in tmux, where F13 then Shift+F3 did nothing."""

from __future__ import annotations

from textual import events

from swat_tui.ui.app import SwatApp
from swat_tui.ui.textual_workarounds import f3_key_from_cursor_report
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import panel_id


def test_only_a_report_of_row_1_is_a_modified_f3() -> None:
    assert f3_key_from_cursor_report(1, 0) == "shift+f3"
    assert f3_key_from_cursor_report(4, 0) == "ctrl+f3"
    assert f3_key_from_cursor_report(1, 5) is None
    assert f3_key_from_cursor_report(0, 0) is None


async def test_f13_then_shift_f3_as_the_terminal_sends_it_opens_the_rent(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_billing(pilot)
        assert panel_id(app) == "SAC020"
        await pilot.press("shift+f1")  # F13
        app.post_message(events.CursorPosition(x=1, y=0))  # what "\x1b[1;2R" becomes
        await pilot.pause()
        await pilot.pause()
        assert panel_id(app) == "SAC021"
