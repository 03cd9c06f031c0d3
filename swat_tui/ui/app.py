"""The Textual application: one factory for the CLI and every test.

The sign-on panel is painted before the store is opened: sqlmodel and the
migrations load in a worker thread, so the agent sees RR at once.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.worker import Worker

from swat_tui.config import BOGOTA, Settings

if TYPE_CHECKING:
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.services import Services


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
        self.startup_error: str | None = None
        self._store_worker: Worker[None] | None = None

    def now(self) -> datetime:
        """The clock in Colombian time, as the header shows it."""
        moment = self.settings.clock()
        return moment.astimezone(BOGOTA) if moment.tzinfo else moment

    async def on_event(self, event: events.Event) -> None:
        """Keys: function keys by binding, editing keys straight into the field, in order."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            from swat_tui.ui.typeahead import apply_in_order

            if apply_in_order(self.screen, self.focused, event):
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        from swat_tui.ui.screens.sign_on import SignOnScreen

        self.push_screen(SignOnScreen())
        if self.services is None:
            self._store_worker = self.run_worker(
                self._open_store, thread=True, exclusive=True, group="store", exit_on_error=False
            )

    def _open_store(self) -> None:
        from swat_tui.domain.bootstrap import open_services
        from swat_tui.store.errors import StoreError

        try:
            services = open_services(self.settings)
        except StoreError as error:
            self.call_from_thread(self._fail, str(error))
            return
        self.call_from_thread(setattr, self, "services", services)

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
        from swat_tui.ui.screens.main_menu import MainMenuScreen

        self.agent = agent
        await self.push_screen(MainMenuScreen())

    async def sign_off(self) -> None:
        """Back to the sign-on panel, forgetting the agent."""
        from swat_tui.ui.screens.sign_on import SignOnScreen

        self.agent = None
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(SignOnScreen())

    async def exit_to_menu(self) -> None:
        """F3: close the current function and show the main menu again."""
        from swat_tui.ui.screens.main_menu import MainMenuScreen

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
