"""MNU001: the agent's main menu."""

from __future__ import annotations

from swat_tui.ui.screens.base import RRScreen

SIGN_OFF = "90"


class MainMenuScreen(RRScreen, panel="MNU001"):
    """Options by number, as on an AS400 menu; ``SIGNOFF`` works too."""

    def fill(self) -> None:
        agent = self.rr_app.agent
        if agent is not None:
            self.set_fields({"agent_name": agent.display_name})

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        option = self.field("option").field_value
        self.field("option").value = ""
        if option == "1":
            await self.open_panel("CTA010")
        elif option == "2":
            await self.action_rr_softphone()
        elif option == "3":
            if self.desk.active is None:
                self.message("No hay ninguna llamada en curso.", error=True)
            else:
                await self.rr_app.show_call_step()
        elif option in (SIGN_OFF, "SIGNOFF"):
            await self.rr_app.sign_off()
        elif not option:
            self.message("Digite una opción o un mandato.", error=True)
        else:
            self.message(f"La opción {option} no es válida.", error=True)
            self.field("option").mark_error(True)

    async def action_rr_exit(self) -> None:
        """F3 on the main menu signs the agent off."""
        await self.rr_app.sign_off()

    async def action_rr_cancel(self) -> None:
        """F12 on the main menu: nothing to go back to; sign off like F3."""
        await self.rr_app.sign_off()
