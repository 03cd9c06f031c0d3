"""NTS001: the account's special notes (F7); F6 creates a named folder."""

from __future__ import annotations

from collections.abc import Callable

from swat_tui.ui.screens.account.note_records import note_records
from swat_tui.ui.screens.paged import PagedScreen


class SpecialNotesScreen(PagedScreen, panel="NTS001"):
    """Reads (and logs reading) the F7 notes; Intro on the note field adds one."""

    def __init__(
        self, cuenta: int, holder: str = "", *, on_read: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder
        self.on_read = on_read
        self.folders: tuple[str, ...] = ()

    def fill(self) -> None:
        self.focus_field("note")
        self._load(last_page=False)

    def returned(self) -> None:
        self._load(last_page=False)

    def _agent(self) -> str:
        agent = self.rr_app.agent
        return agent.username if agent else ""

    def _load(self, *, last_page: bool) -> None:
        view = self.attempt(
            lambda: self.services.notes.special_notes(self.cuenta, agent=self._agent())
        )
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
        records = note_records(view.notes)
        if not records:
            records = [{"text": "No hay notas especiales en esta cuenta."}]
        self.show_records(records, last_page=last_page)
        if self.on_read is not None:
            self.on_read()

    async def action_rr_enter(self) -> None:
        from swat_tui.ui.screens.account.folder_notes import FolderNotesScreen

        self.clear_errors()
        if self.focused is self.field("folder") or (
            self.field("folder").value.strip() and not self.field("note").value.strip()
        ):
            name = self.field("folder").field_value
            if name not in self.folders:
                self.message(
                    f"La carpeta {name or '(vacía)'} no existe. Use F6 para crearla.", error=True
                )
                self.field("folder").mark_error(True)
                return
            self.field("folder").value = ""
            await self.open(FolderNotesScreen(self.cuenta, self.holder, name))
            return
        text = self.field("note").value
        saved = self.attempt(
            lambda: self.services.notes.add_note(self.cuenta, text, agent=self._agent()),
            field="note",
        )
        if saved is None:
            return
        self.field("note").value = ""
        self._load(last_page=True)
        self.message("Nota especial grabada.")

    async def action_rr_new_folder(self) -> None:
        from swat_tui.ui.screens.account.new_folder import NewFolderScreen

        await self.open(NewFolderScreen(self.cuenta, self.holder, self.folders))
