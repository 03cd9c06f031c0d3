"""The Textual application: one factory for the CLI and every test.

The sign-on panel is painted before the store is opened: sqlmodel and the
migrations load in a worker thread, so the agent sees RR at once.

After sign-on the agent's ``Desk`` (the domain) owns the softphone and the
call; the app only navigates between panels and relays the desk's changes to
the screens through ``desk_signal`` (each panel subscribes to it).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import Worker

from swat_tui.config import BOGOTA, Settings
from swat_tui.ui import idle_collector
from swat_tui.ui.guard import guarded
from swat_tui.ui.navigation import build
from swat_tui.ui.navigator import ESPEJO, MAIN, Navigator
from swat_tui.ui.textual_workarounds import OneLineFatalError, show_terminal_cursor

if TYPE_CHECKING:
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.desk.desk import Desk, DeskChange
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.services import Services
    from swat_tui.domain.supervisor.desk import SupervisorDesk
    from swat_tui.ui.host import PanelHost
    from swat_tui.ui.keymap import UserKeymap
    from swat_tui.ui.screens.base import RRScreen
    from swat_tui.ui.training_host import TrainingHost

MIN_RING_DELAY_S = 0.05
# The presence heartbeat looks every second whether a beat is due, and beats in a
# pause of the agent's keys of at least this long.
BEAT_TICK_S = 1.0
BEAT_QUIET_S = 0.5
CERTIFICATION_NEXT = "Certificación: sin guía."
POLL_S = 2.0  # how often a trainee's terminal looks for an assigned scenario


def _main_base() -> Screen[None]:
    """The main session's bottom screen (black); the sign-on panel goes over it."""
    return Screen(id="main-base")


def _espejo_panel() -> RRScreen:
    return build("MNU001")  # the Espejo's stack starts at its menu


