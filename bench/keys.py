"""Figure 6: key press to repainted screen at 80x24 (F7, F10, F22, Intro in a guided call).

One headless Pilot session of the real app on the store (``run_test`` at
80x24, ``frozen=True`` as in the panel benchmark), signed on as the bench
profile through SGN001. Each timed key is posted to the app the way
``Pilot.press`` posts it, but without the idle waits ``press`` adds (20 ms
sleeps at least), and the clock stops as in ``bench/panel.py``: the target
panel has been shown (the app's screen-change signal), its ``ready`` event is
set, every pending message is processed, the compositor has refreshed and
the whole frame has been encoded as terminal output; the frame must show the
target panel's id.

- F7 and F10 on the account panel (CTA001 -> NTS001, CTA001 -> INV001), one
  account per repetition, F12 back (untimed).
- The guided call, one whole call per repetition: softphone Disponible,
  ``app.desk.ring(phone, "HOGAR_SAC")`` with a demo account's mobile, answer (3),
  the fields filled as an agent leaves them, and Intro timed on LLM001 ->
  LLM002, LLM002 -> LLM003, LLM003 -> TIP001 and TIP001 -> LLM008; F22 on
  LLM003 (-> TIP001, then F12) is timed too. The call is then closed on
  LLM008 and the ACW finished (option 7) so the next one can ring. The calls
  the run made are deleted from the store at the end.

Baseline, in the same session after the rest: a key bound on a bare
``Screen`` (one 80x24 ``Static``) that pushes another bare screen, timed the
same way.
"""

from __future__ import annotations

import asyncio
import gc
import random
import time
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import text

from bench.common import (
    BENCH_PASSWORD,
    BENCH_USER,
    Figure,
    delete_calls,
    log,
    median,
    percentile,
    ratio,
    sample_accounts,
    verdict,
)
from bench.demo_build import Store
from bench.panel import BARE_TEXT, GcWatch, frame_shows, painted_frame

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen

    from swat_tui.ui.app import SwatApp
    from swat_tui.ui.screens.base import RRScreen

GOAL_P95_MS = 50.0
WARM_UP = 3  # key presses (and whole calls) done first and not counted
TIMEOUT_S = 15.0
QUEUE = "HOGAR_SAC"
BARE_KEY = "f7"

# (figure key, label) in report order; the key names the samples in ``Samples``.
FIGURES = (
    ("f7", "F7 special notes, CTA001 -> NTS001"),
    ("f10", "F10 inventory, CTA001 -> INV001"),
    ("f22", "F22 typification in a call, LLM003 -> TIP001"),
    ("llm001", "Intro LLM001 -> LLM002"),
    ("llm002", "Intro LLM002 -> LLM003"),
    ("llm003", "Intro LLM003 -> TIP001"),
    ("tip001", "Intro TIP001 -> LLM008"),
)

Samples = dict[str, list[float]]


@dataclass(frozen=True)
class CallAccount:
    """A demo account a call comes from: the cuenta and the mobile that rings."""

    cuenta: int
    phone: str


def _post_key(app: SwatApp, key: str) -> None:
    """Send one key event to the app as ``Pilot.press`` does, without its idle waits."""
    from textual import events
    from textual.keys import REPLACED_KEYS, _get_unicode_name_from_key

    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def _panel_id(screen: Screen[object]) -> str:
    return str(getattr(screen, "PANEL_ID", type(screen).__name__))


class KeyClock:
    """Times one key from posting it until the target screen is ready and painted."""

    def __init__(self, pilot: Pilot[None], watch: GcWatch) -> None:
        self.pilot = pilot
        self.app: SwatApp = pilot.app  # type: ignore[assignment]
        self.watch = watch
        self.watch_gc = True  # off for the baseline: the GC figure is about the app's keys
        self.timed = 0  # keys timed with the GC watched
        self.hit = 0  # of which had a full collection inside
        self._target = ""
        self._shown: asyncio.Future[Screen[object]] | None = None
        self.app.screen_change_signal.subscribe(self.app, self._changed, immediate=True)

    def _changed(self, screen: Screen[object]) -> None:
        shown = self._shown
        if shown is not None and not shown.done() and _panel_id(screen) == self._target:
            shown.set_result(screen)

    async def time(self, key: str, target: str, expect: str | None = None) -> float:
        """Milliseconds from posting ``key`` to ``target`` (a panel id) painted."""
        await self.pilot.pause()  # nothing left over from the untimed steps
        # The agent reads the panel before the next key: the app's idle-time
        # garbage collection (swat_tui/ui/idle_collector.py) runs then.
        await self.app.idle_collector.settled()
        self._target = target
        self._shown = asyncio.get_running_loop().create_future()
        self.watch.active = self.watch_gc
        pauses = len(self.watch.pauses_ms)
        started = time.perf_counter()
        try:
            _post_key(self.app, key)
            try:
                screen = await asyncio.wait_for(self._shown, TIMEOUT_S)
            except TimeoutError:
                raise RuntimeError(
                    f"{key} did not bring {target} up: on {_panel_id(self.app.screen)}, "
                    f"row 24 {_message(self.app)!r}"
                ) from None
            ready = getattr(screen, "ready", None)
            if isinstance(ready, asyncio.Event):
                await ready.wait()
            await self.pilot._wait_for_screen()
            self.app.screen._on_timer_update()  # the refresh the update timer would run now
            frame = painted_frame(self.app)
            elapsed = (time.perf_counter() - started) * 1e3
        finally:
            if self.watch.active:
                self.timed += 1
                self.hit += len(self.watch.pauses_ms) > pauses
            self.watch.active = False
            self._shown = None
        if self.app.screen is not screen or not frame_shows(frame, expect or target):
            raise RuntimeError(f"{key}: the painted frame does not show {target}")
        return elapsed


