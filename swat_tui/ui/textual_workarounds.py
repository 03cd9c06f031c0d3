"""Work-arounds for known Textual bugs, each named and kept in one place.

Textual 8.2.8 caches ``StylesCache.get_inner_outer`` with ``lru_cache(1024)``
on the method, so the cache keeps every dead widget's styles and rendered
strips alive (upstream issue Textualize/textual#6665). An agent opens a new
panel at every step of every call: bench/ measured ~13,000 objects kept per
call, full garbage collections of 100-500 ms during key presses, and memory
growing until the cache is full (182 MiB after 400 panels). Clearing the
cache as panels go away keeps the heap flat. If Textual renames the method,
this does nothing.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

# Every Textual private name swat_tui uses, all in this file (tests/test_textual_workarounds.py
# fails when Textual drops one, and when code elsewhere in swat_tui/ui uses any).
KNOWN_PRIVATE = frozenset({"_styles_cache", "get_inner_outer", "_driver", "_fatal_error"})

# Clearing also drops the entries of live widgets, which then repaint slower
# once (bench: +10 ms per panel when cleared every time); every few panels
# keeps both the heap and the repaints small.
CLEAR_EVERY = 12
_unmounted = 0


def release_dead_widget_caches() -> None:
    """Drop Textual's style cache entries every ``CLEAR_EVERY`` panels closed."""
    global _unmounted
    _unmounted += 1
    if _unmounted % CLEAR_EVERY:
        return
    try:
        from textual._styles_cache import StylesCache

        StylesCache.get_inner_outer.cache_clear()
    except (ImportError, AttributeError):
        return


# xterm (and tmux) send Shift+F3 as CSI 1;2R, the shape of a cursor position
# report, so Textual 8 turns it into ``events.CursorPosition(x=1, y=0)`` and the
# key is lost: F15 (Shift+F3 on a 5250 keyboard, F13+F15=Renta) could not be
# pressed. A full-screen app never asks for the cursor position (only Textual's
# inline driver does), so a "report" of row 1 is one of these keys.
_F3_BY_MODIFIER = {2: "shift+f3", 3: "alt+f3", 5: "ctrl+f3", 6: "ctrl+shift+f3"}


def f3_key_from_cursor_report(x: int, y: int) -> str | None:
    """The modified F3 a cursor "report" of row 1 really was, or None."""
    return _F3_BY_MODIFIER.get(x + 1) if y == 0 else None


def show_terminal_cursor(app: App[Any]) -> None:
    """Show the terminal's cursor, which Textual hides (no public way to write to the
    driver): a 5250 emulator shows it where typing goes."""
    driver = app._driver
    if driver is not None:
        driver.write("\x1b[?25h")


class OneLineFatalError:
    """Textual's crash report (``App._fatal_error``) prints the failing handler's
    locals: the app's ``fatal_error_report`` replaces it (mix in before ``App``)."""

    def _fatal_error(self) -> None:
        self.fatal_error_report()

    def fatal_error_report(self) -> None:
        raise NotImplementedError
