"""The whole painted 80x24 screen of the RR panel in front, as plain text.

The canvas paints the literal text and output fields (``Canvas.plain``); the
input fields are widgets laid over it, each painting its own line
(``RRField.render_line``), so they are overlaid at their display-file place.
At 80x24 the panel fills the terminal (no centring, no guide column).
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.ui.app import SwatApp
from swat_tui.ui.display_file import HEIGHT, WIDTH
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.widgets.rr_field import RRField


@dataclass(frozen=True)
class FieldShown:
    """An input field as painted: its name, value, width and the text in its cells."""

    name: str
    value: str
    width: int
    painted: str
    focused: bool
    displayed: bool


def front(app: SwatApp) -> RRScreen | None:
    """The RR panel in front (None for the black base screen or a non-RR screen)."""
    try:
        screen = app.screen
    except Exception:  # no screen stack yet, or the app is gone
        return None
    return screen if isinstance(screen, RRScreen) else None


def panel_of(app: SwatApp) -> str:
    """The panel id in front, or "-" when none."""
    screen = front(app)
    return screen.PANEL_ID if screen is not None else "-"


def input_fields(screen: RRScreen) -> list[FieldShown]:
    """Every input field of the panel with what it paints (hidden ones paint nothing)."""
    shown: list[FieldShown] = []
    for rr_field in screen.panel.fields():
        painted = rr_field.render_line(0).text if rr_field.display else ""
        shown.append(
            FieldShown(
                name=rr_field.spec.name,
                value=rr_field.value,
                width=rr_field.spec.width,
                painted=painted,
                focused=rr_field.has_focus,
                displayed=bool(rr_field.display),
            )
        )
    return shown


def rows(app: SwatApp) -> list[str]:
    """The 24 rows of 80 columns as the agent sees them now (canvas plus input fields)."""
    screen = front(app)
    if screen is None:
        return [" " * WIDTH] * HEIGHT
    lines = [list(line.ljust(WIDTH)[:WIDTH]) for line in screen.panel.canvas.plain().split("\n")]
    for rr_field in screen.panel.fields():
        if not rr_field.display:
            continue
        spec = rr_field.spec
        text = rr_field.render_line(0).text[: spec.width]
        end = min(spec.col + len(text), WIDTH)
        lines[spec.row][spec.col : end] = list(text[: end - spec.col])
    return ["".join(line) for line in lines]


def focused_field(app: SwatApp) -> RRField | None:
    """The input field with the cursor on the panel in front."""
    focused = app.focused
    return focused if isinstance(focused, RRField) else None
