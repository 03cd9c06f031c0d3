"""Figure 3: opening the account panel (CTA001), query and render, at 80x24.

One headless Pilot session of the real app on the store, signed on as the
bench profile. Each open pushes ``AccountPanelScreen(cuenta)`` (its mount runs
``AccountService.open_panel``, which also writes the access-log row) and the
clock stops once the screen is mounted, every pending message is processed,
the compositor has refreshed and the full 80x24 frame has been encoded as the
terminal would receive it (headless Textual skips only that last write, so
the bench does it). The frame is checked to show the cuenta.

Baseline, in the same session right after the panels: pushing a plain
``Screen`` with one 80x24 ``Static``, timed the same way. The domain call alone
(``open_panel``) is timed too, on other accounts, to split query from render.
"""

from __future__ import annotations

import asyncio
import gc
import random
import re
import time
from typing import TYPE_CHECKING, cast

from bench.common import (
    BENCH_PASSWORD,
    BENCH_USER,
    Figure,
    log,
    median,
    percentile,
    ratio,
    sample_accounts,
    verdict,
)
from bench.demo_build import Store

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen

    from swat_tui.ui.app import SwatApp

GOAL_P95_MS = 50.0
WARM_UP = 5
BARE_TEXT = "\n".join(f"{row:02d} " + "BARE SCREEN " * 6 + "BARE " for row in range(1, 25))
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def painted_frame(app: SwatApp) -> str:
    """The whole screen as the terminal bytes a full repaint writes (Textual internals)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    return cast(str, update.render_segments(app.console))  # type: ignore[union-attr]


def frame_shows(frame: str, expect: str) -> bool:
    """Whether ``expect`` is on the painted frame (escape sequences aside)."""
    return expect in frame or expect in _ESCAPES.sub("", frame)


async def _open(
    pilot: Pilot[None], screen: Screen[None], expect: str, watch: GcWatch | None = None
) -> float:
    """Milliseconds to push ``screen`` and paint it; pops it again (untimed).

    ``watch`` is active only while timed: the idle-time collection before is not counted.
    """
    from swat_tui.ui.screens.base import RRScreen

    app: SwatApp = pilot.app  # type: ignore[assignment]
    # The agent reads a panel before opening the next: the app's idle-time
    # garbage collection (swat_tui/ui/idle_collector.py) runs then.
    await app.idle_collector.settled()
    if watch is not None:
        watch.active = True
    started = time.perf_counter()
    await app.push_screen(screen)
    if isinstance(screen, RRScreen):
        await screen.ready.wait()
    await pilot._wait_for_screen()
    app.screen._on_timer_update()  # the refresh the update timer would run now
    frame = painted_frame(app)
    elapsed = (time.perf_counter() - started) * 1e3
    if watch is not None:
        watch.active = False
    if not frame_shows(frame, expect):
        raise RuntimeError(f"painted frame does not show {expect!r}")
    await app.pop_screen()
    await pilot._wait_for_screen()
    return elapsed


class GcWatch:
    """Counts and times the full (generation 2) collections while active."""

    def __init__(self) -> None:
        self.pauses_ms: list[float] = []
        self._started = 0.0
        self.active = False

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if not self.active or info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses_ms.append((time.perf_counter() - self._started) * 1e3)


async def _session(
    store: Store, cuentas: list[int], bare_count: int, watch: GcWatch
) -> tuple[list[float], list[float]]:
    """Open every cuenta's panel, then (a separate block) as many bare screens."""
    from textual.screen import Screen
    from textual.widgets import Static

    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.ui.app import make_app
    from swat_tui.ui.screens.account.account_panel import AccountPanelScreen

    class BareScreen(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static(BARE_TEXT)

    # frozen: no clock tick or cursor blink timers firing in the middle of a measurement.
    settings = Settings(db_url=store.url, seed_demo_accounts=0, frozen=True)
    services = open_services(settings)
    try:
        agent = services.auth.sign_on(BENCH_USER, BENCH_PASSWORD)
        app = make_app(settings, services)
        panel_ms: list[float] = []
        bare_ms: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.signed_on(agent)
            await pilot.pause()
            # Separate blocks, panels first as in a fresh app: every pushed screen leaves
            # objects behind in Textual (see README), so interleaving would charge the
            # panels with the bare screens' garbage-collection work.
            for cuenta in cuentas[:WARM_UP]:
                await _open(pilot, AccountPanelScreen(cuenta), str(cuenta))
            for cuenta in cuentas[WARM_UP:]:
                panel_ms.append(await _open(pilot, AccountPanelScreen(cuenta), str(cuenta), watch))
            for index in range(WARM_UP + bare_count):
                elapsed = await _open(pilot, BareScreen(), "BARE SCREEN")
                if index >= WARM_UP:
                    bare_ms.append(elapsed)
            app.exit()
        return panel_ms, bare_ms
    finally:
        services.close()


def _domain_only(store: Store, cuentas: list[int]) -> list[float]:
    """Milliseconds of ``open_panel`` alone (query, access-log write, view)."""
    from swat_tui.config import Settings
    from swat_tui.domain.account.disclosure import DisclosureGate
    from swat_tui.domain.bootstrap import open_services

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    gate = DisclosureGate(lambda: None)  # an agent outside a call who read no F7
    try:
        for cuenta in cuentas[:WARM_UP]:
            services.accounts.open_panel(cuenta, agent=BENCH_USER, gate=gate)
        times = []
        for cuenta in cuentas[WARM_UP:]:
            started = time.perf_counter()
            services.accounts.open_panel(cuenta, agent=BENCH_USER, gate=gate)
            times.append((time.perf_counter() - started) * 1e3)
        return times
    finally:
        services.close()


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95 of opening CTA001 in the app, of a bare screen, and of the query alone."""
    from sqlalchemy import create_engine

    from swat_tui.store.demo import SHOWCASE, SHOWCASE_MIN_ACCOUNTS

    engine = create_engine(store.url)
    try:
        sampled = [
            a.cuenta for a in sample_accounts(engine, 2 * (count + WARM_UP), random.Random(3))
        ]
    finally:
        engine.dispose()
    showcase = list(SHOWCASE.values()) if store.accounts >= SHOWCASE_MIN_ACCOUNTS else []
    ui_cuentas = sampled[: count + WARM_UP] + showcase  # every flag case is opened too
    domain_cuentas = sampled[count + WARM_UP :]
    log(f"panel: domain only, {count} accounts")
    domain = _domain_only(store, domain_cuentas)
    log(f"panel: {len(ui_cuentas) - WARM_UP} opens in the app, then {count} bare screens")
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        panel, bare = asyncio.run(_session(store, ui_cuentas, count, watch))
    finally:
        gc.callbacks.remove(watch)
    pauses = watch.pauses_ms
    p50, p95 = median(panel), percentile(panel, 0.95)
    b50, b95 = median(bare), percentile(bare, 0.95)
    d50, d95 = median(domain), percentile(domain, 0.95)
    n = len(panel)
    return [
        Figure(
            "panel",
            f"open CTA001, query + render p50 (n={n})",
            p50,
            "ms",
            baseline=b50,
            baseline_name="bare screen p50",
            ratio=ratio(p50, b50),
        ),
        Figure(
            "panel",
            f"open CTA001, query + render p95 (n={n})",
            p95,
            "ms",
            goal=f"< {GOAL_P95_MS:g} ms",
            baseline=b95,
            baseline_name="bare screen p95",
            ratio=ratio(p95, b95),
            verdict=verdict(p95 < GOAL_P95_MS),
            note=f"p99 {percentile(panel, 0.99):.1f} ms, max {max(panel):.1f} ms",
        ),
        Figure("panel", "bare screen push + paint p50", b50, "ms", note="baseline"),
        Figure("panel", "bare screen push + paint p95", b95, "ms", note="baseline"),
        Figure(
            "panel",
            f"open_panel() domain only p50 (n={len(domain)})",
            d50,
            "ms",
            note="query + access_log commit",
        ),
        Figure(
            "panel",
            f"open_panel() domain only p95 (n={len(domain)})",
            d95,
            "ms",
            note=f"share of p50 in the app: {d50 / p50:.0%}",
        ),
        Figure(
            "panel",
            "full GC pauses during the panel opens",
            float(len(pauses)),
            "pauses",
            note=(f"max {max(pauses):.0f} ms, total {sum(pauses):.0f} ms" if pauses else "none"),
        ),
    ]
