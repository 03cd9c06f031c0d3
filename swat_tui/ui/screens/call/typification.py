"""TIP001: F22 — typify the request from the UCC catalogue; F13 shows the call log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from swat_tui.domain import messages
from swat_tui.domain.call.fields import TYPIFICATION_NOTES_FIELD
from swat_tui.domain.errors import MESSAGE_WIDTH
from swat_tui.domain.procedure.check_ids import TYPIFICATION
from swat_tui.ui.format import typification_line
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.call.call_step import CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.rr_field import RRField

if TYPE_CHECKING:
    from swat_tui.domain.call.ucc import UccEntry

CHOOSE = "1"
TYPIFIED_FIELDS = frozenset({"code_in", "res", "notes", "inc"})  # shown from the record
FIRST_CONTACT, CUN = "1", "2"
# The field a refusal is about (its code), where the cursor goes; others: the code.
REFUSAL_FIELDS = {
    "typify_aviso": "inc",
    "typify_notes": "notes",
    "branch_escalate": "res",
    "typify_cun_not_first_contact": "res",
}


class TypificationScreen(CallStepScreen, PagedScreen, panel="TIP001"):
    """Search by code or words, choose with 1, then Intro with the resolution."""

    NOT_KEPT = frozenset({"search"})  # a query: the list it found is read again instead

    def __init__(self) -> None:
        super().__init__()
        self.entries: tuple[UccEntry, ...] = ()
        # The suggested code's entry when the list shown does not have it (a soporte
        # request that went on to a visit suggests a visita code): read once, in _suggest.
        self.suggested: UccEntry | None = None
        self.last_search: str | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.entries = ()
        self.suggested = None
        self.last_search = None

    def fill_step(self) -> None:
        state = self.call.record.state
        request = state.request
        self.set_fields(
            {
                "request": f"{request.branch}: {request.description}"
                if request
                else "(sin solicitud registrada)"
            }
        )
        self.field("notes").value = state.fields.get(self._notes_key(), "")
        self.suggested = None
        self._offer_aviso()
        branch = request.branch if request else None
        self._search("", branch=branch)
        self.focus_field("search")
        typified = self._typified()
        for name in TYPIFIED_FIELDS:  # recorded: shown as recorded, not typed over
            self.field(name).disabled = typified
        if typified:
            self._show_typified()
        else:
            self._suggest()

    def _typified(self) -> bool:
        """The request being worked on is typified already (one typification each)."""
        state = self.call.record.state
        return state.mark_for(TYPIFICATION, state.request_number) is not None

    def recorded(self, name: str) -> bool:
        """A typified request's fields show its typification, not what was kept."""
        return name in TYPIFIED_FIELDS and self._typified()

    def _show_typified(self) -> None:
        """The request is typified (F22 again, or back from F13): what was recorded is
        shown to consult, as it was when Intro recorded it; Intro or F12 goes back."""
        recorded = self.desk.call.typifications()
        if not recorded:
            return
        # One typification per request, recorded while it is the current one: the
        # current request's is the call's last.
        last = recorded[-1]
        shown = {
            "code_in": last.code,
            "res": FIRST_CONTACT if last.first_contact else CUN,
            "notes": last.notes,
            "inc": last.incident_number or "",
        }
        for name, value in shown.items():
            self.field(name).value = value
        self._show_detail()
        number = self.call.record.state.request_number
        said = messages.text(
            "ui.call.typified_shown", number=number, code=last.code, resolution=last.resolution
        )
        self.message(said if len(said) <= MESSAGE_WIDTH else said[: MESSAGE_WIDTH - 1] + "…")

    def _offer_aviso(self) -> None:
        """A support request on a node with an open aviso: its INC is offered in "Aviso
        (INC)" (the most urgent one), so the call is associated with it; editable."""
        request = self.call.record.state.request
        view = self.account
        if self.field("inc").value or request is None or request.branch != "soporte":
            return
        if view is not None and view.open_incidents:
            self.field("inc").value = view.open_incidents[0].number

    def _resolution_for(self, entry: UccEntry) -> str:
        """CUN when the code takes one or the request was not solved on the line."""
        escalate = entry.requires_cun or self.desk.call.first_contact_refusal() is not None
        return CUN if escalate else FIRST_CONTACT

    def _suggest(self) -> None:
        """The code the request's path suggests, filled in and editable."""
        if self.field("code_in").value or self._typified():
            return
        code = self.desk.call.suggested_code()
        entry = self._entry_of(code)
        if entry is None and code:
            found = self.attempt(lambda: self.desk.accounts.ucc_search(code))
            entry = self.suggested = next((e for e in found or () if e.code == code), None)
        if entry is None:
            return
        self.field("code_in").value = entry.code
        self.field("res").value = self._resolution_for(entry)
        self._show_detail()
        self.message(messages.text("ui.call.ucc_suggested", code=entry.code))

    def _entry_of(self, code: str) -> UccEntry | None:
        """The entry of ``code`` in the list shown or the suggested one: no store read,
        since the detail follows every key typed in the code field."""
        if self.suggested is not None and self.suggested.code == code:
            return self.suggested
        return next((e for e in self.entries if e.code == code), None) if code else None

    def _search(self, text: str, *, branch: str | None = None) -> None:
        found = self.attempt(
            lambda: self.desk.accounts.ucc_search(text, branch=branch), field="search"
        )
        if found is None:
            return
        self.entries = found
        self.last_search = text
        self.show_records(
            [
                {
                    "code": e.code,
                    "br": e.branch,
                    "desc": e.description,
                    "cun": "Sí" if e.requires_cun else "",
                }
                for e in found
            ]
        )
        if not found:
            said = messages.text("ui.call.ucc_none", typed="")
            room = MESSAGE_WIDTH - len(said)  # what was typed, whole or marked as cut
            echo = text if len(text) <= room else text[: room - 1] + "…"
            self.message(messages.text("ui.call.ucc_none", typed=echo), error=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_detail()

    def _paint_page(self) -> None:
        """AvPág/RePág put another code under the cursor: the detail follows it."""
        super()._paint_page()
        self._show_detail()

    def typed_checks(self) -> frozenset[str]:
        """A code and a resolution typed: Intro records the typification."""
        code = self.field("code_in").value.strip()
        resolution = self.field("res").value.strip()
        ready = code and resolution in (FIRST_CONTACT, CUN)
        return frozenset({TYPIFICATION}) if ready else frozenset()

    def field_typed(self, name: str, value: str) -> None:
        if name == "code_in":
            self._show_detail()
        super().field_typed(name, value)

    def _show_detail(self) -> None:
        """The whole description (the list's column cuts long ones): of the row the
        cursor is on, else of the code chosen."""
        focused = self.focused
        entry = None
        if isinstance(focused, RRField) and focused.spec.name.startswith("o_"):
            index = self.page_offset + int(focused.spec.name.removeprefix("o_"))
            entry = self.entries[index] if index < len(self.entries) else None
        if entry is None:
            entry = self._entry_of(self.field("code_in").value.strip().upper())
        self.set_fields({"detail": entry.description if entry is not None else ""})

    def field_completed(self, name: str, value: str) -> None:
        text = value.strip()
        state = self.call.record.state
        key = self._notes_key()
        if name == "notes" and text and state.fields.get(key) != text:
            self.write(lambda: self.desk.call.set_field(key, text))

    def _notes_key(self) -> str:
        """The notes typed so far for the current request (each request has its own)."""
        return TYPIFICATION_NOTES_FIELD.format(number=self.call.record.state.request_number)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        search = self.field("search").value.strip()
        if search != (self.last_search or "") and self.focused is self.field("search"):
            self._search(search)
            return
        typed = self.typed_option()
        if typed is None:
            await self._typify()
            return
        if self._typified():
            # a typified request is consulted here: no other code can be chosen for it
            number = self.call.record.state.request_number
            said = self.desk.procedure.message("typify_once", number=number)
            self.message(said, error=True)
            self.field(typed.field).mark_error(True)
            return
        if typed.option != CHOOSE:
            self.message(messages.text("ui.call.ucc_option", option=typed.option), error=True)
            self.field(typed.field).mark_error(True)
            return
        entry = self.entries[typed.record]
        self.field("code_in").value = entry.code
        self.field("res").value = self._resolution_for(entry)
        self.field(typed.field).value = ""
        self.keep_shown()  # the code chosen is the agent's: it stays through F13 and back
        self.focus_field("notes")
        self.message(messages.text("ui.call.ucc_chosen", code=entry.code))
        self._show_detail()
        self.show_next()  # the code and resolution are in: Intro typifies

    async def _typify(self) -> None:
        code = self.field("code_in").value.strip()
        state = self.call.record.state
        typified = self._typified()
        if typified and state.step == 7:
            await self.go_on()  # typified earlier with F22: on to the closing
            return
        if typified:
            await self.action_rr_cancel()  # consulted (F22 on a later step): back
            return
        if not code:
            self.message(self.desk.procedure.message("typify_code_missing"), error=True)
            self.field("code_in").mark_error(True)
            return
        resolution = self.field("res").value.strip()
        if resolution not in (FIRST_CONTACT, CUN):
            self.message(self.desk.procedure.message("typify_resolution"), error=True)
            self.field("res").mark_error(True)
            return
        notes = self.field("notes").value.strip()
        incident = self.field("inc").value.strip() or None
        # One intent: notes too long for F22 go to the SWAT folder in the same
        # transaction as the typification (a refusal leaves nothing behind).
        typified = self.write(
            lambda: self.desk.call.typify(
                code=code.upper(),
                first_contact=resolution == FIRST_CONTACT,
                incident_number=incident,
                notes=notes,
            ),
            field="code_in",
            fields=REFUSAL_FIELDS,
        )
        if not typified:
            return
        self.forget_typed()  # the typification holds it now
        state = self.call.record.state
        if state.step == 7:
            await self.go_on()
        else:
            # Typified early (F22 on another step): the panel below says so, CUN in full.
            told = typification_line(self.desk.call.typifications()[-1:])
            await self.app.pop_screen()
            below = self.app.screen
            if isinstance(below, RRScreen):
                below.message(told)

    async def action_rr_call_log(self) -> None:
        """F22 then F13: the account's earlier calls."""
        if self.call.record.cuenta is None:
            self.message(self.desk.procedure.message("account_first"), error=True)
            return
        await self.open_panel("LOG001", self.call.record.cuenta, self._holder())
