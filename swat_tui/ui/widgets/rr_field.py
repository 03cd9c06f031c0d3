"""An RR input field: one line, the width its display file gives.

The field's whole extent is shaded dark green (a 5250 shows it underlined),
so the agent sees how much fits before typing.
"""

from __future__ import annotations

from textual.widgets import Input

from swat_tui.ui.display_file import FieldSpec


class RRField(Input):
    """Input field placed at its display-file position; reverse image when in error."""

    DEFAULT_CSS = """
    RRField {
        position: absolute;
        height: 1;
        border: none;
        padding: 0;
        background: #0f300f;
        color: #33ff33;
        text-style: underline;
        &:focus { border: none; background: #0f300f; background-tint: #000000 0%; color: #ffffff; }
        &.-error { background: #ff3333; color: #000000; text-style: none; }
        & > .input--cursor { background: #33ff33; color: #000000; text-style: none; }
        & > .input--placeholder { color: #1f8f1f; }
    }
    """

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(
            id=f"field-{spec.name}",
            password="password" in spec.flags,
            compact=True,
            select_on_focus=False,
            restrict=r"[0-9]*" if "digits" in spec.flags else None,
        )
        self.spec = spec
        self.styles.width = spec.width
        self.styles.offset = (spec.col, spec.row)

    @property
    def field_value(self) -> str:
        """The value as RR keeps it: upper-cased where the field says so."""
        value = self.value.strip()
        return value.upper() if "upper" in self.spec.flags else value

    def mark_error(self, on: bool = True) -> None:
        """Show the field in reverse image (5250 style for a field in error)."""
        self.set_class(on, "-error")
