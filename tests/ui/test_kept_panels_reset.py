"""A kept panel reopened with new arguments shows exactly what a freshly built one shows.

The navigator builds the call's panels and the ``KEPT`` account panels once a
session and reopens them (``RRScreen.reopen``). For every such panel, during one
call: the kept one is shown with arguments A and dirtied (every field typed in
and marked, row 24 an error), closed, reopened with arguments B; a new one is
built with B; the two renders of the 80x24 panel must be the same.
"""

from __future__ import annotations

from typing import Any

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.display_file import all_panel_ids
from swat_tui.ui.navigation import panel_class
from swat_tui.ui.screens.base import AccountSubpanel, RRScreen
from swat_tui.ui.screens.call.call_step import CallStepScreen
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, screen

CALL_CASE, OTHER_CASE = "activa", "cm_levels"
# Options some kept account panels take, for the first showing and the second.
OPTIONS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "VIS020": ({"kind": "OT"}, {"kind": "LLS"}),
    "VIS030": ({"order": "LLS-0000001", "mode": "cambiar"}, {"order": "LLS-0000002"}),
}


def kept_panel_ids() -> list[str]:
    """Every panel the navigator keeps: the ``KEPT`` ones and every call panel."""
    kept = []
    for panel_id in all_panel_ids():
        try:
            cls = panel_class(panel_id)
        except LookupError:
            continue
        if cls.KEPT or issubclass(cls, CallStepScreen):
            kept.append(panel_id)
    return kept


def render(shown: RRScreen) -> str:
    """The panel as the agent sees it: its 80x24 text, then each field's state and
    where the cursor is."""
    lines = [shown.panel.canvas.plain()]
    for rr_field in shown.panel.fields():
        state = (
            f"{rr_field.spec.name}={rr_field.value!r} shown={rr_field.display}"
            f" disabled={rr_field.disabled} error={rr_field.has_class('-error')}"
        )
        lines.append(state)
    focused = shown.focused
    lines.append(f"cursor={getattr(getattr(focused, 'spec', None), 'name', None)}")
    return "\n".join(lines)


def dirty(shown: RRScreen) -> None:
    """Type in every field the panel shows, mark each in error, and say so on row 24."""
    for rr_field in shown.panel.fields():
        if rr_field.display and not rr_field.disabled and not rr_field.password:
            rr_field.value = "9"
            rr_field.mark_error(True)
    shown.message("Estado de una apertura anterior.", error=True)


def arguments(panel_id: str, cuenta: int, holder: str, first: bool) -> tuple[Any, ...]:
    cls = panel_class(panel_id)
    if not issubclass(cls, AccountSubpanel):
        return ()
    return (cuenta, holder)


async def test_every_kept_panel_reopened_shows_what_a_new_one_shows(app: SwatApp) -> None:
    kept = kept_panel_ids()
    assert {"DIA010", "VIS020", "VIS030", "LLM001", "TIP001", "TD010"} <= set(kept)
    differences: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_subflow(pilot, CALL_CASE, "2", "1")
        desk = desk_of(app)
        call = desk.active
        assert call is not None and call.record.cuenta == SHOWCASE[CALL_CASE]
        holder = call.account.holder_name if call.account else ""
        navigator = app.navigator
        await navigator.exit_to_menu()  # the call stays open; no call panel is in the stack
        for panel_id in kept:
            first, second = OPTIONS.get(panel_id, ({}, {}))
            a = arguments(panel_id, SHOWCASE[OTHER_CASE], "OTRO TITULAR", True)
            b = arguments(panel_id, SHOWCASE[CALL_CASE], holder or "", False)
            await navigator.open_panel(panel_id, *a, keep=True, **first)
            reused = screen(app)
            dirty(reused)
            await app.pop_screen()
            await pilot.pause()
            await navigator.open_panel(panel_id, *b, keep=True, **second)
            assert screen(app) is reused, panel_id
            await pilot.pause()
            again = render(reused)
            await app.pop_screen()
            await pilot.pause()
            fresh_screen = navigator.build(panel_id, *b, **second)
            await app.push_screen(fresh_screen)
            await fresh_screen.ready.wait()
            await pilot.pause()
            fresh = render(fresh_screen)
            await app.pop_screen()
            await pilot.pause()
            if again != fresh:
                diff = [
                    f"reused: {x!r}\n  fresh: {y!r}"
                    for x, y in zip(again.splitlines(), fresh.splitlines(), strict=False)
                    if x != y
                ]
                differences[panel_id] = "\n".join(diff)
    assert differences == {}, "\n".join(f"{k}:\n{v}" for k, v in differences.items())
