"""DIM001: the account's DIME cases (F9), in a call or outside one.

Each case with its area, status, creation, SLA due date and "VENCIDO" once
past it; ``5`` shows one whole with its follow-up notes on the detail lines,
``2`` adds the note typed in "Nota". In a call of this account, F6 escalates
the request to a new case (DIM010). The list comes through the desk, masked
by the BLACKLIST rule.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import CHANGED, DomainError
from swat_tui.ui.format import clip, day, hour, numbered_fields
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.dime.cases import DimeCaseView, DimeNoteView

SHOW, NOTE = "5", "2"
DETAIL_LINES = 7
DETAIL_WIDTH = 78
NOTE_LINES = 3  # the last detail lines: the newest follow-up notes


class DimeCasesScreen(AccountSubpanel, PagedScreen, panel="DIM001"):
    """The account's cases, newest first; options 5 (see) and 2 (add a note)."""

    def __init__(self, cuenta: int, holder: str = "") -> None:
        super().__init__(cuenta, holder)
        self.cases: tuple[DimeCaseView, ...] = ()

    def fill(self) -> None:
        self.set_fields(self.account_fields())
        self._show_detail([])
        self._load()

    def _load(self) -> None:
        found = self.attempt(lambda: self.desk.dime.cases(self.cuenta))
        self.cases = found or ()
        self.show_records([_record(case) for case in self.cases])
        if found is not None and not found:
            self.message(messages.text("dime.none"))

    def returned(self) -> None:
        """Back from DIM010 (or F1, F2): a case may have been created."""
        self.clear_errors()
        self._show_detail([])
        self._load()

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is None:
            return
        row, case = self.field(typed.field), self.cases[typed.record]
        if typed.option == SHOW:
            row.value = ""
            self._show_case(case)
        elif typed.option == NOTE:
            self._add_note(case, typed.field)
        else:
            self.message(messages.text("dime.option", option=typed.option[:3]), error=True)
            row.mark_error(True)

    def _show_case(self, case: DimeCaseView) -> None:
        notes = self.attempt(lambda: self.desk.dime.case_notes(case.number))
        if notes is not None:
            self._show_detail(_detail(case, notes))

    def _add_note(self, case: DimeCaseView, row: str) -> None:
        """Option 2: the note typed in "Nota"; refused, the note and the 2 stay. A case
        another agent changed since the list was read is shown as it is now (its row
        and its newest notes), the 2 on its row: a second Intro adds the note."""
        try:
            self.desk.dime.add_case_note(case.number, self.field("note").value, seen=case)
        except DomainError as error:
            field = "note"  # the note is refused: it stays, the cursor on it
            if error.code == CHANGED:
                field = self._read_again(case.number) or row
            self.message(error.message, error=True, field=field)
            self.field(field).mark_error(True)
            self.focus_field(field)
            return
        self.field("note").value = ""
        self.field(row).value = ""
        self._load()
        self._show_case(case)
        self.message(messages.text("dime.note_added", number=case.number))

    def _read_again(self, number: str) -> str | None:
        """The list and the case as the store has them now; the 2 on the case's row."""
        self._load()
        index = next((i for i, c in enumerate(self.cases) if c.number == number), None)
        if index is None:
            return None
        self._show_case(self.cases[index])
        return self.show_option_on(NOTE, index)

    def _show_detail(self, rows: list[str]) -> None:
        self.set_fields(numbered_fields("detail", rows, DETAIL_LINES))

    async def action_rr_dime_new(self) -> None:
        """F6: a new case for the request of the call of this account (DIM010)."""
        call = self.desk.active
        if call is None or call.record.cuenta != self.cuenta:
            self.message(messages.text("dime.create_outside"), error=True)
            return
        await self.open_panel("DIM010", self.cuenta, self.holder)


def _term(case: DimeCaseView) -> str:
    if case.overdue:
        return "VENCIDO"
    left = case.business_days_left
    if left is None:
        return ""
    return "vence hoy" if left == 0 else f"{left} días hábiles"


def _record(case: DimeCaseView) -> dict[str, str]:
    return {
        "num": case.number,
        "area": case.area,
        "state": case.status,
        "crt": day(case.created_at),
        "due": day(case.due_on) if case.due_on else "",
        "late": _term(case),
    }


def _detail(case: DimeCaseView, notes: tuple[DimeNoteView, ...]) -> list[str]:
    late = " VENCIDO" if case.overdue else ""
    due = f"  vence {day(case.due_on)}" if case.due_on else ""
    by = f" por {case.created_by}" if case.created_by else ""
    first = (
        f"{case.number}  {case.area}  {case.status}{late}{due}  creado {day(case.created_at)}{by}"
    )
    data = textwrap.wrap(f"Datos: {case.notes or '-'}", DETAIL_WIDTH) or [""]
    if len(data) > 2:
        data = [data[0], clip(" ".join(data[1:]), DETAIL_WIDTH)]
    rows = [
        clip(first, DETAIL_WIDTH),
        clip(f"Motivo: {case.reason}", DETAIL_WIDTH),
        *data,
    ]
    rows = [*rows, *([""] * (DETAIL_LINES - NOTE_LINES - len(rows)))]
    return rows + _note_rows(notes)


def _note_rows(notes: tuple[DimeNoteView, ...]) -> list[str]:
    """The newest follow-up notes on the last detail lines, oldest of them first."""
    if not notes:
        return ["Seguimiento: sin notas todavía."]
    shown = notes[-NOTE_LINES:]
    rows = [clip(f"{day(n.at)} {hour(n.at)} {n.author}: {n.text}", DETAIL_WIDTH) for n in shown]
    if len(notes) > NOTE_LINES:
        shown = notes[-(NOTE_LINES - 1) :]
        earlier = len(notes) - len(shown)
        rows = [
            f"Seguimiento: {earlier} notas anteriores; las más recientes:",
            *(clip(f"{day(n.at)} {hour(n.at)} {n.author}: {n.text}", DETAIL_WIDTH) for n in shown),
        ]
    return rows
