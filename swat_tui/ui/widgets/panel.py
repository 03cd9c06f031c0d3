"""An 80x24 RR panel: the painted canvas with input fields laid over it."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Container

from swat_tui.ui.display_file import DisplayFile, FieldSpec
from swat_tui.ui.keys import Keymap, legend_lines
from swat_tui.ui.widgets.canvas import Canvas
from swat_tui.ui.widgets.rr_field import RRField


class Panel(Container):
    """Holds one display file's canvas and fields; knows nothing of the domain."""

    DEFAULT_CSS = """
    Panel { width: 80; height: 24; background: #000000; }
    """

    def __init__(self, display: DisplayFile, keymap: Keymap | None = None) -> None:
        super().__init__(id="panel")
        self.display_file = display
        self.canvas = Canvas(display)
        self.canvas.legend = legend_lines(display.keys, keymap)  # remapped keys named

    def compose(self) -> ComposeResult:
        yield self.canvas
        subfile = self.display_file.subfile
        for spec in self.display_file.input_fields():
            if subfile is not None and spec.name in self.display_file.record_fields:
                for index in range(subfile.size):
                    yield RRField(replace(spec, name=f"{spec.name}_{index}", row=spec.row + index))
            else:
                yield RRField(spec)

    def field(self, name: str) -> RRField:
        """The input field called ``name`` (``opt_3`` for a subfile row's field)."""
        return self.query_one(f"#field-{name}", RRField)

    def fields(self) -> list[RRField]:
        """All input fields in screen order."""
        return list(self.query(RRField))

    def spec(self, name: str) -> FieldSpec:
        return self.display_file.fields[name]