class SwatApp(OneLineFatalError, App[None]):
    """RR on a terminal: sign-on first, then the agent's screens.

    Two sessions, as Textual modes with a panel stack each: the main one and
    the Espejo (F14); the ``navigator`` moves between them and their panels.
    """

    TITLE = "swat-tui"
    # The main session is the default mode: Textual starts it with its default
    # screen and no stylesheet refresh (a mode of MODES, or a switch at start-up,
    # cost 7-18 ms of the first paint); it is registered once mounted, to come
    # back to from the Espejo.
    DEFAULT_MODE = MAIN
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {ESPEJO: _espejo_panel}
    ENABLE_COMMAND_PALETTE = False
    CSS = "Screen { background: #000000; }"

    def __init__(
        self,
        settings: Settings,
        services: Services | None = None,
        keymap: UserKeymap | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        # The agent's own keys for RR keys their terminal swallows (README: keymap).
        self.keymap: UserKeymap | None = keymap
        if keymap is not None:
            self.set_keymap(keymap.bindings)
        self.services: Services | None = services
        self.desk: Desk | None = None
        self.supervisor: SupervisorDesk | None = None  # the supervisor's functions (USR001)
        self.desk_signal: Signal[DeskChange] = Signal(self, "desk")
        self.startup_error: str | None = None
        self._store_worker: Worker[None] | None = None
        self._heartbeat: Timer | None = None  # the signed-on session's presence heartbeat
        self._beat_period = 0.0
        self._last_beat = self._last_key = self._last_poll = 0.0  # time.monotonic() of each
        self.idle_collector = idle_collector.IdleCollector()
        self._navigator = Navigator(self, lambda: self.desk)
        self.training: TrainingHost | None = None  # trainer mode, for asesores and formadores
        # Errors nobody foresaw, caught by ``guard`` and shown on row 24 (the explorer
        # of tests/explorer fails on any).
        self.unexpected_errors: list[str] = []

    @property
    def agent(self) -> SignedOnAgent | None:
        return self.desk.agent if self.desk else None

    def now(self) -> datetime:
        """The clock in Colombian time, as the header shows it."""
        moment = self.settings.clock()
        return moment.astimezone(BOGOTA) if moment.tzinfo else moment

    @guarded
    async def on_event(self, event: events.Event) -> None:
        """Function keys by binding; editing keys and pastes straight into the field, in order."""
        if isinstance(event, events.CursorPosition) and not self.is_inline:
            from swat_tui.ui.textual_workarounds import f3_key_from_cursor_report

            key = f3_key_from_cursor_report(event.x, event.y)
            if key is not None:
                event = events.Key(key, None)  # Shift+F3 (F15), read as a cursor report
        if isinstance(event, events.Key) and not event.is_forwarded:
            from swat_tui.ui.screens.base import RRScreen

            self._last_key = time.monotonic()
            from swat_tui.ui.typeahead import apply_in_order

            self.idle_collector.key_pressed()
            screen = self.screen
            if isinstance(screen, RRScreen) and screen.chords.pending:
                await screen.chord_key(event.key)  # the next key completes or breaks it
                return
            if apply_in_order(self.screen, self.focused, event):
                return
            if isinstance(screen, RRScreen) and screen.refuse_key(event.key):
                return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            from swat_tui.ui.typeahead import paste_in_order

            if paste_in_order(self.focused, event):
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        if self.is_web:  # a tab of `swat serve`: end with the server, even a killed one
            from swat_tui.ui.parent_watch import watch_parent

            watch_parent(self._server_gone)
        self._show_terminal_cursor()
        self.add_mode(MAIN, _main_base)
        self.push_screen(self.navigator.build("SGN001"))
        if self.services is None:
            self._store_worker = self.run_worker(
                self._open_store, thread=True, exclusive=True, group="store", exit_on_error=False
            )
        else:
            self._store_ready(self.services)

    def _server_gone(self) -> None:
        """From the parent watch's thread: exit as a closed tab does (the call stays
        open for REC001); an app already ending has nothing left to do."""
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self.exit)

    def show_error(self, text: str) -> None:
        """Row 24 of the panel in front, as an error (the guard's one line)."""
        from swat_tui.ui.screens.base import RRScreen

        try:
            screen = self.screen
        except Exception:  # no screen yet, or the app is closing
            return
        if isinstance(screen, RRScreen):
            screen.message(text, error=True)

    def fatal_error_report(self) -> None:
        """The last resort if an error escapes every guarded handler: Textual's crash
        report prints the handler's locals (personal data, a password typed), so the
        report is one line naming the error log instead (textual_workarounds)."""
        from rich.text import Text

        from swat_tui.error_log import log_unexpected

        error = sys.exc_info()[1]
        path = log_unexpected(error, where="textual") if error is not None else None
        detail = f"; detalle en {path}" if path is not None else ""
        self.bell()
        self.panic(Text(f"swat: error: Error inesperado{detail}."))

    def _show_terminal_cursor(self) -> None:
        """Textual hides the terminal's cursor; a 5250 emulator shows it where typing
        goes, and the fields place it there (``RRField``)."""
        if not self.is_headless:
            show_terminal_cursor(self)

    def _open_store(self) -> None:
        from swat_tui.domain.bootstrap import StoreError, open_services

        try:
            services = open_services(self.settings)
        except StoreError as error:
            self.call_from_thread(self._fail, str(error))
            return
        self.call_from_thread(self._store_ready, services)

    def _store_ready(self, services: Services) -> None:
        """The store is open: long-lived objects now exist, so tune the collector."""
        self.services = services
        idle_collector.tune()

    def _fail(self, reason: str) -> None:
        self.startup_error = reason
        self.exit(return_code=2)

    async def wait_for_store(self) -> Services | None:
        """The services, once the worker that opens the store is done."""
        if self.services is None and self._store_worker is not None:
            await self._store_worker.wait()
        return self.services

    # -- the desk ---------------------------------------------------------------------

    async def signed_on(self, agent: SignedOnAgent) -> None:
        """The agent's desk opens; calls a crash left open are offered first."""
        from swat_tui.domain.desk.desk import Desk
        from swat_tui.domain.desk.sources import PracticeSource
        from swat_tui.domain.supervisor.desk import SupervisorDesk

        assert self.services is not None
        source = PracticeSource(
            self.services.engine,
            seed=self.settings.practice_queue_seed(),
            agent_id=agent.id,
            fixed_delay=self.settings.ring_delay,
        )
        self.desk = Desk(self.services, agent, source)
        self.supervisor = SupervisorDesk(self.services, agent)
        self.desk.subscribe(self._desk_changed)
        self._open_training(agent)
        self._start_heartbeat()
        idle_collector.tune()
        await self.navigator.desk_opened(self.desk.interrupted(), notice=agent.notice)

    def _open_training(self, agent: SignedOnAgent) -> None:
        """Trainer mode for asesores and formadores: the training store opens in a
        worker (a first use builds its demo), so sign-on never waits for it."""
        from swat_tui.ui.training_host import TRAINING_ROLES, TrainingHost

        if agent.role not in TRAINING_ROLES:
            self.training = None
            return
        self.training = TrainingHost(self)
        if self.settings.frozen:
            return  # test runs open it when the test needs it (a demo build per test)
        opener = self.training.open_store
        self.run_worker(opener, thread=True, group="training", exit_on_error=False)

    def _start_heartbeat(self) -> None:
        """Every few seconds (data/presence.toml) the session tells the store it is
        alive, in a worker thread, and only in a pause of the agent's typing (a write
        beside a key's own would slow that key): a beat waits for half a second
        without a key, but never longer than three periods (the row goes stale after
        several)."""
        from swat_tui.domain.presence import presence_config

        if self._heartbeat is not None:
            self._heartbeat.stop()
        self._beat_period = presence_config().heartbeat.total_seconds()
        self._last_beat = time.monotonic()
        self._heartbeat = self.set_interval(BEAT_TICK_S, self._beat, name="presence-heartbeat")

    def _beat(self) -> None:
        """One heartbeat when due and the keys pause; a busy store or a failed write is
        skipped, never shown: the next one tries again."""
        desk = self.desk
        now = time.monotonic()
        self._poll_training(now)
        since_beat = now - self._last_beat
        if desk is None or since_beat < self._beat_period:
            return
        typing = now - self._last_key < BEAT_QUIET_S
        if typing and since_beat < 3 * self._beat_period:
            return
        self._last_beat = now
        self.run_worker(desk.heartbeat, thread=True, group="presence", exit_on_error=False)
        training = self.training
        if training is not None and training.real_desk is not None and training.active:
            real = training.real_desk  # its presence stays alive while training
            self.run_worker(real.heartbeat, thread=True, group="presence", exit_on_error=False)

    def _poll_training(self, now: float) -> None:
        """Every few seconds, outside the agent's typing: a scenario a trainer assigned
        rings (frozen test runs poll when the test says)."""
        training = self.training
        if training is None or self.settings.frozen or now - self._last_poll < POLL_S:
            return
        if now - self._last_key < BEAT_QUIET_S:
            return
        self._last_poll = now
        training.poll()

    def relay_desk_change(self, change: DeskChange) -> None:
        """A training desk's change, told as the real desk's are (bell, panels)."""
        self._desk_changed(change)

    @guarded
    def _desk_changed(self, change: DeskChange) -> None:
        """The desk changed: bell on a ring, the next practice call scheduled, panels told."""
        if change.kind == "ringing":
            self.bell()
        if change.kind == "phone":
            self._schedule_ring()
        self.desk_signal.publish(change)

    def _schedule_ring(self) -> None:
        """In Disponible, the call source rings after its delay (tests ring explicitly)."""
        desk = self.desk
        if desk is None or not desk.wants_ring or self.settings.frozen:
            return
        delay = desk.source.ring_delay()
        if delay is not None:
            # Textual's timer cannot take 0 s (SWAT_RING_DELAY=0 never rang).
            self.set_timer(max(delay, MIN_RING_DELAY_S), self._ring_if_available)

    @guarded
    def _ring_if_available(self) -> None:
        if self.training is not None and self.training.poll():
            return  # an assigned scenario rings ahead of a practice call
        if self.desk is not None:
            self.desk.ring_if_available()

    def status_line(self) -> str:
        """Row 2's softphone state (empty before sign-on)."""
        return self.desk.status_line(self.now()) if self.desk else ""

    def guide_view(self, typed: frozenset[str] = frozenset()) -> GuideView:
        """The procedure guide for the call in progress (or an idle one); ``typed``
        names the checks the panel in front holds typed, waiting for Intro."""
        from swat_tui.domain.desk.softphone import IDLE_NEXT, AgentState
        from swat_tui.domain.procedure import CallState, load_procedure
        from swat_tui.domain.procedure.guide import GuideView, guide

        active = self.desk.active if self.desk else None
        if self.training is not None and self.training.certification:
            return GuideView((), CERTIFICATION_NEXT)  # a certification shows no guide
        state = active.record.state if active else CallState()
        view = guide(load_procedure(), state, typed)
        if active is None:
            from dataclasses import replace

            idle = self.desk.phone.next_action if self.desk else IDLE_NEXT[AgentState.AUX]
            view = replace(view, next_action=idle)
        return view

    # -- navigation: the navigator's ------------------------------------------------------

    @property
    def navigator(self) -> Navigator:
        """Opens panels by id, keeps the call's panels, shows the call's step."""
        return self._navigator

    async def sign_off(self) -> None:
        """Back to the sign-on panel, forgetting the agent."""
        if self._heartbeat is not None:
            self._heartbeat.stop()
            self._heartbeat = None
        if self.training is not None:
            self.training.leave()
            self.training = None
        self.desk = None
        self.supervisor = None
        await self.navigator.back_to_sign_on(_espejo_panel)


def make_app(
    settings: Settings, services: Services | None = None, keymap: UserKeymap | None = None
) -> SwatApp:
    """Build the app; tests pass ready services (and no user keymap), the CLI lets the
    app open the store and passes the agent's keymap."""
    return SwatApp(settings, services, keymap)


if TYPE_CHECKING:

    def _as_host(app: SwatApp) -> PanelHost:
        """The app is what its panels are typed against (mypy checks it here)."""
        return app


def run_tui(settings: Settings) -> int:
    """Run the app in this terminal; print any start-up error and return the exit code."""
    from swat_tui.ui.keymap import KeymapError, load_keymap

    try:
        keymap = load_keymap()
    except KeymapError as error:
        print(f"swat: error: {error}", file=sys.stderr)
        return 2
    app = make_app(settings, keymap=keymap)
    app.run()
    if app.startup_error:
        print(f"swat: error: {app.startup_error}", file=sys.stderr)
    return app.return_code or 0
