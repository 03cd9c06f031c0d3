"""Tripwire: the Textual private names our work-arounds use must still exist, and no
code in ``swat_tui/ui`` but ``textual_workarounds.py`` uses a Textual private name.

``release_dead_widget_caches`` silently does nothing when Textual renames the
cached method, so memory would grow again without any test noticing; a private
name used elsewhere would break, unannounced, on Textual's next release.
"""

from __future__ import annotations

import ast
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.app import App
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

import swat_tui.ui
from swat_tui.ui.textual_workarounds import KNOWN_PRIVATE

UI = Path(swat_tui.ui.__file__).parent
WORKAROUNDS = UI / "textual_workarounds.py"


def _textual_private_names() -> set[str]:
    """Private names of the Textual classes the UI builds on, on the class or set by
    its constructor (``App._driver``)."""
    names: set[str] = set()
    objects: tuple[object, ...] = (
        App,
        Screen,
        ModalScreen,
        Widget,
        Static,
        App(),
        Screen(),
        Static(),
    )
    for obj in objects:
        names.update(dir(obj))
        names.update(getattr(obj, "__dict__", {}))
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def _private_names_used(path: Path) -> set[tuple[str, int]]:
    """Private attributes read or written (``x._name``) and private methods defined."""
    used: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            used.add((node.attr, node.lineno))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            used.add((node.name, node.lineno))
    return used


def test_styles_cache_hook_still_exists() -> None:
    assert hasattr(StylesCache.get_inner_outer, "cache_clear")
    assert hasattr(StylesCache.get_inner_outer, "cache_info")


def test_every_private_name_of_the_work_arounds_still_exists() -> None:
    textual = _textual_private_names()
    assert {"_driver", "_fatal_error"} <= textual
    used = {name for name, _ in _private_names_used(WORKAROUNDS)} & textual
    assert used <= KNOWN_PRIVATE, "name it in KNOWN_PRIVATE, with its tripwire here"


def test_no_textual_private_name_outside_the_work_arounds() -> None:
    textual = _textual_private_names()
    offences = sorted(
        f"{path.relative_to(UI)}:{line} {name}"
        for path in UI.rglob("*.py")
        if path != WORKAROUNDS
        for name, line in _private_names_used(path)
        if name in textual
    )
    assert offences == []
