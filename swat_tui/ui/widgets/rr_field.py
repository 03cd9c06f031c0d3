"""An RR input field: one line, the width its display file gives.

The field's whole extent is shaded dark green (a 5250 shows it underlined),
so the agent sees how much fits before typing.

It is a plain ``Widget`` that paints its own line, not a Textual ``Input``:
a panel has up to a dozen fields, and each ``Input`` brings component
classes, reactives and a blink timer that Textual styles and starts again on
every panel shown (about half of a step-to-step transition, measured with
``bench --only keys``). An RR field needs much less: a value, a cursor, the
Tab-in overtype of a 5250 and horizontal scrolling for text longer than the
field.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Offset
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from swat_tui.ui.display_file import FieldSpec
from swat_tui.ui.guard import guarded

CURSOR = Style(color="#000000", bgcolor="#33ff33", underline=False)
SELECTED = Style(color="#000000", bgcolor="#1f8f1f", underline=False)
PASSWORD_CHAR = "•"
DIGITS = frozenset("0123456789")
EDITING_KEYS = frozenset({"backspace", "delete", "left", "right", "home", "end"})
NUMBER_SEPARATORS = str.maketrans("", "", " .-")


class RRField(Widget, can_focus=True):
    """Input field placed at its display-file position; reverse image when in error."""

    DEFAULT_CSS = """
    RRField {
        position: absolute;
        height: 1;
        background: #0f300f;
        color: #33ff33;
        text-style: underline;
        /* The field with the cursor: bright and bold on a lighter band, never by blink alone. */
        &:focus { color: #ffffff; background: #1f5f1f; text-style: bold underline; }
        &.-error { background: #ff3333; color: #000000; text-style: none; }
    }
    """

    class Left(Message, namespace="rr_field"):
        """The cursor left the field (Tab, Intro, another panel): the field is complete."""

        def __init__(self, field: RRField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Changed(Message, namespace="rr_field"):
        """The agent edited the value (a key typed, deleted or pasted): the panel
        recomputes what depends on it before the field is left."""

        def __init__(self, field: RRField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Rejected(Message, namespace="rr_field"):
        """A key the field does not take (a letter in a numeric field)."""

        def __init__(self, field: RRField) -> None:
            super().__init__()
            self.field = field

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(id=f"field-{spec.name}")
        self.spec = spec
        self.password = "password" in spec.flags
        self.digits_only = "digits" in spec.flags
        self._value = ""
        self._cursor = 0
        self._offset = 0  # first character shown when the value is longer than the field
        self._selected = False  # the whole value: what is typed replaces it
        self._refused: str | None = None  # the value row 24 refused, while it is still there
        self.cursor_visible = True
        self.styles.width = spec.width
        self.styles.offset = (spec.col, spec.row)

    # -- value and cursor ------------------------------------------------------------

    @property
    def value(self) -> str:
        return self._value

    @value.setter
    def value(self, text: str) -> None:
        """Set by the program: the cursor goes after the text, nothing selected."""
        self._value = text
        self._selected = False
        self.cursor_position = len(text)

    @property
    def cursor_position(self) -> int:
        return self._cursor

    @cursor_position.setter
    def cursor_position(self, position: int) -> None:
        self._cursor = max(0, min(position, len(self._value)))
        self._scroll_to_cursor()
        self.cursor_visible = True
        self.refresh()

    @property
    def field_value(self) -> str:
        """The value as RR keeps it: upper-cased where the field says so."""
        value = self._value.strip()
        return value.upper() if "upper" in self.spec.flags else value

    @property
    def holds_refused(self) -> bool:
        """The field still holds the very value row 24 refused (nothing typed since)."""
        return self._refused is not None and self._refused == self._value

    @property
    def has_selection(self) -> bool:
        return self._selected and bool(self._value)

    def select_all(self) -> None:
        """Tab into a field: its value is selected, so typing replaces it (5250 overtype)."""
        self._selected = bool(self._value)
        self.cursor_position = len(self._value)

    def mark_error(self, on: bool = True) -> None:
        """Show the field in reverse image (5250 style for a field in error); the
        cursor goes to it and its value is selected, so what the agent types next
        replaces it (DSPATR(PC)) instead of adding to what was refused."""
        self.set_class(on, "-error")
        self._refused = self._value if on else None
        if on and self.display and self.focusable and self.is_attached:
            self.focus()
            self.select_all()

    # -- editing (called in key order by the app's type-ahead) -----------------------

    def type_text(self, text: str) -> bool:
        """Insert typed text at the cursor (replacing a selection)."""
        if self.digits_only and not set(text) <= DIGITS:
            self.app.bell()
            self.post_message(self.Rejected(self))
            return False
        if self.has_selection:
            self._value, self._cursor = "", 0
        self._selected = False
        self._value = self._value[: self._cursor] + text + self._value[self._cursor :]
        self.cursor_position = self._cursor + len(text)
        self.post_message(self.Changed(self, self._value))
        return True

    def paste(self, text: str) -> bool:
        """Text pasted from the terminal, one line (a numeric field drops spaces, dots, dashes)."""
        line = " ".join(part.strip() for part in text.splitlines() if part.strip())
        if self.digits_only:
            line = line.translate(NUMBER_SEPARATORS)
        return bool(line) and self.type_text(line)

    def edit(self, key: str) -> bool:
        """Apply an editing key (backspace, delete, arrows, home, end); False if not one."""
        value, cursor = self._value, self._cursor
        if key not in EDITING_KEYS:
            return False  # not ours: the selection stays (overtype is still armed)
        if self.has_selection and key in ("backspace", "delete"):
            self._value, self._selected = "", False
            self.cursor_position = 0
            self.post_message(self.Changed(self, self._value))
            return True
        self._selected = False
        if key == "backspace":
            if cursor:
                self._value = value[: cursor - 1] + value[cursor:]
            self.cursor_position = cursor - 1
        elif key == "delete":
            self._value = value[:cursor] + value[cursor + 1 :]
            self.cursor_position = cursor
        elif key == "left":
            self.cursor_position = cursor - 1
        elif key == "right":
            self.cursor_position = cursor + 1
        elif key == "home":
            self.cursor_position = 0
        else:  # end
            self.cursor_position = len(value)
        if self._value != value:
            self.post_message(self.Changed(self, self._value))
        return True

    def _scroll_to_cursor(self) -> None:
        width = self.spec.width
        if len(self._value) <= width:
            # The value fits: it is shown whole from its start, the cursor after a full
            # field resting on its last character (a date typed whole read "1122026").
            self._offset = 0
            return
        if self._cursor < self._offset:
            self._offset = self._cursor
        elif self._cursor >= self._offset + width:
            self._offset = self._cursor - width + 1
        self._offset = max(0, min(self._offset, max(0, len(self._value) + 1 - width)))

    # -- Textual events -----------------------------------------------------------------

    @guarded
    def on_blur(self, event: events.Blur) -> None:
        self._selected = False
        self.refresh()
        self.post_message(self.Left(self, self._value))

    @guarded
    def on_focus(self, event: events.Focus) -> None:
        self.cursor_visible = True
        self.place_terminal_cursor()
        self.refresh()

    def place_terminal_cursor(self) -> None:
        """Put the terminal's own cursor where typing goes, as tn5250 does: screen
        readers, tmux and capture tools follow it (the app shows it, ``ui.app``)."""
        if not self.has_focus or self.app.screen is not self.screen:
            return  # a panel under the one in front repaints (a resize) but has no cursor
        region = self.content_region
        at = max(0, min(self._cursor - self._offset, self.spec.width - 1))
        self.app.cursor_position = Offset(region.x + at, region.y)

    def on_click(self, event: events.Click) -> None:
        self.cursor_position = self._offset + event.x

    # -- painting -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.spec.width
        if y != 0:
            return Strip.blank(width, base)
        shown = PASSWORD_CHAR * len(self._value) if self.password else self._value
        if not self.has_focus:  # a field at rest shows its start, as a 5250 does,
            if len(shown) > width:  # and says that it holds more (the cursor shows it all)
                shown = shown[: width - 1] + ">"
            return Strip([Segment(shown[:width].ljust(width), base)], width)
        self.place_terminal_cursor()
        visible = shown[self._offset : self._offset + width].ljust(width)
        if self.has_selection:
            length = min(len(shown) - self._offset, width)
            # A field in error keeps its reverse image whole: selected is how it is entered.
            mark = base if self.has_class("-error") else base + SELECTED
            parts = [Segment(visible[:length], mark), Segment(visible[length:], base)]
            return Strip([part for part in parts if part.text], width)
        at = self._cursor - self._offset
        # A real terminal shows its own cursor there; headless (snapshots) draw a block.
        if not self.app.is_headless or not self.cursor_visible or not 0 <= at < width:
            return Strip([Segment(visible, base)], width)
        parts = [
            Segment(visible[:at], base),
            Segment(visible[at], base + CURSOR),
            Segment(visible[at + 1 :], base),
        ]
        return Strip([part for part in parts if part.text], width)
