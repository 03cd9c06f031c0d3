"""PQR010: step 6, consultar — the account's PQRs as recorded, each with its term.

The agent gives the information as it is recorded (radicado, CUN, type,
dates, status, the 15 business days); ``5`` shows one PQR whole on the detail
lines. Confirming with S records the step's check, then Intro goes on to the
typification. The list comes through the desk, masked by the BLACKLIST rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day, numbered_fields
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.pqr.consult import PqrLine
    from swat_tui.domain.procedure.step_view import CheckView

SHOW = "5"
DETAIL_LINES = 5


class PqrConsultScreen(CallStepScreen, PagedScreen, panel="PQR010"):
    """The PQRs of the call's account; ``ok`` records that the customer was told."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: tuple[PqrLine, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.lines = ()

    def fill_step(self) -> None:
        view = self.account
        cuenta = self.call.record.cuenta
        if view is not None:
            self.set_fields(self.account_line())
        self._show_detail(None)
        consulted = self.attempt(lambda: self.desk.pqr.consult(cuenta)) if cuenta else None
        self.lines = consulted.lines if consulted is not None else ()
        self.show_records([_record(line) for line in self.lines])
        if consulted is not None and not self.lines:
            self.message(messages.text("ui.pqr.none_filed"))
        check = self._check()
        if check is not None and check.done:
            self.field("ok").value = YES
        # Opened from step 2 to look at the pending PQR: nothing to confirm here.
        self.field("ok").display = not self._looking()
        if self._looking() and self.lines:
            self.message(self.desk.procedure.message("pqr_lookup_back"))

    def _check(self) -> CheckView | None:
        """The consult check (data/procedure.toml, field "ok")."""
        return self.desk.call.step_view(self.PANEL_ID).by_field("ok")

    def _looking(self) -> bool:
        """Opened from LLM002's PQR pendiente (step 2), not routed here: a look only."""
        check = self._check()
        return check is None or not check.applies

    def field_completed(self, name: str, value: str) -> None:
        if name == "ok" and not self._looking():
            self.confirm(self._check(), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is not None and typed.option != SHOW:
            self.message(
                messages.text("ui.pqr.consult_option", option=typed.option[:3]), error=True
            )
            self.field(typed.field).mark_error(True)
            return
        if typed is not None:
            self.field(typed.field).value = ""
            self._show_detail(self.lines[typed.record])
            if not self._looking():
                self.focus_field("ok")  # what is left: say it was given, as recorded
            return
        if self._looking():
            await self.app.pop_screen()  # back to step 2, where the PQR is marked reviewed
            return
        self.field_completed("ok", self.field("ok").value)
        if self.panel.canvas.message_is_error:
            return
        await self.go_on()

    def _show_detail(self, line: PqrLine | None) -> None:
        rows = _detail(line) if line is not None else []
        self.set_fields(numbered_fields("detail", rows, DETAIL_LINES))


def _term(line: PqrLine) -> str:
    if line.status != "ABIERTA":
        return ""
    if line.overdue:
        return "VENCIDA sin respuesta"
    left = line.business_days_left
    return "vence hoy" if left == 0 else f"{left} días hábiles"


def _record(line: PqrLine) -> dict[str, str]:
    return {
        "rad": line.radicado,
        "kind": line.kind,
        "filed": day(line.filed_at),
        "due": day(line.due_on),
        "state": line.status,
        "term": _term(line),
    }


def _detail(line: PqrLine) -> list[str]:
    cun = f"CUN {line.cun}" if line.cun else "sin CUN"
    channel = f"Respuesta por: {line.response_channel}" if line.response_channel else ""
    first = f"{line.radicado}  {line.kind}  {cun}  {channel}".rstrip()
    second = f"Asunto: {line.subject}"
    third = ""
    if line.overdue:
        third = "VENCIDA sin respuesta: riesgo de silencio administrativo positivo."
    elif line.status == "ABIERTA":
        third = f"Radicada el {day(line.filed_at)}; la respuesta vence el {day(line.due_on)}."
    return [first, second, third, _visits(line), _notes(line)]


def _visits(line: PqrLine) -> str:
    """The LLS/OT near the filing: the PQR may be about one of them."""
    if not line.visits:
        return "Visitas: ninguna en los 30 días de la radicación."
    shown = []
    for visit in line.visits:
        slot = f" {day(visit.slot_start)}" if visit.slot_start else ""
        shown.append(f"{visit.kind} {visit.number} {visit.status}{slot}")
    return clip("Visitas: " + "; ".join(shown), 78)


def _notes(line: PqrLine) -> str:
    """The newest F7 note near the filing (how many there are)."""
    if not line.notes:
        return "Notas F7: ninguna en los 30 días de la radicación."
    note = line.notes[-1]
    more = f" (+{len(line.notes) - 1})" if len(line.notes) > 1 else ""
    return clip(f"Notas F7{more}: {day(note.created_at)} {note.author}: {note.text}", 78)
