"""SGN001: the sign-on panel (user profile and password)."""

from __future__ import annotations

import os

from swat_tui.domain import messages
from swat_tui.ui.screens.base import RRScreen


class SignOnScreen(RRScreen, panel="SGN001"):
    """Signs an agent on; wrong attempts are counted by the domain (QMAXSIGN=3)."""

    def fill(self) -> None:
        device = "QPADEV" + str(os.getpid() % 10000).zfill(4)
        self.set_fields(
            {
                "system2": self.rr_app.settings.system_name,
                "device": "QPADEV0001" if self.rr_app.settings.frozen else device,
            }
        )

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        user = self.field("user").field_value
        password = self.field("password").value
        if self.rr_app.services is None:
            self.message(messages.text("ui.session.store_preparing"))
        services = await self.rr_app.wait_for_store()
        if services is None:
            return
        agent = self.attempt(lambda: services.auth.sign_on(user, password))
        if agent is None:
            self.field("password").value = ""
            target = "password" if user else "user"
            self.focus_field(target)
            return
        self.field("password").value = ""
        await self.rr_app.signed_on(agent)

    async def action_rr_exit(self) -> None:
        """F3 on the sign-on panel ends the program."""
        self.app.exit()
