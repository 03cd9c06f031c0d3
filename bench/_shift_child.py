"""Child process for the long-shift benchmark: one app run, driven by keys only.

Usage: ``python _shift_child.py swat JSON`` or ``python _shift_child.py bare JSON``.
JSON holds ``cuentas`` (one per round of account panels), ``opens``, ``block``,
and for ``swat`` also ``url``, ``user``, ``password``, ``call_cuentas`` (one per
practice call) and ``trace`` (tracemalloc frames, 0: off).

``swat`` runs the real app (``make_app`` + ``App.run(headless=True)``, the
store opened by the app as in the CLI) with ``ring_delay`` 0.05 s so the
practice queue rings as soon as the agent is Disponible (its calls come from
a seeded ``random.Random``: the same store gives the same calls). It signs on
through SGN001, then opens panels by keys in rounds of four (menu option 1 ->
CTA010, a cuenta and Intro -> CTA001, F7 -> NTS001, F12, F10 -> INV001, F12,
F3), then takes the practice calls through the softphone and the guided
procedure. ``bare`` runs a plain Textual app that opens and closes the same
number of screens by keys, in the same pattern. Both read the current RSS at
sign-on, after every ``block`` panel opens and (``swat``) after the calls,
once the idle-time collection after the last key has run; and they time every
key that brings a panel up, counting the full collections inside those keys.
At the end they print one JSON line.

The screens are followed by what they show (the panel id on row 1, the
softphone state on row 2) and typed into through Tab and keys, as an agent
does, so the run depends on the app's internals as little as possible.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import tracemalloc

    from textual.app import App
    from textual.pilot import Pilot

    from bench.keys import KeyClock
    from bench.panel import GcWatch

PROJECT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 15.0
# Disponible to the next practice call. Not 0: a Textual timer of 0 s divides by
# its interval and never fires (textual/timer.py, Timer._run), so no call would ring.
RING_DELAY_S = 0.05
TOP_LINES = 25  # allocation sites listed in a trace report
TOP_TRACEBACKS = 8  # of which with their whole call stack
TOP_TYPES = 25  # object types listed by growth


class Shift:
    """What one run measured: the marks, the key times and the trace, if any."""

    def __init__(self, watch: GcWatch) -> None:
        self.watch = watch
        self.started = time.perf_counter()
        self.marks: list[dict[str, Any]] = []
        self.keys_ms: dict[str, list[float]] = {}  # stage -> times of its timed keys
        self.gc_in_keys: list[dict[str, Any]] = []  # the full collections inside them
        self.stage = "sign_on"
        self.trace: dict[str, Any] = {}
        self._snapshot: tracemalloc.Snapshot | None = None
        self._census: Counter[str] = Counter()

    async def time(self, clock: KeyClock, key: str, target: str, expect: str | None = None) -> None:
        """A timed key (``bench.keys.KeyClock``), its time kept under the current stage."""
        pauses = len(self.watch.pauses_ms)
        elapsed = await clock.time(key, target, expect)
        self.keys_ms.setdefault(self.stage, []).append(elapsed)
        for pause in self.watch.pauses_ms[pauses:]:  # a full collection inside this key
            self.gc_in_keys.append(
                {"stage": self.stage, "key": key, "target": target, "ms": pause, "key_ms": elapsed}
            )

    def mark(self, stage: str, panels: int, calls: int = 0) -> None:
        """Memory now (the caller waits for the idle-time collection first); the keys
        timed after it are kept under ``after_<stage>``."""
        from bench._memory_child import _status_kb

        mark: dict[str, Any] = {
            "stage": stage,
            "panels": panels,
            "calls": calls,
            # Current RSS first: the census below allocates a list of every object.
            "rss_kb": _status_kb("VmRSS:"),
            "anon_kb": _status_kb("RssAnon:"),
            "file_kb": _status_kb("RssFile:"),
            "shmem_kb": _status_kb("RssShmem:"),
            "hwm_kb": _status_kb("VmHWM:"),
            "blocks": sys.getallocatedblocks(),
            "full_gcs": gc.get_stats()[2]["collections"],
            "seconds": time.perf_counter() - self.started,
        }
        mark["objects"] = len(gc.get_objects())
        self.marks.append(mark)
        self.stage = f"after_{stage}"
        log(
            f"{stage}: RSS {mark['rss_kb'] / 1024:.1f} MiB, {mark['objects']:,} objects, "
            f"{mark['seconds']:.0f} s"
        )

    def report(self) -> dict[str, Any]:
        """The JSON line for the parent (``bench/shift.py``)."""
        from bench._memory_child import peak_kb

        pauses = self.watch.pauses_ms
        return {
            "peak_kb": peak_kb(),
            "marks": self.marks,
            "keys_ms": self.keys_ms,
            "gc_in_keys_ms": pauses,
            "gc_in_keys": self.gc_in_keys,
            "trace": self.trace,
        }

    # -- tracemalloc and the object census (--diagnose) --------------------------------

    def start_trace(self, frames: int) -> None:
        """From sign-on on: start-up allocations are not what a shift grows."""
        import tracemalloc

        tracemalloc.start(frames)

    def trace_point(self, label: str, final: bool) -> None:
        """Snapshot the heap and count objects by type; at ``final``, diff with the first."""
        import tracemalloc

        if not tracemalloc.is_tracing():
            return
        snapshot = tracemalloc.take_snapshot().filter_traces(
            (
                tracemalloc.Filter(False, tracemalloc.__file__),
                tracemalloc.Filter(False, "<frozen importlib._bootstrap*>"),
                tracemalloc.Filter(False, "<unknown>"),
            )
        )
        census = Counter(_type_name(o) for o in gc.get_objects())
        if self._snapshot is None:
            self._snapshot, self._census = snapshot, census
            self.trace["from"] = label
            return
        if not final:
            return
        self.trace["to"] = label
        self.trace["traced_kb"] = [kb // 1024 for kb in tracemalloc.get_traced_memory()]
        by_line = snapshot.compare_to(self._snapshot, "lineno")
        self.trace["total_diff_kb"] = sum(s.size_diff for s in by_line) / 1024
        self.trace["lines"] = [
            {
                "site": f"{_short(s.traceback[0].filename)}:{s.traceback[0].lineno}",
                "size_diff_kb": s.size_diff / 1024,
                "count_diff": s.count_diff,
                "size_kb": s.size / 1024,
            }
            for s in by_line[:TOP_LINES]
        ]
        by_stack = snapshot.compare_to(self._snapshot, "traceback")
        self.trace["stacks"] = [
            {
                "size_diff_kb": s.size_diff / 1024,
                "count_diff": s.count_diff,
                # Innermost frame first.
                "frames": [f"{_short(f.filename)}:{f.lineno}" for f in reversed(list(s.traceback))],
            }
            for s in by_stack[:TOP_TRACEBACKS]
        ]
        grown = census.copy()
        grown.subtract(self._census)
        self.trace["types"] = [
            {"type": name, "diff": diff, "count": census[name]}
            for name, diff in grown.most_common(TOP_TYPES)
        ]


def _type_name(obj: object) -> str:
    """Module and class: ``Strip`` of Textual and of another package must not merge."""
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"


def _short(filename: str) -> str:
    """A path from the package on: ``textual/...``, ``swat_tui/...``."""
    parts = Path(filename).parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    try:
        return str(Path(filename).relative_to(PROJECT))
    except ValueError:
        return filename


def log(message: str) -> None:
    """Progress on stderr (the parent keeps it, and shows it if the child fails)."""
    print(f"[shift child] {message}", file=sys.stderr, flush=True)


# -- driving by keys ---------------------------------------------------------------------


def screen_text(app: App[None]) -> str:
    """The 24 rows the agent reads (an RR panel's canvas), or '' on another screen."""
    canvas = getattr(getattr(app.screen, "panel", None), "canvas", None)
    plain = getattr(canvas, "plain", None)
    return str(plain()) if callable(plain) else ""


def panel_id(app: App[None]) -> str:
    """The panel id written on row 1."""
    rows = screen_text(app).splitlines()
    return rows[0].split()[0] if rows and rows[0].split() else type(app.screen).__name__


async def until(
    pilot: Pilot[None], what: str, ready: Callable[[], bool], timeout: float = TIMEOUT_S
) -> None:
    """Let the app run until ``ready()``; an error saying what was awaited if it never is."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            rows = screen_text(pilot.app).splitlines()
            raise RuntimeError(
                f"waited {timeout:g} s for {what}: on {panel_id(pilot.app)}, "
                f"row 24 {(rows[-1] if rows else '').strip()!r}"
            )
        await pilot.pause()


async def on_panel(pilot: Pilot[None], panel: str) -> None:
    """Wait for a panel the agent did not time (sign-on, the menu after it)."""
    await until(pilot, panel, lambda: panel_id(pilot.app) == panel)


def _key_name(char: str) -> str:
    """The key that types ``char`` (``Pilot.press``'s naming: ' ' is 'space')."""
    from textual.keys import _character_to_key

    return _character_to_key(char) if len(char) == 1 and not char.isalnum() else char


async def keys(pilot: Pilot[None], *names: str) -> None:
    """Keys typed ahead, in order, as an agent types; then let the app take them in."""
    from bench.keys import _post_key

    for name in names:
        _post_key(pilot.app, name)  # type: ignore[arg-type]
    await pilot.pause()


async def type_into(pilot: Pilot[None], name: str, text: str) -> None:
    """Tab to the input field ``name`` (Tab selects its value) and type ``text`` over it.

    The Tabs needed are counted on the screen's focus order, which holds only
    the fields shown (e.g. LLM002's checks that apply to the account).
    """
    from swat_tui.ui.widgets.rr_field import RRField

    app = pilot.app
    chain = [w for w in app.screen.focus_chain if isinstance(w, RRField)]
    field = next((w for w in chain if w.id == f"field-{name}"), None)
    if field is None:
        raise RuntimeError(f"{panel_id(app)} has no field {name!r} to type into")
    moves: list[str] = []
    if app.focused is field:
        if field.value:  # the cursor is on it but nothing selected: Tab out and back in
            moves = (
                ["shift+tab", "tab"]
                if len(chain) > 1
                else ["end"] + ["backspace"] * len(field.value)
            )
    else:
        start = chain.index(app.focused) if app.focused in chain else -1
        target = chain.index(field)
        moves = ["tab"] * (target + 1 if start < 0 else (target - start) % len(chain))
    await keys(pilot, *moves, *(_key_name(char) for char in text))
    await until(pilot, f"{text!r} in {name}", lambda: field.value == text)


def fields_shown(pilot: Pilot[None]) -> set[str]:
    """Names of the input fields the cursor can reach on the current panel."""
    from swat_tui.ui.widgets.rr_field import RRField

    chain = pilot.app.screen.focus_chain
    return {str(w.id).removeprefix("field-") for w in chain if isinstance(w, RRField)}


def phone_state(pilot: Pilot[None]) -> str:
    """Row 2 of the panel: the agent, the softphone state and its timer."""
    rows = screen_text(pilot.app).splitlines()
    return rows[1] if len(rows) > 1 else ""


# -- the real app ---------------------------------------------------------------------------


async def sign_on(pilot: Pilot[None], spec: dict[str, Any]) -> None:
    """SGN001, untimed: signing on collects and freezes the heap (``idle_collector.tune``)
    on purpose, a full collection that is not a panel's."""
    await on_panel(pilot, "SGN001")
    await type_into(pilot, "user", spec["user"])
    await type_into(pilot, "password", spec["password"])
    await keys(pilot, "enter")
    await on_panel(pilot, "MNU001")


async def account_round(pilot: Pilot[None], shift: Shift, clock: KeyClock, cuenta: int) -> None:
    """Four panel opens from the menu and back: CTA010, CTA001, NTS001, INV001."""
    await type_into(pilot, "option", "1")
    await shift.time(clock, "enter", "CTA010")
    await type_into(pilot, "value", str(cuenta))
    await shift.time(clock, "enter", "CTA001", expect=str(cuenta))
    await shift.time(clock, "f7", "NTS001")
    await shift.time(clock, "f12", "CTA001")
    await shift.time(clock, "f10", "INV001")
    await shift.time(clock, "f12", "CTA001")
    await shift.time(clock, "f3", "MNU001")


async def practice_call(pilot: Pilot[None], shift: Shift, clock: KeyClock, cuenta: int) -> None:
    """One practice call from the ring to the end of its after-call work.

    The cuenta is typed on LLM001 over whatever the calling number found
    (the queue also sends unknown numbers, shared ones and blacklisted
    accounts), so every call takes the same path through the procedure.
    """
    await until(pilot, "a call ringing", lambda: "TIMBRANDO" in phone_state(pilot))
    await type_into(pilot, "opt", "3")
    await shift.time(clock, "enter", "LLM001")
    await type_into(pilot, "wel", "S")
    await type_into(pilot, "caller_name", "Ana Banco")
    await type_into(pilot, "caller_document", "52123456")
    await type_into(pilot, "rel", "1")
    await type_into(pilot, "cuenta", str(cuenta))
    await shift.time(clock, "enter", "LLM002")
    shown = fields_shown(pilot)
    for check in ("pqr", "vis", "avi", "sta"):  # every flag that applies to the account
        if check in shown:
            await type_into(pilot, check, "S")
    await type_into(pilot, "request", "Factura con un cobro no reconocido")
    await type_into(pilot, "br", "1")
    await shift.time(clock, "enter", "LLM003")
    await type_into(pilot, "ok", "S")
    await shift.time(clock, "f22", "TIP001")
    await type_into(pilot, "o_0", "1")  # choose the first code listed for the branch
    await keys(pilot, "enter")
    await until(pilot, "a code chosen", lambda: "Código" in screen_text(pilot.app).splitlines()[-1])
    await shift.time(clock, "enter", "LLM003")  # typified: back to the branch step
    await type_into(pilot, "ok", "S")
    await shift.time(clock, "enter", "TIP001")
    await shift.time(clock, "enter", "LLM008")  # already typified: on to the closing
    await type_into(pilot, "inf", "S")
    await type_into(pilot, "mas", "N")
    await type_into(pilot, "bye", "S")
    await type_into(pilot, "srv", "2")
    await shift.time(clock, "enter", "SFT001")
    await type_into(pilot, "opt", "7")  # ACW done: Disponible, and the queue rings again
    await keys(pilot, "enter")
    await until(pilot, "the ACW finished", lambda: "ACW" not in phone_state(pilot))


def run_swat(spec: dict[str, Any]) -> Shift:
    """The real app through a shift: sign-on, the panel opens, then the calls."""
    from bench.keys import KeyClock
    from bench.panel import GcWatch
    from swat_tui.config import Settings
    from swat_tui.ui.app import make_app

    settings = Settings(db_url=spec["url"], seed_demo_accounts=0, ring_delay=RING_DELAY_S)
    app = make_app(settings)
    watch = GcWatch()
    shift = Shift(watch)
    block, opens = spec["block"], spec["opens"]

    async def drive(pilot: Pilot[Any]) -> None:  # what App.run hands its auto-pilot
        clock = KeyClock(pilot, watch)
        await sign_on(pilot, spec)
        await app.idle_collector.settled()
        shift.mark("sign_on", 0)
        if spec["trace"]:
            shift.start_trace(spec["trace"])
        panels = 0
        for cuenta in spec["cuentas"]:
            await account_round(pilot, shift, clock, cuenta)
            panels += 4
            if panels % block == 0:
                await app.idle_collector.settled()
                shift.mark(f"panels_{panels}", panels)
                shift.trace_point(f"panels_{panels}", final=panels >= opens)
        await shift.time(clock, "f2", "SFT001")
        await type_into(pilot, "opt", "1")  # Disponible: the practice queue rings at once
        await keys(pilot, "enter")
        for index, cuenta in enumerate(spec["call_cuentas"]):
            await practice_call(pilot, shift, clock, cuenta)
            if (index + 1) % 10 == 0:
                log(f"{index + 1} calls")
        await app.idle_collector.settled()
        shift.mark("calls", panels, len(spec["call_cuentas"]))
        app.exit()

    gc.callbacks.append(watch)
    try:
        app.run(headless=True, size=(80, 24), auto_pilot=drive)
    finally:
        gc.callbacks.remove(watch)
    if app.startup_error:
        raise SystemExit(f"start-up error: {app.startup_error}")
    if not shift.marks or shift.marks[-1]["stage"] != "calls":
        raise SystemExit("the shift did not run to its end (see the messages above)")
    return shift


# -- the baseline ---------------------------------------------------------------------------


def run_bare(spec: dict[str, Any]) -> Shift:
    """A plain Textual app opening as many screens by keys, in the same pattern.

    It gets the app's garbage-collection regime (``idle_collector.tune`` and
    a collection once a screen has closed) and its work-around for Textual's
    style cache (``textual_workarounds``), so what it keeps is Textual's own.
    """
    from textual.app import App, ComposeResult
    from textual.binding import Binding, BindingType
    from textual.screen import Screen
    from textual.widgets import Static

    from bench.keys import KeyClock
    from bench.panel import BARE_TEXT, GcWatch
    from swat_tui.ui import idle_collector
    from swat_tui.ui.textual_workarounds import release_dead_widget_caches

    class BareScreen(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [
            Binding("f7", "open", priority=True),
            Binding("f12", "back", priority=True),
            Binding("f3", "home", priority=True),
        ]

        def __init__(self) -> None:
            super().__init__()
            self.ready = asyncio.Event()

        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)

        def on_mount(self) -> None:
            self.ready.set()

        def on_unmount(self) -> None:
            release_dead_widget_caches()  # the app's work-around for Textual's style cache
            collector.panel_closed()

        async def action_open(self) -> None:
            screen = BareScreen()
            await self.app.push_screen(screen)
            await screen.ready.wait()

        async def action_back(self) -> None:
            await self.app.pop_screen()

        async def action_home(self) -> None:
            while not isinstance(self.app.screen, BareHome):
                await self.app.pop_screen()

    class BareHome(BareScreen):
        """The menu of the bare app."""

    class BareApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(BareHome())

    # No agent reads a bare screen: collect as soon as one closed (the app waits 0.25 s).
    collector = idle_collector.IdleCollector(delay=0.0)
    app = BareApp()
    app.idle_collector = collector  # type: ignore[attr-defined]  # what KeyClock waits on
    watch = GcWatch()
    shift = Shift(watch)
    block = spec["block"]
    bare = "BARE SCREEN"

    async def drive(pilot: Pilot[Any]) -> None:  # what App.run hands its auto-pilot
        clock = KeyClock(pilot, watch)
        clock.watch_gc = False  # the figure is about the app's keys
        await until(pilot, "BareHome", lambda: isinstance(app.screen, BareHome))
        idle_collector.tune()
        shift.mark("sign_on", 0)
        panels = 0
        for _ in spec["cuentas"]:
            for key, target in (
                ("f7", "BareScreen"),
                ("f7", "BareScreen"),
                ("f7", "BareScreen"),
                ("f12", "BareScreen"),
                ("f7", "BareScreen"),
                ("f12", "BareScreen"),
                ("f3", "BareHome"),
            ):
                await shift.time(clock, key, target, expect=bare)
            panels += 4
            if panels % block == 0:
                await collector.settled()
                shift.mark(f"panels_{panels}", panels)
        app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=drive)
    return shift


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))  # the bench package, for its helpers
    spec = json.loads(sys.argv[2])
    shift = run_bare(spec) if sys.argv[1] == "bare" else run_swat(spec)
    print(json.dumps(shift.report()), flush=True)
