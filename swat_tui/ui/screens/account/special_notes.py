"""NTS001: the account's special notes (F7); F6 creates a named folder."""

from __future__ import annotations

from swat_tui.domain import messages
from swat_tui.ui.screens.account.note_records import note_records
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.paged import PagedScreen


class SpecialNotesScreen(AccountSubpanel, PagedScreen, panel="NTS001"):
    """Reads (and logs reading) the F7 notes; Intro on the note field adds one."""

    def __init__(self, cuenta: int, holder: str = "") -> None:
        super().__init__(cuenta, holder)
        self.folders: tuple[str, ...] = ()

    def fill(self) -> None:
        self.focus_field("note")
        self._load(last_page=False)

    def returned(self) -> None:
        self._load(last_page=False)

    def _load(self, *, last_page: bool) -> None:
        # Reading is an intent of the desk: it is logged, and in a call about a
        # blacklisted account it records "notas F7 leídas" in the same transaction.
        view = self.attempt(lambda: self.desk.accounts.read_special_notes(self.cuenta))
        if view is None:
            return
        self.folders = view.folders
        self.set_fields(
            {
                "cuenta": str(self.cuenta),
                "holder": self.holder,
                "folders": ", ".join(view.folders) if view.folders else "(ninguna)",
            }
        )
        records = note_records(view.notes, self.page_size)
        if not records:
            records = [{"text": "No hay notas especiales en esta cuenta."}]
        self.show_records(records, last_page=last_page)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        if self.focused is self.field("folder") or (
            self.field("folder").value.strip() and not self.field("note").value.strip()
        ):
            name = self.field("folder").field_value
            if name not in self.folders:
                missing = messages.text("ui.account.folder_missing", folder=name or "(vacía)")
                self.message(missing, error=True)
                self.field("folder").mark_error(True)
                return
            self.field("folder").value = ""
            await self.open_panel("NTS003", self.cuenta, self.holder, name)
            return
        text = self.field("note").value
        saved = self.attempt(
            lambda: self.desk.accounts.add_note(self.cuenta, text),
            field="note",
        )
        if saved is None:
            return
        self.field("note").value = ""
        self._load(last_page=True)
        self.message(messages.text("ui.account.special_note_saved"))

    async def action_rr_new_folder(self) -> None:
        await self.open_panel("NTS002", self.cuenta, self.holder, self.folders)
