"""The painted part of a panel: literal text and output fields.

Values from data are placed as plain segments, never parsed as markup. Each
row is built once into a ``Strip`` and kept until a value on it changes; a
change repaints only its rows (the header clock repaints one row a second,
not the panel).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from swat_tui.ui.display_file import HEIGHT, WIDTH, DisplayFile, FieldSpec
from swat_tui.ui.format import clip

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
    """Pad a value to its field, one line; a longer one is cut with a mark that it
    continues (``>`` at the end, ``<`` at the start of a right-aligned one)."""
    flat = " ".join(value.split("\n"))
    if "right" in spec.flags:
        if len(flat.strip()) > spec.width:
            return "<" + flat.strip()[-(spec.width - 1) :]
        return flat[-spec.width :].rjust(spec.width)
    return clip(flat, spec.width).ljust(spec.width)


def fit_line(value: str) -> str:
    """A message for row 24: one line, at most 79 columns (RR leaves column 80 free)."""
    return clip(" ".join(value.split()), WIDTH - 1)


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
        self._legend: tuple[str, str] = ("", "")
        self.message = ""
        self.message_is_error = False
        # Fields shown with another attribute for now (e.g. the phone while ringing).
        self.highlights: dict[str, Style] = {}
        self._output_fields = [spec for spec in display.fields.values() if not spec.is_input]
        self._strips: dict[int, Strip] = {}  # rows painted since their last change

    @property
    def legend(self) -> tuple[str, str]:
        return self._legend

    @legend.setter
    def legend(self, lines: tuple[str, str]) -> None:
        self._legend = lines
        self._repaint(*LEGEND_ROWS)

    def highlight(self, name: str, style: Style | None) -> None:
        """Give one field a temporary display attribute (None: back to its own)."""
        if self.highlights.get(name) == style:
            return
        if style is None:
            self.highlights.pop(name, None)
        else:
            self.highlights[name] = style
        self._repaint(*self._rows_of([name]))

    def set_message(self, message: str, *, error: bool) -> None:
        """Write row 24: white for information, red for errors."""
        if (message, error) == (self.message, self.message_is_error):
            return
        self.message = message
        self.message_is_error = error
        self._repaint(MESSAGE_ROW)

    def set_values(self, values: dict[str, str]) -> None:
        """Replace the given output fields' values and repaint the rows they are on."""
        changed = [name for name, value in values.items() if self.values.get(name) != value]
        if not changed:
            return
        self.values.update(values)
        self._repaint(*self._rows_of(changed))

    def set_records(self, records: list[dict[str, str]]) -> None:
        """Fill the subfile rows (at most the subfile's size) and repaint them."""
        self.records = records
        subfile = self.display_file.subfile
        if subfile is not None:
            self._repaint(*range(subfile.first_row, subfile.first_row + subfile.size))

    def clear(self) -> None:
        """No field values, records, highlights or message (the legend stays)."""
        self.values.clear()
        self.records = []
        self.highlights.clear()
        self.message, self.message_is_error = "", False
        self._strips.clear()
        if self.is_mounted:
            self.refresh()

    def _rows_of(self, names: list[str]) -> set[int]:
        """The rows a field's value shows on (every subfile row for a record field)."""
        display = self.display_file
        subfile = display.subfile
        rows: set[int] = set()
        for name in names:
            spec = display.fields.get(name)
            if spec is None:
                continue
            if subfile is not None and name in display.record_fields:
                rows.update(range(subfile.first_row, subfile.first_row + subfile.size))
            else:
                rows.add(spec.row)
        return rows

    def _repaint(self, *rows: int) -> None:
        for row in rows:
            self._strips.pop(row, None)
        if self.is_mounted and rows:
            self.refresh(*(Region(0, row, WIDTH, 1) for row in rows))

    def plain(self) -> str:
        """The 24 rows as the agent reads them (no attributes)."""
        return "\n".join(self.render_line(row).text for row in range(HEIGHT))

    def render_line(self, y: int) -> Strip:
        strip = self._strips.get(y)
        if strip is None:
            # The widget's own style (the black background) under the row's styles.
            strip = self._strips[y] = self._row(y).apply_style(self.rich_style)
        return strip

    def _row(self, row: int) -> Strip:
        if row in LEGEND_ROWS:
            line = self._legend[row - LEGEND_ROWS[0]][:WIDTH].ljust(WIDTH)
            return Strip([Segment(line, LEGEND)], WIDTH)
        if row == MESSAGE_ROW:
            style = ERROR if self.message_is_error else MESSAGE
            return Strip([Segment(fit_line(self.message).ljust(WIDTH), style)], WIDTH)
        display = self.display_file
        base = TITLE if row == 0 else LITERAL
        record = self._record_for(row)
        template_row = (
            row if record is None or display.subfile is None else display.subfile.first_row
        )
        chars = list(display.lines[template_row][:WIDTH].ljust(WIDTH))
        styles = [base] * WIDTH
        for spec in self._output_fields:
            value = self._value(spec, row, record)
            if value is None:
                continue
            start = spec.col
            # A blank value takes no display attribute: no empty reverse-image bar.
            style = self.highlights.get(spec.name) or field_style(spec)
            style = base + style if value.strip() else base
            text = fit(value, spec)
            end = min(start + len(text), WIDTH)
            chars[start:end] = text[: end - start]
            styles[start:end] = [style] * (end - start)
        return Strip(_segments(chars, styles), WIDTH).crop_extend(0, WIDTH, base)

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


def _segments(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Runs of cells with the same style, as segments."""
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or styles[index] is not styles[start]:
            segments.append(Segment("".join(chars[start:index]), styles[start]))
            start = index
    return segments
