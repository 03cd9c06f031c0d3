"""Navigation by panel id: which screen class draws a panel, found from its display file.

Each display file names its screen (``screen call.reception:ReceptionScreen``,
a module under ``swat_tui.ui.screens``), so screens open panels by id and
never import one another; the module is imported when the panel is first
opened, which keeps the sign-on paint light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from swat_tui.ui.display_file import load

if TYPE_CHECKING:
    from swat_tui.ui.screens.base import RRScreen

PACKAGE = "swat_tui.ui.screens"


class UnknownPanel(LookupError):
    """A panel id with no display file, or whose display file names no screen."""


def panel_class(panel_id: str) -> type[RRScreen]:
    """The screen class of ``panel_id`` (imported on first use)."""
    try:
        display = load(panel_id)
    except FileNotFoundError as error:
        raise UnknownPanel(f"panel {panel_id} has no display file") from error
    if display.screen is None:
        raise UnknownPanel(f"{panel_id}.panel names no screen")
    module_name, _, class_name = display.screen.partition(":")
    cls: type[RRScreen] = getattr(import_module(f"{PACKAGE}.{module_name}"), class_name)
    if getattr(cls, "PANEL_ID", None) != panel_id:
        raise UnknownPanel(f"{display.screen} does not draw {panel_id}")
    return cls


def build(panel_id: str, *args: Any, **kwargs: Any) -> RRScreen:
    """A new screen for ``panel_id`` (arguments as its class takes them)."""
    return panel_class(panel_id)(*args, **kwargs)
