"""The painted part of a panel: literal text and output fields.

Values from data are placed with ``rich.text.Text``, never parsed as markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from swat_tui.ui.display_file import HEIGHT, WIDTH, DisplayFile, FieldSpec

COLOURS = {
    "green": "#33ff33",
    "white": "#ffffff",
    "red": "#ff3333",
    "yellow": "#ffff55",
    "turquoise": "#33ffff",
    "pink": "#ff77ff",
    "blue": "#5599ff",
}
LITERAL = Style(color=COLOURS["green"])
LEGEND = Style(color=COLOURS["blue"])
MESSAGE = Style(color=COLOURS["white"], bold=True)
ERROR = Style(color=COLOURS["red"], bold=True)
LEGEND_ROWS = (21, 22)
MESSAGE_ROW = 23
TITLE = Style(color=COLOURS["white"], bold=True)


def field_style(spec: FieldSpec) -> Style:
    """The 5250 display attribute of a field as a Rich style."""
    return Style(
        color=COLOURS[spec.colour],
        reverse="reverse" in spec.flags,
        underline="underline" in spec.flags,
        blink="blink" in spec.flags,
    )


def fit(value: str, spec: FieldSpec) -> str:
    """Cut or pad a value to its field; one line only."""
    flat = " ".join(value.split("\n"))
    if "right" in spec.flags:
        return flat[-spec.width :].rjust(spec.width)
    return flat[: spec.width].ljust(spec.width)


def fit_line(value: str) -> str:
    """A message for row 24: one line, at most 79 columns (RR leaves column 80 free)."""
    return " ".join(value.split())[: WIDTH - 1]


class Canvas(Widget):
    """Paints the 24 rows of a display file with the current field values."""

    DEFAULT_CSS = """
    Canvas { position: absolute; width: 80; height: 24; background: #000000; }
    """

    def __init__(self, display: DisplayFile) -> None:
        super().__init__()
        self.display_file = display
        self.values: dict[str, str] = {}
        self.records: list[dict[str, str]] = []
        self.legend: tuple[str, str] = ("", "")
        self.message = ""
        self.message_is_error = False
        # Fields shown with another attribute for now (e.g. the phone while ringing).
        self.highlights: dict[str, Style] = {}

    def highlight(self, name: str, style: Style | None) -> None:
        """Give one field a temporary display attribute (None: back to its own)."""
        if style is None:
            self.highlights.pop(name, None)
        else:
            self.highlights[name] = style
        self.refresh()

    def set_message(self, message: str, *, error: bool) -> None:
        """Write row 24: white for information, red for errors."""
        self.message = message
        self.message_is_error = error
        self.refresh()

    def set_values(self, values: dict[str, str]) -> None:
        """Replace the given output fields' values and repaint."""
        self.values.update(values)
        self.refresh()

    def set_records(self, records: list[dict[str, str]]) -> None:
        """Fill the subfile rows (at most the subfile's size) and repaint."""
        self.records = records
        self.refresh()

    def render(self) -> Text:
        lines = [self._row(row) for row in range(HEIGHT)]
        return Text("\n").join(lines)

    def _row(self, row: int) -> Text:
        if row in LEGEND_ROWS:
            return Text(self.legend[row - LEGEND_ROWS[0]][:WIDTH].ljust(WIDTH), style=LEGEND)
        if row == MESSAGE_ROW:
            style = ERROR if self.message_is_error else MESSAGE
            return Text(fit_line(self.message).ljust(WIDTH), style=style)
        display = self.display_file
        base = TITLE if row == 0 else LITERAL
        record = self._record_for(row)
        template_row = (
            row if record is None or display.subfile is None else display.subfile.first_row
        )
        text = Text(display.lines[template_row], style=base, end="")
        for spec in display.fields.values():
            if spec.is_input:
                continue
            value = self._value(spec, row, record)
            if value is None:
                continue
            start = spec.col
            # A blank value takes no display attribute: no empty reverse-image bar.
            style = self.highlights.get(spec.name) or field_style(spec)
            style = style if value.strip() else base
            text = text[:start] + Text(fit(value, spec), style=style) + text[start + spec.width :]
        text.truncate(WIDTH, pad=True)
        return text

    def _record_for(self, row: int) -> dict[str, str] | None:
        subfile = self.display_file.subfile
        if subfile is None or not subfile.first_row <= row < subfile.first_row + subfile.size:
            return None
        index = row - subfile.first_row
        return self.records[index] if index < len(self.records) else {}

    def _value(self, spec: FieldSpec, row: int, record: dict[str, str] | None) -> str | None:
        subfile = self.display_file.subfile
        if spec.name in self.display_file.record_fields:
            if record is None or subfile is None:
                return None
            return record.get(spec.name)
        if spec.row != row:
            return None
        return self.values.get(spec.name)
