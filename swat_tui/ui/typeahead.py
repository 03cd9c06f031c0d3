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


def apply_in_order(screen: Screen[object], focused: object, event: events.Key) -> bool:
    """Apply an editing key at once; True when it was handled here."""
    if event.key in _NEXT:
        _enter_field(screen.focus_next(RRField))
        return True
    if event.key in _PREVIOUS:
        _enter_field(screen.focus_previous(RRField))
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
