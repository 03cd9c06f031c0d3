"""NTS003: the notes of one named folder (e.g. SWAT), for long notes."""

from __future__ import annotations

from swat_tui.domain import messages
from swat_tui.ui.screens.account.note_records import note_records
from swat_tui.ui.screens.paged import PagedScreen


class FolderNotesScreen(PagedScreen, panel="NTS003"):
    """Lists a folder's notes and adds new ones (up to 10,000 characters)."""

    def __init__(self, cuenta: int, holder: str, folder: str, *, created: bool = False) -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder
        self.folder = folder
        self.created = created

    def fill(self) -> None:
        self.focus_field("note")
        self.set_fields({"cuenta": str(self.cuenta), "holder": self.holder, "folder": self.folder})
        self._load(last_page=False)
        if self.created:
            self.message(messages.text("ui.account.folder_created", folder=self.folder))

    def _load(self, *, last_page: bool) -> None:
        view = self.attempt(lambda: self.desk.accounts.folder_notes(self.cuenta, self.folder))
        if view is None:
            return
        records = note_records(view.notes, self.page_size) or [
            {"text": "La carpeta no tiene notas."}
        ]
        self.show_records(records, last_page=last_page)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        text = self.field("note").value
        saved = self.attempt(
            lambda: self.desk.accounts.add_note(self.cuenta, text, folder=self.folder), field="note"
        )
        if saved is None:
            return
        self.field("note").value = ""
        self._load(last_page=True)
        self.message(messages.text("ui.account.folder_note_saved", folder=self.folder))