def _message(app: SwatApp) -> str:
    from swat_tui.ui.screens.base import RRScreen

    screen = app.screen
    return screen.panel.canvas.message if isinstance(screen, RRScreen) else ""


def _rr(app: SwatApp, panel_id: str | None = None) -> RRScreen:
    """The current RR panel (checked to be ``panel_id`` when given)."""
    from swat_tui.ui.screens.base import RRScreen

    screen = app.screen
    if not isinstance(screen, RRScreen) or (panel_id and panel_id != screen.PANEL_ID):
        raise RuntimeError(f"expected {panel_id}, on {_panel_id(screen)}: {_message(app)!r}")
    return screen


async def _fill(pilot: Pilot[None], **values: str) -> None:
    """Type fields of the current panel in order (the text set at once, as the tests do)."""
    app: SwatApp = pilot.app  # type: ignore[assignment]
    for name, value in values.items():
        screen = _rr(app)
        field = screen.field(name)
        screen.set_focus(field)
        field.value = value
        field.cursor_position = len(value)
        await pilot.pause()


async def _press(pilot: Pilot[None], key: str, then: str | None = None) -> None:
    """An untimed key; ``then``: the panel it must lead to."""
    await pilot.press(key)
    await pilot.pause()
    if then is not None:
        _rr(pilot.app, then)  # type: ignore[arg-type]


