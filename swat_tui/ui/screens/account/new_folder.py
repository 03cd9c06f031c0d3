"""NTS002: create a named notes folder (F7 then F6), SWAT by default."""

from __future__ import annotations

from swat_tui.ui.screens.base import RRScreen

DEFAULT_FOLDER = "SWAT"


class NewFolderScreen(RRScreen, panel="NTS002"):
    """On success the folder opens at once, ready for the long note."""

    def __init__(self, cuenta: int, holder: str, existing: tuple[str, ...]) -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder
        self.existing = existing

    def fill(self) -> None:
        self.set_fields(
            {
                "cuenta": str(self.cuenta),
                "holder": self.holder,
                "folders": ", ".join(self.existing) if self.existing else "(ninguna)",
            }
        )
        if DEFAULT_FOLDER not in self.existing:
            self.field("name").value = DEFAULT_FOLDER

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        name = self.attempt(
            lambda: self.desk.accounts.create_folder(self.cuenta, self.field("name").field_value),
            field="name",
        )
        if name is None:
            return
        await self.navigator.switch_panel("NTS003", self.cuenta, self.holder, name, created=True)
