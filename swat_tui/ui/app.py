"""The Textual application: one factory for the CLI and every test.

The sign-on panel is painted before the store is opened: sqlmodel and the
migrations load in a worker thread, so the agent sees RR at once.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from textual import events
from textual.app import App
from textual.worker import Worker

from swat_tui.config import BOGOTA, Settings
from swat_tui.ui import idle_collector

if TYPE_CHECKING:
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.desk.softphone import Softphone, SoftphoneConfig
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.services import Services
    from swat_tui.ui.call_session import ActiveCall
    from swat_tui.ui.phone_controller import PhoneController
    from swat_tui.ui.screens.call.call_step import CallStepScreen

    CallStepScreenT = TypeVar("CallStepScreenT", bound=CallStepScreen)


class SwatApp(App[None]):
    """RR on a terminal: sign-on first, then the agent's screens."""

    TITLE = "swat-tui"
    ENABLE_COMMAND_PALETTE = False
    CSS = "Screen { background: #000000; }"

    def __init__(self, settings: Settings, services: Services | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.services: Services | None = services
        self.agent: SignedOnAgent | None = None
        self.call: ActiveCall | None = None
        self.phones: PhoneController | None = None
        self.startup_error: str | None = None
        self._store_worker: Worker[None] | None = None
        self.idle_collector = idle_collector.IdleCollector()
        self._call_panels: dict[type[CallStepScreen], CallStepScreen] = {}

    def now(self) -> datetime:
        """The clock in Colombian time, as the header shows it."""
        moment = self.settings.clock()
        return moment.astimezone(BOGOTA) if moment.tzinfo else moment

    async def on_event(self, event: events.Event) -> None:
        """Function keys by binding; editing keys and pastes straight into the field, in order."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            from swat_tui.ui.typeahead import apply_in_order

            self.idle_collector.key_pressed()
            if apply_in_order(self.screen, self.focused, event):
                return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            from swat_tui.ui.typeahead import paste_in_order

            if paste_in_order(self.focused, event):
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        from swat_tui.ui.screens.session.sign_on import SignOnScreen

        self.push_screen(SignOnScreen())
        if self.services is None:
            self._store_worker = self.run_worker(
                self._open_store, thread=True, exclusive=True, group="store", exit_on_error=False
            )
        else:
            self._store_ready(self.services)

    def _open_store(self) -> None:
        from swat_tui.domain.bootstrap import open_services
        from swat_tui.store.errors import StoreError

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

    # -- navigation ---------------------------------------------------------------

    # Navigation is awaited so that keys typed ahead land on the new panel.

    async def signed_on(self, agent: SignedOnAgent) -> None:
        from swat_tui.ui.phone_controller import PhoneController
        from swat_tui.ui.screens.session.main_menu import MainMenuScreen
        from swat_tui.ui.screens.session.recovery import RecoveryScreen

        self.agent = agent
        self.phones = PhoneController(self)
        idle_collector.tune()
        await self.push_screen(MainMenuScreen())
        assert self.services is not None
        interrupted = self.services.calls.interrupted(agent.id)
        if interrupted:
            screen = RecoveryScreen(interrupted)
            await self.push_screen(screen)
            await screen.ready.wait()

    # -- the softphone -------------------------------------------------------------

    @property
    def phone(self) -> Softphone | None:
        return self.phones.phone if self.phones else None

    def phone_config(self) -> SoftphoneConfig:
        assert self.phones is not None
        return self.phones.config

    def phone_status(self) -> str:
        return self.phones.status() if self.phones else ""

    async def phone_action(self, action: str, argument: str) -> str | None:
        """A softphone option; refusals land on row 24 of the current panel."""
        from swat_tui.domain.errors import DomainError
        from swat_tui.ui.screens.base import RRScreen

        assert self.phones is not None
        try:
            return await self.phones.act(action, argument)
        except DomainError as error:
            if isinstance(self.screen, RRScreen):
                self.screen.message(error.message, error=True)
            return None

    def ring(self, ani: str | None = None, queue: str | None = None) -> CallRecord:
        """A call rings now (the practice queue, or a trainer's or test's call)."""
        from swat_tui.ui.screens.base import RRScreen

        assert self.phones is not None
        record = self.phones.ring(ani, queue)
        if isinstance(self.screen, RRScreen):
            self.screen.message(
                f"Llamada entrante de {record.ani} ({record.queue}): F2, 3=Contestar."
            )
            self.screen.paint_header()
        return record

    def resume_phone(self, record: CallRecord) -> None:
        if self.phones is not None:
            self.phones.resumed(record)

    def phone_call_ended(self) -> None:
        if self.phones is not None:
            self.phones.call_ended()

    # -- the call in progress -------------------------------------------------------

    def guide_view(self) -> GuideView:
        """The procedure guide for the call in progress (or an idle one)."""
        from swat_tui.domain.procedure import CallState, load_procedure
        from swat_tui.domain.procedure.guide import guide

        state = self.call.record.state if self.call else CallState()
        view = guide(load_procedure(), state)
        if self.call is None:
            from dataclasses import replace

            view = replace(
                view, next_action="Sin llamada: póngase Disponible en el softphone (F2)."
            )
        return view

    def refresh_guide(self) -> None:
        from swat_tui.ui.screens.base import RRScreen

        if isinstance(self.screen, RRScreen):
            self.screen.refresh_guide()

    def call_changed(self, record: CallRecord) -> None:
        """The call service wrote a change: keep its record."""
        if self.call is not None and self.call.call_id == record.id:
            self.call.record = record

    async def start_call(self, record: CallRecord) -> None:
        """A call was answered: its panels take over, from step 1."""
        from swat_tui.ui.call_session import ActiveCall

        self.call = ActiveCall(record)
        await self.show_call_step()

    async def resume_call(self, record: CallRecord) -> None:
        """Back into a call a crash left open, at the panel of its step."""
        from swat_tui.ui.call_session import ActiveCall

        assert self.services is not None and self.agent is not None
        call = ActiveCall(record)
        if record.cuenta is not None:
            notes_read = record.state.mark_for("notas_f7_leidas", 0) is not None
            call.account = self.services.accounts.open_panel(
                record.cuenta, agent=self.agent.username, notes_read=notes_read
            )
        self.call = call
        self.resume_phone(record)
        await self.show_call_step()

    def call_panel(self, panel_class: type[CallStepScreenT]) -> CallStepScreenT:
        """The panel of a call step, built once and reset each time it is shown again.

        A panel already in the screen stack (under the one on top) cannot be
        shown twice: a new one is built for that rare case.
        """
        kept = self._call_panels.get(panel_class)
        if kept is None:
            screen = panel_class()
            self._call_panels[panel_class] = screen
            self.install_screen(screen, screen.PANEL_ID)
            return screen
        assert isinstance(kept, panel_class)
        if kept in self.screen_stack:
            return panel_class()
        kept.show_again()
        return kept

    async def show_call_step(self) -> None:
        """Show the panel of the call's current step (replacing any call panel on top)."""
        from swat_tui.ui.screens.call.call_panels import panel_class_for_step
        from swat_tui.ui.screens.call.call_step import CallStepScreen
        from swat_tui.ui.screens.session.main_menu import MainMenuScreen

        assert self.call is not None
        panel_class = panel_class_for_step(self.call.record.state.step)
        if isinstance(self.screen, panel_class):
            self.screen.refill()  # the same panel again (e.g. another request)
            return
        if isinstance(self.screen, CallStepScreen):
            # Step to step: replace the panel (no repaint of the menu in between).
            screen = self.call_panel(panel_class)
            await self.switch_screen(screen)
        else:
            while len(self.screen_stack) > 2 and not isinstance(self.screen, MainMenuScreen):
                await self.pop_screen()
            screen = self.call_panel(panel_class)
            await self.push_screen(screen)
        await screen.ready.wait()

    async def call_ended(self) -> None:
        """The procedure closed the call: after-call work starts on the softphone."""
        from swat_tui.ui.screens.session.softphone import SoftphoneScreen

        self.call = None
        self.phone_call_ended()
        await self.exit_to_menu()
        screen = SoftphoneScreen()
        await self.push_screen(screen)
        await screen.ready.wait()
        screen.message("Llamada terminada y registrada. Complete el ACW (opción 7).")

    async def sign_off(self) -> None:
        """Back to the sign-on panel, forgetting the agent."""
        from swat_tui.ui.screens.session.sign_on import SignOnScreen

        self.agent = None
        self.phones = None
        self.call = None
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(SignOnScreen())
        await self._drop_call_panels()

    async def _drop_call_panels(self) -> None:
        """The next agent gets new call panels (nothing of this session stays on screen)."""
        panels = list(self._call_panels.values())
        self._call_panels.clear()
        for screen in panels:
            self.uninstall_screen(screen)
            if screen.is_running:
                await screen.remove()

    async def exit_to_menu(self) -> None:
        """F3: close the current function and show the main menu again."""
        from swat_tui.ui.screens.session.main_menu import MainMenuScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, MainMenuScreen):
            await self.pop_screen()


def make_app(settings: Settings, services: Services | None = None) -> SwatApp:
    """Build the app; tests pass ready services, the CLI lets the app open the store."""
    return SwatApp(settings, services)


def run_tui(settings: Settings) -> int:
    """Run the app in this terminal; print any start-up error and return the exit code."""
    app = make_app(settings)
    app.run()
    if app.startup_error:
        print(f"swat: error: {app.startup_error}", file=sys.stderr)
    return app.return_code or 0
