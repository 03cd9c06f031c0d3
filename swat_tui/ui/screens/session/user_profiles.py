"""USR001: Trabajar con perfiles de usuario (IBM i WRKUSRPRF), the supervisor's panel.

Option 1 re-enables a profile the QMAXSIGN lock-out disabled (its failed
attempts are forgotten, its password kept); option 2 opens USR002 for a new
password. The desk refuses anyone but a supervisor, and every change is
written to the profile audit trail in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.ui.format import day, hour
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.auth import AgentSummary

ENABLE, RESET = "1", "2"
NEVER = "Nunca"


class UserProfilesScreen(PagedScreen, panel="USR001"):
    """Every profile with its status; options 1 and 2 on any number of rows, one 2 at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.profiles: tuple[AgentSummary, ...] = ()
        self.pending_message: str | None = None  # USR002's confirmation, shown on return

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        """Back from USR002 (or F1, F2): the statuses are read again."""
        message, self.pending_message = self.pending_message, None
        if self._load() and message:
            self.message(message)

    def _load(self) -> bool:
        """Read the profiles and repaint the page the supervisor is on; False if refused."""
        profiles = self.attempt(self.supervisor.profiles)
        if profiles is None:
            return False
        self.profiles = profiles
        disabled = sum(profile.disabled for profile in profiles)
        self.set_fields({"summary": _summary(len(profiles), disabled)})
        self.all_records = [_record(profile) for profile in profiles]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(self.page_offset, last_page)
        self._paint_page()
        return True

    def action_rr_refresh(self) -> None:
        """F5: the profiles as the store has them now."""
        self.clear_errors()
        if self._load():
            self.message(messages.text("ui.session.profiles_refreshed"))

    def _rows_shown(self) -> int:
        return max(0, min(self.page_size, len(self.profiles) - self.page_offset))

    def _refuse(self, index: int, text: str) -> None:
        self.message(text, error=True)
        self.field(f"o_{index}").mark_error(True)
        self.focus_field(f"o_{index}")

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        chosen = [
            (index, self.field(f"o_{index}").value.strip())
            for index in range(self._rows_shown())
            if self.field(f"o_{index}").value.strip()
        ]
        if not chosen:
            self.message(messages.text("ui.session.profiles_pick"), error=True)
            return
        for index, option in chosen:
            if option not in (ENABLE, RESET):
                self._refuse(index, messages.text("ui.session.profiles_option", option=option[:3]))
                return
        resets = [index for index, option in chosen if option == RESET]
        if len(resets) > 1:
            self._refuse(resets[1], messages.text("ui.session.profiles_one_reset"))
            return
        to_reset = self.profiles[self.page_offset + resets[0]].username if resets else None
        enabled: list[str] = []
        confirmation = ""
        for index, option in chosen:
            if option != ENABLE:
                continue
            profile = self.profiles[self.page_offset + index]
            try:
                confirmation = self.supervisor.enable_profile(profile.username)
            except DomainError as refused:  # what was enabled before it stays enabled
                self._load()
                self._refuse(index, refused.message)
                return
            enabled.append(profile.username)
        if len(enabled) > 1:
            confirmation = _enabled_message(enabled)
        loaded = self._load()  # the list (under USR002 too) shows what option 1 did
        if to_reset is None:
            self.message(confirmation)
            return
        fresh = next((p for p in self.profiles if p.username == to_reset), None)
        if loaded and fresh is not None:
            self.pending_message = confirmation or None
            await self.open_panel("USR002", fresh, self._password_reset)

    def _password_reset(self, confirmation: str) -> None:
        """USR002 set the password: its confirmation goes on row 24 here."""
        self.pending_message = confirmation


def _enabled_message(usernames: list[str]) -> str:
    listed = messages.text("ui.session.profiles_enabled", usernames=", ".join(usernames))
    if len(listed) <= MESSAGE_WIDTH:
        return listed
    return messages.text("ui.session.profiles_enabled_count", count=len(usernames))


def _summary(total: int, disabled: int) -> str:
    profiles = "1 perfil" if total == 1 else f"{total} perfiles"
    locked = "1 inhabilitado" if disabled == 1 else f"{disabled} inhabilitados"
    return f"{profiles}, {locked}"


def _record(profile: AgentSummary) -> dict[str, str]:
    last = profile.last_signon_at
    return {
        "usuario": profile.username,
        "name": profile.display_name,
        "role": profile.role,
        "fails": str(profile.failed_signons),
        "status": profile.status,
        "last": f"{day(last)} {hour(last)}" if last is not None else NEVER,
    }
