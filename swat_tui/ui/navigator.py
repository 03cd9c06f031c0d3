"""The navigator: opens panels by id, keeps the panels worth keeping, shows the call's step.

Two sessions, as Textual modes with a panel stack each: the main one and the
Espejo (F14), where the agent consults another account or the catalogue during
a call and comes back to the call where it was.

Composing a panel is most of a step-to-step transition and of some keys
(bench/keys.py, bench/support_keys.py), so the call steps' panels and the
``KEPT`` account panels are built once a session and shown again. A kept panel
reopened follows one contract: ``RRScreen.reopen`` puts it back as freshly
built for its new arguments (tests/ui/test_kept_panels_reset.py compares the
two renders for every kept panel).

Navigation is awaited so that keys typed ahead land on the new panel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from swat_tui.ui.navigation import build, panel_class

if TYPE_CHECKING:
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.desk.desk import Desk
    from swat_tui.ui.screens.base import RRScreen

MAIN, ESPEJO = "main", "espejo"  # RR's main session and its alternate work screen
MENU, SIGN_ON, SOFTPHONE, RECOVERY = "MNU001", "SGN001", "SFT001", "REC001"


class Navigator:
    """Which panel the agent sees, in which session; ``SwatApp.navigator``."""

    def __init__(self, app: App[Any], desk: Callable[[], Desk | None]) -> None:
        self._app = app
        self._desk = desk  # the signed-on agent's desk (None before sign-on)
        self._kept: dict[str, RRScreen] = {}

    # -- sessions -----------------------------------------------------------------------

    @property
    def in_espejo(self) -> bool:
        return self._app.current_mode == ESPEJO

    async def toggle_espejo(self) -> None:
        """F14: to the Espejo and back; each session keeps its panels as they were."""
        await self._app.switch_mode(MAIN if self.in_espejo else ESPEJO)

    async def to_main_session(self) -> None:
        if self.in_espejo:
            await self._app.switch_mode(MAIN)

    async def exit_to_menu(self) -> None:
        """F3: close the current function and show the main menu again."""
        app = self._app
        bottom = 1 if self.in_espejo else 2  # the Espejo's stack starts at its menu
        while len(app.screen_stack) > bottom and self._front_id() != MENU:
            await app.pop_screen()

    def _front_id(self) -> str | None:
        return getattr(self._app.screen, "PANEL_ID", None)

    # -- panels by id -------------------------------------------------------------------

    def build(self, panel_id: str, *args: Any, **kwargs: Any) -> RRScreen:
        """A new screen for ``panel_id`` (arguments as its class takes them)."""
        return build(panel_id, *args, **kwargs)

    def panel(self, panel_id: str, *args: Any, keep: bool = False, **kwargs: Any) -> RRScreen:
        """The screen to show for ``panel_id``: the session's kept one (reset for these
        arguments) for a ``KEPT`` panel or when ``keep`` asks, else a new one."""
        if keep or panel_class(panel_id).KEPT:
            return self.kept_panel(panel_id, *args, **kwargs)
        return build(panel_id, *args, **kwargs)

    async def open_panel(
        self, panel_id: str, *args: Any, keep: bool = False, **kwargs: Any
    ) -> None:
        """Show ``panel_id`` on top of the panel in front, once it is ready for keys."""
        screen = self.panel(panel_id, *args, keep=keep, **kwargs)
        await self._app.push_screen(screen)
        await screen.ready.wait()

    async def switch_panel(
        self, panel_id: str, *args: Any, keep: bool = False, **kwargs: Any
    ) -> None:
        """Show ``panel_id`` in place of the panel in front, once it is ready for keys."""
        screen = self.panel(panel_id, *args, keep=keep, **kwargs)
        await self._app.switch_screen(screen)
        await screen.ready.wait()

    def reopens_in_front(self, panel_id: str) -> bool:
        """``panel_id`` names a panel opened on top of a step's own (``KeepsTyped.FRONT``)
        that a call resumed after a crash opens again."""
        try:
            cls = panel_class(panel_id)
        except (LookupError, ValueError):  # not a panel's id
            return False
        return bool(getattr(cls, "FRONT", False))

    # -- kept panels --------------------------------------------------------------------

    def kept_panel(self, panel_id: str, *args: Any, **kwargs: Any) -> RRScreen:
        """A panel built once a session and reopened (for ``args``) each time it is shown
        again. One already in a screen stack (this session's or the Espejo's) cannot be
        shown twice: a new one is built for that case."""
        kept = self._kept.get(panel_id)
        if kept is None:
            screen = build(panel_id, *args, **kwargs)
            self._kept[panel_id] = screen
            self._app.install_screen(screen, panel_id)
            return screen
        if self._in_a_stack(kept):
            return build(panel_id, *args, **kwargs)
        kept.reopen(*args, **kwargs)
        return kept

    def _in_a_stack(self, screen: RRScreen) -> bool:
        for mode in (MAIN, ESPEJO):
            try:
                stack = self._app.get_screen_stack(mode)
            except KeyError:  # the Espejo is not open yet
                continue
            if screen in stack:
                return True
        return False

    async def drop_kept_panels(self) -> None:
        """The next agent gets new call panels (nothing of this session stays on screen)."""
        panels = list(self._kept.values())
        self._kept.clear()
        for screen in panels:
            self._app.uninstall_screen(screen)
            if screen.is_running:
                await screen.remove()

    # -- the call -----------------------------------------------------------------------

    def _the_desk(self) -> Desk:
        desk = self._desk()
        assert desk is not None, "no agent signed on"
        return desk

    async def show_call_step(self) -> None:
        """Show the panel of the call's current step (replacing any call panel on top)."""
        from swat_tui.ui.screens.base import RRScreen
        from swat_tui.ui.screens.call.call_step import CallStepScreen

        desk = self._the_desk()
        from_espejo = self.in_espejo
        await self.to_main_session()  # calls are worked in the main session
        panel_id = desk.call.step_panel()
        current = self._app.screen
        if from_espejo and any(
            getattr(screen, "PANEL_ID", None) == panel_id for screen in self._app.screen_stack
        ):
            # Back from the Espejo: the call's panels exactly as they were, with any panel
            # open on top of the step's (TIP001 over TD010). Replacing that one put the
            # step's kept panel in the stack twice and lost what the top one held.
            return
        if isinstance(current, RRScreen) and panel_id == current.PANEL_ID:
            current.refill()  # the same panel again (e.g. another request)
            return
        if isinstance(current, CallStepScreen):
            # Step to step: replace the panel (no repaint of the menu in between).
            await self.switch_panel(panel_id, keep=True)
            return
        # From the softphone (a call answered) or another function: close it down to
        # the one just above the menu and replace that one, so the menu is never on
        # top in between (it would be painted, and be on the call's record, for nothing).
        app = self._app
        stack = app.screen_stack
        menus = [i for i, screen in enumerate(stack) if getattr(screen, "PANEL_ID", None) == MENU]
        above_menu = menus[-1] + 2 if menus else len(stack)
        while len(app.screen_stack) > above_menu:
            await app.pop_screen()
        if self._front_id() == MENU or not menus:
            await self.open_panel(panel_id, keep=True)
        else:
            await self.switch_panel(panel_id, keep=True)

    async def resume_call(self, record: CallRecord) -> None:
        """Back into a call a crash left open, at the panel the agent was on: its step's
        own, and the one on top of it if any (VIS020 over VIS010)."""
        from swat_tui.ui.screens.call.call_step import CallStepScreen

        desk = self._desk()
        if desk is None:
            return
        desk.resume_interrupted(record)
        front = record.state.front  # read first: the step's panel, once shown, clears it
        await self.show_call_step()
        screen = self._app.screen
        if front and isinstance(screen, CallStepScreen):
            await screen.open_front(front)

    async def after_call(self, message: str) -> None:
        """The call ended by the procedure: the softphone, for the after-call work."""
        await self.to_main_session()
        await self.exit_to_menu()
        screen = build(SOFTPHONE)
        await self._app.push_screen(screen)
        await screen.ready.wait()
        screen.message(message)

    # -- sign-on and sign-off -------------------------------------------------------------

    async def desk_opened(self, interrupted: list[CallRecord], *, notice: str = "") -> None:
        """Signed on: the main menu (with ``notice`` on row 24: a stale session of the
        profile was taken over), and the calls a crash left open offered first."""
        menu = build(MENU)
        await self._app.push_screen(menu)
        if notice:
            await menu.ready.wait()
            menu.message(notice)
        if interrupted:
            await self.open_panel(RECOVERY, interrupted)

    async def back_to_sign_on(self, espejo: Callable[[], RRScreen]) -> None:
        """Signed off: the sign-on panel, a new Espejo (built by ``espejo``) and no kept
        panel for the next agent."""
        app = self._app
        await self.to_main_session()
        await app.remove_mode(ESPEJO)  # the next agent starts a new Espejo
        app.add_mode(ESPEJO, espejo)
        while len(app.screen_stack) > 2:
            await app.pop_screen()
        await app.switch_screen(build(SIGN_ON))
        await self.drop_kept_panels()
