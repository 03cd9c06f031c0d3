"""PQR030: step 6, radicar — the customer insists, so the agent files the PQR.

First how personal data were validated in this call (the procedure records it;
a BLACKLIST account brings step 2's validation prefilled, still to record);
then the motive from the process matrix (its type, CUN or not, the area that
answers), clear and complete notes, and the response channel with its
destination confirmed. Intro files it in one intent; the panel then shows the
radicado, the CUN and the due date for the agent to read to the customer, and
the next Intro (with S) goes on to the typification, which the motive suggests.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.procedure.check_ids import IDENTITY
from swat_tui.ui.format import numbered_fields
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.pqr.filing import FiledPqr
    from swat_tui.domain.procedure.step_view import CheckView

VALIDATED, FILED, INFORMED = "val", "mot", "inf"  # the fields of the step's three checks
LIST_LINES, LIST_WIDTH = 3, 77
# Which field a refusal of the filing is about (the rule names it as the error's code).
FIELD_OF_RULE = {
    "check_needs": VALIDATED,
    "pqr_motive_missing": "mot",
    "pqr_motive_unknown": "mot",
    "pqr_notes_short": "notes",
    "pqr_channel_choice": "ch",
    "pqr_email_invalid": "dest",
    "pqr_phone_invalid": "dest",
    "pqr_address_missing": "dest",
    "pqr_address_long": "dest",
    "pqr_address_confirm": "cf",
}
FORM_FIELDS = ("mot", "notes", "ch", "dest")  # kept as typed (KeepsTyped) until filed
BEFORE_FILING = "Intro radica: radicado, CUN (si la matriz lo da) y fecha de respuesta."
CHANNEL_DESTINATION = {"1": "email", "2": "address", "3": "phone", "4": "phone"}


class PqrFilingScreen(CallStepScreen, panel="PQR030"):
    """The filing form; once filed, what to tell the customer, then the typification."""

    def __init__(self) -> None:
        super().__init__()
        self.offered = ""  # step 2's validation, prefilled: only Intro records it

    def reset_state(self) -> None:
        super().reset_state()
        self.offered = ""

    def fill_step(self) -> None:
        request = self.call.record.state.request
        self.set_fields(
            {
                **self.account_line(),
                "request": request.description if request else "",
            }
        )
        self._show_list()
        validated = self._check(VALIDATED)
        self.offered = ""
        if validated is not None and validated.result is not None:
            self.field(VALIDATED).value = validated.result
        else:  # what the call knows, still to record here (kept typing replaces it)
            self.offered = self._step2_identity()
            self.field(VALIDATED).value = self.offered
        informed = self._check(INFORMED)
        if informed is not None and informed.done:
            self.field(INFORMED).value = YES
        self._show_motive(self.field("mot").value)
        filed = self.desk.pqr.filed()
        self._show_filed(filed)
        for name in (VALIDATED, *FORM_FIELDS, "cf"):
            self.field(name).disabled = filed is not None  # filed: what it was filed with
        if filed is not None:
            self.focus_field(INFORMED)

    def _check(self, name: str) -> CheckView | None:
        return self.desk.call.step_view(self.PANEL_ID).by_field(name)

    def _step2_identity(self) -> str:
        """A BLACKLIST account's identity validated in step 2: offered, still to record."""
        mark = self.call.record.state.mark_for(IDENTITY, 0)
        return mark.result if mark is not None else ""

    # -- what the panel shows ---------------------------------------------------------

    def _show_list(self) -> None:
        """The matrix's motives by number: the agent types the number or the code."""
        entries = [f"{i}={row.motive}" for i, row in enumerate(self.desk.pqr.motives(), start=1)]
        lines = textwrap.wrap("  ".join(entries), LIST_WIDTH, break_on_hyphens=False)
        self.set_fields(numbered_fields("mlist", lines, LIST_LINES))

    def _show_motive(self, typed: str) -> None:
        from swat_tui.domain.pqr.consult import KIND_NAMES

        row = self.desk.pqr.motive(typed)
        if row is None:
            self.set_fields({"motive": "", "mdetail": ""})
            return
        cun = "genera CUN" if row.cun else "sin CUN"
        self.set_fields(
            {
                "motive": f"{KIND_NAMES.get(row.kind, row.kind)}, {cun}, UCC {row.ucc_code}",
                "mdetail": f"{row.label}; responde {row.area}",
            }
        )

    def _show_filed(self, filed: FiledPqr | None) -> None:
        if filed is None:
            self.set_fields({"rad1": BEFORE_FILING, "rad2": ""})
            return
        cun = f"CUN {filed.cun}" if filed.cun else "sin CUN (la matriz no lo da)"
        due = filed.due_on.strftime("%d/%m/%Y")
        self.set_fields(
            {
                "rad1": f"Radicado {filed.radicado}   {cun}   {filed.kind}",
                "rad2": f"Responde {filed.area} a más tardar el {due}"
                f" ({filed.business_days} días hábiles)",
            }
        )

    # -- typing -------------------------------------------------------------------------

    def field_typed(self, name: str, value: str) -> None:
        if name == "mot":
            self._show_motive(value)
        elif name == "ch" and not self.field("dest").value.strip():
            self._offer_destination(value.strip())
        super().field_typed(name, value)

    def _offer_destination(self, option: str) -> None:
        """The account's email, address or mobile, for the customer to confirm."""
        view = self.account
        kind = CHANNEL_DESTINATION.get(option)
        if view is None or kind is None or not view.details_visible:
            return
        known = {"email": view.email, "address": view.address, "phone": view.phone_mobile}[kind]
        if known:
            self.field("dest").value = known

    def typed_checks(self) -> frozenset[str]:
        """The validation typed (or offered from step 2): Intro records it."""
        check = self._check(VALIDATED)
        typed = self.field(VALIDATED).value.strip()
        pending = check is not None and not check.done
        return frozenset({check.check.id}) if pending and typed and check else frozenset()

    def field_completed(self, name: str, value: str) -> None:
        text = value.strip()
        if name == VALIDATED:
            if text and text != self.offered:
                self._record_validation(text)
        elif name == INFORMED:
            self.confirm(self._check(INFORMED), value)
        elif name == "mot":
            self._show_motive(text)
            if text and self.desk.pqr.motive(text) is None:
                self.message(self._unknown_motive(text), error=True, field="mot")
                self.field("mot").mark_error(True)

    def _record_validation(self, text: str) -> None:
        check = self._check(VALIDATED)
        if check is not None and not check.done:
            self.write(lambda: self.desk.call.record_check(check.check.id, text), field=VALIDATED)

    def _unknown_motive(self, typed: str) -> str:
        last = len(self.desk.pqr.motives())
        return self.desk.procedure.message("pqr_motive_unknown", motive=typed[:20], last=last)

    # -- Intro --------------------------------------------------------------------------

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        if self.desk.pqr.filed() is not None:
            self.field_completed(INFORMED, self.field(INFORMED).value)
            if not self.panel.canvas.message_is_error:
                await self.go_on()  # the engine asks for S while it is pending
            return
        typed = self.field(VALIDATED).value.strip()
        if typed:
            self._record_validation(typed)  # the agent's, or step 2's as offered
            if self.panel.canvas.message_is_error:
                return
        self._file()

    def _file(self) -> None:
        """One intent: refused on row 24 with its field marked, what was typed stays."""
        filed = self.attempt(
            lambda: self.desk.pqr.file(
                motive=self.field("mot").value,
                notes=self.field("notes").value,
                channel=self.field("ch").value,
                address=self.field("dest").value,
                confirmed=self.field("cf").value,
            ),
            fields=FIELD_OF_RULE,
        )
        if filed is None:
            return
        self.keep_shown()  # the form as filed, shown again whenever the panel is
        self.fill()  # the call moved on: header, checks and the filed PQR's rows
        self.focus_field(INFORMED)
        message = self.desk.procedure.message("pqr_filed", radicado=filed.radicado)
        if filed.notes_in_folder:
            message = messages.text("ui.pqr.filed_notes_in_folder", radicado=filed.radicado)
        self.message(message)