async def _sign_on(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await _fill(pilot, user=BENCH_USER, password=BENCH_PASSWORD)
    await _press(pilot, "enter", then="MNU001")


async def _account_keys(
    pilot: Pilot[None], clock: KeyClock, cuentas: list[int], samples: Samples
) -> None:
    """F7 then F10 on the account panel of each cuenta (F12 back after each)."""
    from swat_tui.ui.screens.account.account_panel import AccountPanelScreen

    app: SwatApp = pilot.app  # type: ignore[assignment]
    for index, cuenta in enumerate(cuentas):
        panel = AccountPanelScreen(cuenta)
        await app.push_screen(panel)
        await panel.ready.wait()
        f7 = await clock.time("f7", "NTS001")
        await _press(pilot, "f12", then="CTA001")
        f10 = await clock.time("f10", "INV001")
        await _press(pilot, "f12", then="CTA001")
        await app.pop_screen()
        await pilot.pause()
        if index >= WARM_UP:
            samples["f7"].append(f7)
            samples["f10"].append(f10)


async def answer_to_reception(
    pilot: Pilot[None], account: CallAccount, call_ids: list[int]
) -> None:
    """From the softphone: Disponible if needed, the account's mobile rings, 3 answers,
    and LLM001 is filled as an agent leaves it (Intro still to press)."""
    from swat_tui.domain.desk.softphone import AgentState

    app: SwatApp = pilot.app  # type: ignore[assignment]
    _rr(app, "SFT001")
    assert app.desk is not None
    if app.desk.phone.state != AgentState.DISPONIBLE:
        await _fill(pilot, opt="1")
        await _press(pilot, "enter", then="SFT001")
    call_ids.append(app.desk.ring(account.phone, QUEUE).id)
    await _fill(pilot, opt="3")
    await _press(pilot, "enter", then="LLM001")
    await _fill(
        pilot,
        wel="S",
        caller_name="Ana Banco",
        caller_document="52123456",
        rel="1",
        cuenta=str(account.cuenta),
    )


def step2_acks(app: SwatApp) -> dict[str, str]:
    """S for each step-2 flag the account shows (PQR, visit, aviso)."""
    step2 = _rr(app, "LLM002")
    return {name: "S" for name in ("pqr", "vis", "avi") if step2.field(name).display}


async def _one_call(
    pilot: Pilot[None],
    clock: KeyClock,
    account: CallAccount,
    samples: Samples | None,
    call_ids: list[int],
) -> None:
    """One whole guided call from the softphone back to Disponible (its id to ``call_ids``)."""

    app: SwatApp = pilot.app  # type: ignore[assignment]
    times: dict[str, float] = {}
    await answer_to_reception(pilot, account, call_ids)
    times["llm001"] = await clock.time("enter", "LLM002")
    acks = step2_acks(app)
    await _fill(pilot, **acks, sta="S", request="Factura con un cobro no reconocido", br="1")
    times["llm002"] = await clock.time("enter", "LLM003")
    times["f22"] = await clock.time("f22", "TIP001")
    await _press(pilot, "f12", then="LLM003")
    await _fill(pilot, ok="S")
    times["llm003"] = await clock.time("enter", "TIP001")
    await _fill(pilot, code_in="SAC-FAC-002", res="1")
    times["tip001"] = await clock.time("enter", "LLM008")
    await _fill(pilot, inf="S", bye="S", mas="N", srv="2")
    await _press(pilot, "enter", then="SFT001")
    await _fill(pilot, opt="7")
    await _press(pilot, "enter", then="SFT001")
    if samples is not None:
        for name, elapsed in times.items():
            samples[name].append(elapsed)


async def _bare_keys(pilot: Pilot[None], clock: KeyClock, count: int) -> list[float]:
    """A key bound on a bare screen pushes another bare screen: the baseline."""
    from textual.app import ComposeResult
    from textual.binding import Binding, BindingType
    from textual.screen import Screen
    from textual.widgets import Static

    class BareScreen(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding(BARE_KEY, "push_bare", priority=True)]

        def __init__(self) -> None:
            super().__init__()
            self.ready = asyncio.Event()

        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)

        def on_mount(self) -> None:
            self.ready.set()

        async def action_push_bare(self) -> None:
            screen = BareScreen()
            await self.app.push_screen(screen)
            await screen.ready.wait()

    app = pilot.app
    clock.watch_gc = False
    await app.push_screen(BareScreen())
    times = []
    for index in range(WARM_UP + count):
        elapsed = await clock.time(BARE_KEY, "BareScreen", expect="BARE SCREEN")
        await app.pop_screen()
        await pilot.pause()
        if index >= WARM_UP:
            times.append(elapsed)
    await app.pop_screen()
    return times


@dataclass
class Session:
    """What one Pilot session measured."""

    samples: Samples
    bare: list[float]
    timed: int  # keys timed with the GC watched
    hit: int  # of which had a full collection inside
    objects: int  # objects the GC tracks after the calls


async def _session(
    store: Store, cuentas: list[int], calls: list[CallAccount], count: int, watch: GcWatch
) -> Session:
    """The whole Pilot session: account keys, then the calls, then the baseline."""
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.ui.app import make_app

    settings = Settings(db_url=store.url, seed_demo_accounts=0, frozen=True)
    services = open_services(settings)
    samples: Samples = {name: [] for name, _ in FIGURES}
    call_ids: list[int] = []
    try:
        app = make_app(settings, services)
        async with app.run_test(size=(80, 24)) as pilot:
            clock = KeyClock(pilot, watch)
            await _sign_on(pilot)
            log(f"keys: F7 and F10 on {len(cuentas)} account panels")
            await _account_keys(pilot, clock, cuentas, samples)
            log(f"keys: {len(calls)} guided calls")
            await _press(pilot, "f2", then="SFT001")
            for index, account in enumerate(calls):
                counted = samples if index >= WARM_UP else None
                await _one_call(pilot, clock, account, counted, call_ids)
            objects = len(gc.get_objects())
            await app.navigator.exit_to_menu()
            log(f"keys: {count} bare screens by key (baseline)")
            bare = await _bare_keys(pilot, clock, count)
            app.exit()
        return Session(samples, bare, clock.timed, clock.hit, objects)
    finally:
        if call_ids:
            delete_calls(services.engine, call_ids)
            log(f"keys: deleted the {len(call_ids)} calls the run made")
        services.close()


def _clear_open_calls(store: Store) -> None:
    """Calls of the bench profile left open by an interrupted run: deleted, so none
    rings at sign-on (REC001) and the softphone may take a new one."""
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services

    services = open_services(Settings(db_url=store.url, seed_demo_accounts=0))
    try:
        with services.engine.connect() as connection:
            agent_id = connection.execute(
                text("SELECT id FROM agent WHERE username = :u"), {"u": BENCH_USER}
            ).scalar_one()
        left = [record.id for record in services.calls.interrupted(agent_id)]
        if left:
            log(f"keys: deleting {len(left)} open calls of {BENCH_USER} left by an earlier run")
            delete_calls(services.engine, left)
    finally:
        services.close()


