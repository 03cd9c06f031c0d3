"""Type-ahead in order, as on a 5250: no keystroke is lost or reordered.

Textual hands each key to the focused widget's own message queue while the
app goes on reading; a burst such as ``user<Tab>password<Enter>`` can then
run Tab and Enter before the letters before them have reached the field. RR
agents type ahead all day, so the app applies editing keys to the focused
field itself, synchronously and in arrival order; function keys go through
the key registry's bindings, also in order.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from swat_tui.ui.widgets.rr_field import RRField

_NEXT = {"tab", "down"}
_PREVIOUS = {"shift+tab", "up"}


def _enter_field(field: object) -> None:
    """Tab into a field selects its value: what is typed replaces it (5250 overtype)."""
    if isinstance(field, RRField):
        field.select_all()


def _move(screen: Screen[object], focused: object, *, forward: bool) -> None:
    """Tab (or Shift+Tab): the field is complete, as a 5250's field exit. On a panel
    with one field the cursor stays where it is, but the field was still left."""
    reached = screen.focus_next(RRField) if forward else screen.focus_previous(RRField)
    if reached is focused and isinstance(focused, RRField):
        focused.post_message(RRField.Left(focused, focused.value))
    _enter_field(reached)


def apply_in_order(screen: Screen[object], focused: object, event: events.Key) -> bool:
    """Apply an editing key at once; True when it was handled here."""
    if event.key in _NEXT:
        _move(screen, focused, forward=True)
        return True
    if event.key in _PREVIOUS:
        _move(screen, focused, forward=False)
        return True
    if not isinstance(focused, RRField):
        return False
    if event.is_printable and event.character is not None:
        focused.type_text(event.character)
        return True
    return focused.edit(event.key)


def paste_in_order(focused: object, event: events.Paste) -> bool:
    """A paste goes into the field at once too, between the keys around it."""
    if not isinstance(focused, RRField):
        return False
    focused.paste(event.text)
    return True
