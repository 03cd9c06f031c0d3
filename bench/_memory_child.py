"""Child process for the memory benchmark: a scripted agent session, headless.

Usage: ``python _memory_child.py bare`` or ``python _memory_child.py swat JSON``
where JSON holds ``url``, ``user``, ``password``, ``cuentas``, ``document``,
``phone`` and ``soak``. The real app (``make_app`` + ``App.run(headless=True)``)
signs on, searches each cuenta and opens its panel, F7 (special notes) and F10
(inventory), then searches by document and by phone; then, for the long
shift, it pushes the ``soak`` cuentas' panels straight. At the end it prints
one JSON line: its peak RSS (VmHWM, KiB) at exit and after each stage, and
the panels it reached. It runs as a plain script so both apps start the same way.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from typing import Any

stages: dict[str, int] = {}  # VmHWM after each stage
current: dict[str, int] = {}  # VmRSS after each stage
visited: list[str] = []
shift: dict[str, float] = {}


def _status_kb(key: str) -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_kb() -> int:
    """This process's peak resident set so far (VmHWM), in KiB; 0 off Linux."""
    return _status_kb("VmHWM:")


def mark(stage: str) -> None:
    """Record the peak and the current RSS after a stage."""
    stages[stage] = peak_kb()
    current[stage] = _status_kb("VmRSS:")


def run_bare() -> None:
    """A minimal Textual app with one Static, a few keys pressed, then exit."""
    from textual.app import App, ComposeResult
    from textual.pilot import Pilot
    from textual.widgets import Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("CLARO COLOMBIA - SERVICIO AL CLIENTE HOGAR")

    async def drive(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        mark("started")
        await pilot.press("a", "b", "tab", "enter")
        await pilot.pause()
        mark("end")
        pilot.app.exit()

    BareApp().run(headless=True, size=(80, 24), auto_pilot=drive)


def run_swat(spec: dict[str, Any]) -> None:
    """The real app through a whole agent session."""
    from textual.pilot import Pilot

    from swat_tui.config import Settings
    from swat_tui.ui.app import SwatApp, make_app
    from swat_tui.ui.screens.base import RRScreen

    app = make_app(Settings(db_url=spec["url"]))

    def panel() -> str:
        screen = app.screen
        return screen.PANEL_ID if isinstance(screen, RRScreen) else type(screen).__name__

    async def at(pilot: Pilot[Any], expected: str) -> None:
        await pilot.pause()
        visited.append(panel())
        if visited[-1] != expected:
            screen = app.screen
            message = screen.panel.canvas.message if isinstance(screen, RRScreen) else ""
            raise RuntimeError(f"expected {expected}, on {visited[-1]}: {message!r}")

    async def type_into(pilot: Pilot[Any], name: str, text: str) -> None:
        screen = app.screen
        assert isinstance(screen, RRScreen)
        field = screen.field(name)
        field.focus()
        await pilot.pause()
        field.value = ""
        await pilot.press(*text)

    async def search(pilot: Pilot[Any], by: str, value: str) -> None:
        await type_into(pilot, "by", by)
        await type_into(pilot, "value", value)
        await pilot.press("enter")

    async def drive(pilot: Pilot[Any]) -> None:
        assert isinstance(app, SwatApp)
        await app.wait_for_store()
        await at(pilot, "SGN001")
        mark("store_open")
        await type_into(pilot, "user", spec["user"])
        await type_into(pilot, "password", spec["password"])
        await pilot.press("enter")
        await at(pilot, "MNU001")
        mark("signed_on")
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        await at(pilot, "CTA010")
        for cuenta in spec["cuentas"]:
            await search(pilot, "1", str(cuenta))
            await at(pilot, "CTA001")
            await pilot.press("f7")
            await at(pilot, "NTS001")
            await pilot.press("f12")
            await at(pilot, "CTA001")
            await pilot.press("f10")
            await at(pilot, "INV001")
            await pilot.press("f12")
            await at(pilot, "CTA001")
            await pilot.press("f12")
            await at(pilot, "CTA010")
        mark("panels")
        for by, value in (("2", spec["document"]), ("3", spec["phone"])):
            await search(pilot, by, value)
            await pilot.pause()
            visited.append(panel())  # CTA001 (one match) or CTA020 (the list)
            await pilot.press("f12")
            await at(pilot, "CTA010")
        await pilot.press("f3")
        await at(pilot, "MNU001")
        mark("end")
        await long_shift(pilot, spec["soak"])
        app.exit()

    async def long_shift(pilot: Pilot[Any], cuentas: list[int]) -> None:
        """Many more panels, pushed straight (no typing), as over an agent's shift."""
        from swat_tui.ui.screens.account.account_panel import AccountPanelScreen

        for cuenta in cuentas:
            screen = AccountPanelScreen(cuenta)
            await app.push_screen(screen)
            await screen.ready.wait()
            await pilot._wait_for_screen()
            await app.pop_screen()
            await pilot._wait_for_screen()
        if cuentas:
            mark(f"shift_{len(cuentas)}")
            started = time.perf_counter()
            gc.collect()
            shift["full_gc_ms"] = (time.perf_counter() - started) * 1e3
            shift["objects"] = len(gc.get_objects())

    app.run(headless=True, size=(80, 24), auto_pilot=drive)
    if app.startup_error:
        raise SystemExit(f"start-up error: {app.startup_error}")


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        run_bare()
    else:
        run_swat(json.loads(sys.argv[2]))
    # Read after the app has shut down: the process's peak over its whole life.
    report = {
        "peak_kb": peak_kb(),
        "stages": stages,
        "current": current,
        "visited": visited,
        "shift": shift,
    }
    print(json.dumps(report), flush=True)
