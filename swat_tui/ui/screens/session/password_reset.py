"""USR002: a supervisor's new password for a profile (option 2 on USR001), typed twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.auth import AgentSummary


class PasswordResetScreen(RRScreen, panel="USR002"):
    """On success the profile is enabled and USR001 shows the confirmation on row 24."""

    def __init__(self, profile: AgentSummary, done: Callable[[str], None]) -> None:
        super().__init__()
        self.profile = profile
        self.done = done

    def fill(self) -> None:
        profile = self.profile
        self.set_fields(
            {
                "target": profile.username,
                "name": profile.display_name,
                "role": profile.role,
                "status": profile.status,
                "fails": str(profile.failed_signons),
            }
        )

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        # As on the sign-on panel, a password is taken as typed (not stripped).
        password, again = self.field("password").value, self.field("again").value
        confirmation = self.attempt(
            lambda: self.supervisor.reset_password(self.profile.username, password, again),
            field="password",
        )
        if confirmation is None:  # nothing changed: both fields are typed again
            self.field("password").value = ""
            self.field("again").value = ""
            return
        self.done(confirmation)
        await self.app.pop_screen()
