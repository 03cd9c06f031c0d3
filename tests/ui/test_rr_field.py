"""The RR input field: editing keys, Tab-in overtype, numeric fields, long values."""

from __future__ import annotations

from swat_tui.ui.app import SwatApp
from tests.ui.helpers import message, screen, sign_on, type_into

SIZE = (80, 24)


async def test_editing_keys_work_at_the_cursor(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        user = screen(app).field("user")
        await pilot.press("a", "b", "c", "left", "left", "x")
        assert (user.value, user.cursor_position) == ("axbc", 2)
        await pilot.press("home", "z")
        assert user.value == "zaxbc"
        await pilot.press("end", "backspace")
        assert user.value == "zaxb"
        await pilot.press("home", "delete", "right", "right", "right", "right", "y")
        assert (user.value, user.cursor_position) == ("axby", 4)


async def test_tab_into_a_field_selects_it_so_typing_replaces_it(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"ASESOR01", "tab")
        assert screen(app).focused is screen(app).field("password")
        await pilot.press("shift+tab", "x")
        assert screen(app).field("user").value == "x"
        await pilot.press("tab", *"abc", "shift+tab", "tab", "backspace")
        assert screen(app).field("password").value == ""


async def test_a_key_the_field_does_not_edit_with_keeps_the_overtype(app: SwatApp) -> None:
    """Ctrl+U (no meaning here) used to drop the selection, so typing appended."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"ASESOR01", "tab", "shift+tab", "ctrl+u", "x")
        assert screen(app).field("user").value == "x"


async def test_a_numeric_field_refuses_letters_and_says_why(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await pilot.press("f2")
        opt = screen(app).field("opt")
        assert screen(app).focused is opt
        await pilot.press("a", "7")
        assert opt.value == "7"
        assert message(app) == "Campo numérico: digite solo números."
        assert screen(app).panel.canvas.message_is_error


async def test_a_value_longer_than_the_field_scrolls_with_the_cursor(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        user = screen(app).field("user")
        width = user.spec.width
        text = "".join(chr(ord("a") + index % 26) for index in range(width + 5))
        await type_into(pilot, "user", text)
        shown = user.render_line(0).text
        assert shown == text[6:] + " "  # the tail, and the cursor after it
        await pilot.press("home")
        assert user.render_line(0).text == text[:width]
        await pilot.press("end", "tab")  # at rest a field shows its start, as a 5250 does,
        assert user.render_line(0).text == text[: width - 1] + ">"  # and that it holds more


async def test_pasted_text_goes_into_the_field_on_one_line(app: SwatApp) -> None:
    from textual import events

    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await pilot.press("f2")
        app.post_message(events.Paste("300 123-45.67"))  # separators dropped: numeric field
        await pilot.pause()
        assert screen(app).field("opt").value == "3001234567"
        await pilot.press("tab")
        app.post_message(events.Paste("hogar\n_sac\n"))
        await pilot.pause()
        assert screen(app).field("arg").value == "hogar _sac"
        await pilot.press("shift+tab")
        app.post_message(events.Paste("uno"))
        await pilot.pause()
        assert screen(app).field("opt").value == "3001234567"  # refused, kept
        assert message(app) == "Campo numérico: digite solo números."


async def test_the_field_with_the_cursor_stands_out_without_blinking(app: SwatApp) -> None:
    """Focus is shown by a steady style; there is no blink timer to rely on."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        current = screen(app)
        user, password = current.field("user"), current.field("password")
        assert current.focused is user
        focused, resting = user.rich_style, password.rich_style
        assert focused.bold and not resting.bold
        assert focused.bgcolor != resting.bgcolor
        assert not hasattr(user, "blink")


async def test_a_field_typed_full_shows_its_whole_value(app: SwatApp) -> None:
    """A date typed whole in its 8 positions (SUP040) read "1122026 ": the field
    scrolled one place for the cursor after it. A value that fits is shown from its
    start, the cursor resting on the last position."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        user = screen(app).field("user")
        text = "ABCDEFGHIJ"[: user.spec.width]
        await pilot.press(*text)
        assert (user.value, user.cursor_position) == (text, len(text))
        assert user.render_line(0).text == text
        await pilot.press("z")  # one more than fits: now it scrolls with the cursor
        assert user.render_line(0).text == text[2:] + "z "