def pick_accounts(store: Store, count: int, rng: random.Random) -> list[CallAccount]:
    """``count`` accounts without blacklist that have a mobile (the number that rings)."""
    from sqlalchemy import create_engine

    engine = create_engine(store.url)
    try:
        drawn = sample_accounts(engine, 3 * count + 20, rng)
        marks = ",".join(str(a.cuenta) for a in drawn)
        with engine.connect() as connection:
            blacklisted = {
                row[0]
                for row in connection.execute(
                    text(f"SELECT cuenta FROM account WHERE blacklist AND cuenta IN ({marks})")
                )
            }
    finally:
        engine.dispose()
    found = [
        CallAccount(a.cuenta, a.phone_mobile)
        for a in drawn
        if a.phone_mobile and a.cuenta not in blacklisted
    ]
    if len(found) < count:
        raise RuntimeError(f"only {len(found)} usable accounts for {count} calls")
    return found[:count]


async def hang_up(pilot: Pilot[None]) -> None:
    """The call ends from the softphone (6 colgar) and its ACW is finished (7)."""
    await _press(pilot, "f2", then="SFT001")
    await _fill(pilot, opt="6")
    await _press(pilot, "enter", then="SFT001")
    await _fill(pilot, opt="7")
    await _press(pilot, "enter", then="SFT001")


def baseline_figures(bench: str, bare: list[float], watch: GcWatch) -> list[Figure]:
    """The bare key's p50 and p95 and the full GC pauses of the timed keys, as the
    branch and support benches report them after their own keys."""
    return [
        Figure(bench, f"key -> bare screen p50 (n={len(bare)})", median(bare), "ms"),
        Figure(bench, f"key -> bare screen p95 (n={len(bare)})", percentile(bare, 0.95), "ms"),
        Figure(
            bench,
            "full GC pauses during the timed keys",
            float(len(watch.pauses_ms)),
            "pauses",
            note=f"max {max(watch.pauses_ms):.0f} ms" if watch.pauses_ms else "none",
        ),
    ]


def key_figures(
    bench: str, labels: tuple[tuple[str, str], ...], samples: Samples, bare: list[float]
) -> list[Figure]:
    """p50 and p95 of each key's samples, against the bare key's (same session)."""
    b50, b95 = median(bare), percentile(bare, 0.95)
    figures = []
    for name, label in labels:
        times = samples[name]
        p50, p95 = median(times), percentile(times, 0.95)
        n = len(times)
        figures += [
            Figure(
                bench,
                f"{label} p50 (n={n})",
                p50,
                "ms",
                baseline=b50,
                baseline_name="bare key p50",
                ratio=ratio(p50, b50),
            ),
            Figure(
                bench,
                f"{label} p95 (n={n})",
                p95,
                "ms",
                goal=f"< {GOAL_P95_MS:g} ms",
                baseline=b95,
                baseline_name="bare key p95",
                ratio=ratio(p95, b95),
                verdict=verdict(p95 < GOAL_P95_MS),
                note=f"max {max(times):.1f} ms",
            ),
        ]
    return figures


def run(store: Store, count: int, calls_count: int) -> list[Figure]:
    """p50/p95 of each key, and of a key pushing a bare screen, in milliseconds."""
    accounts = pick_accounts(store, WARM_UP + count + WARM_UP + calls_count, random.Random(6))
    cuentas = [a.cuenta for a in accounts[: WARM_UP + count]]
    calls = accounts[WARM_UP + count :]
    _clear_open_calls(store)
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        session = asyncio.run(_session(store, cuentas, calls, count, watch))
    finally:
        gc.callbacks.remove(watch)
    bare = session.bare
    b50, b95 = median(bare), percentile(bare, 0.95)
    figures = key_figures("keys", FIGURES, session.samples, bare)
    pauses = watch.pauses_ms
    figures += [
        Figure("keys", f"key -> bare screen p50 (n={len(bare)})", b50, "ms", note="baseline"),
        Figure("keys", f"key -> bare screen p95 (n={len(bare)})", b95, "ms", note="baseline"),
        Figure(
            "keys",
            "full GC pauses during the timed keys",
            float(len(pauses)),
            "pauses",
            note=(
                f"in {session.hit} of {session.timed} keys; max {max(pauses):.0f} ms, "
                f"total {sum(pauses):.0f} ms; {session.objects:,} objects after the calls"
                if pauses
                else f"none; {session.objects:,} objects after the calls"
            ),
        ),
    ]
    return figures
