"""MNU001: the main menu, with the options of the signed-on role (data/menus.toml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import numbered_fields
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.menu import MenuOption

MENU_LINES = 14  # a supervisor's options, the 90s group and its blank line
SIGN_OFF_GROUP = 90  # AS/400 menus set sign-off and the like apart, after a blank line


class MainMenuScreen(RRScreen, panel="MNU001"):
    """Options by number, as on an AS400 menu; ``SIGNOFF`` works too."""

    def fill(self) -> None:
        agent = self.rr_app.agent
        if agent is None:
            return
        self.set_fields({"agent_name": agent.display_name, **menu_lines(self._options())})
        self._unseen_confirmations()

    def _unseen_confirmations(self) -> None:
        """Row 24 tells an agent a leader's process confirmation is waiting to be read
        (unless row 24 already says something)."""
        desk = self.rr_app.desk
        if desk is None or self.panel.canvas.message:
            return
        count = desk.confirmations.unseen()
        if count:
            self.message(messages.text("ui.confirm.mine_unseen", count=count))

    def _options(self) -> tuple[MenuOption, ...]:
        from swat_tui.domain.menu import load_menu

        agent = self.rr_app.agent
        return load_menu().for_role(agent.role) if agent else ()

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.menu import load_menu

        self.clear_errors()
        typed = self.field("option").field_value
        self.field("option").value = ""
        agent = self.rr_app.agent
        assert agent is not None
        option = self.attempt(lambda: load_menu().choose(agent.role, typed))
        if option is None:
            if typed:
                self.field("option").mark_error(True)
            return
        if option.panel is not None:
            await self.open_panel(option.panel)
        elif option.action == "softphone":
            await self.action_rr_softphone()
        elif option.action == "resume_call":
            if self.desk.active is None:
                self.message(messages.text("call.none_in_progress"), error=True)
            else:
                await self.navigator.show_call_step()  # from the Espejo too: back to the call
        elif option.action == "sign_off":
            await self._sign_off()

    async def action_rr_exit(self) -> None:
        """F3 on the main menu signs the agent off; on the Espejo's, back to the main session."""
        if self.navigator.in_espejo:
            await self.navigator.toggle_espejo()
            return
        await self._sign_off()

    async def _sign_off(self) -> None:
        """Sign off through the desk (it ends a running ACW), unless it refuses (a call
        rings or is on the line)."""
        from swat_tui.domain.errors import DomainError

        try:
            self.desk.sign_off()
        except DomainError as refused:
            self.message(refused.message, error=True)
            return
        await self.rr_app.sign_off()

    async def action_rr_cancel(self) -> None:
        """F12 on the main menu: nothing to go back to; like F3."""
        await self.action_rr_exit()


def menu_lines(options: tuple[MenuOption, ...]) -> dict[str, str]:
    """``menu1``..``menu14``: "  1. label", the 90s group after a blank line."""
    lines: list[str] = []
    for option in options:
        if option.number.isdigit() and int(option.number) >= SIGN_OFF_GROUP and lines:
            lines.append("")
        lines.append(f"{option.number:>2}. {option.label}")
    return numbered_fields("menu", lines, MENU_LINES)
