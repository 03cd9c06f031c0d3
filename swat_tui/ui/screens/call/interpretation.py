"""LLM002: step 2, interpretation — acknowledge the account's flags, record the request.

Which field records which check, its label and how it is entered come from
the procedure data (``desk.call.step_view``); the account is the desk's view,
masked by the BLACKLIST rule until it allows more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain.procedure.check_ids import F7_READ, REQUEST
from swat_tui.ui.format import day
from swat_tui.ui.labels import blacklist_banner, masked_holder
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView
    from swat_tui.domain.procedure.step_view import CheckView

RESULT_WIDTH = 8  # the identity field shows the start of how it was validated
PQR_FIELD, SHOW_PQR = "pqr", "5"  # 5 in "PQR pendiente": the consult panel shows it


class InterpretationScreen(CallStepScreen, panel="LLM002"):
    """Every flag that applies must be marked reviewed before the request moves on."""

    SAYS_CUES = frozenset({"request", "second"})  # the request stays in sight while typed

    def fill_step(self) -> None:
        state = self.call.record.state
        self.paint_account()
        training = self.rr_app.training
        in_training = training is not None and training.active
        shown = self.caller_says() if in_training or not state.requests else ""
        self.set_fields({"says": shown})
        for check in self.desk.call.step_view(self.PANEL_ID).checks:
            self._show_check(check)
        request = state.request
        if request is not None and not state.awaiting_request:
            self.field("request").value = request.description
            self.field("br").value = self.desk.procedure.branch(request.branch).option
        # Else the first request, or another after the last was typified: what was typed
        # for it is kept as typed (KeepsTyped).

    def paint_account(self) -> None:
        view = self.account
        if view is not None:
            f7_read = self._f7_read()
            self.set_fields(
                {
                    "cuenta": str(view.cuenta),
                    "holder": view.holder_name or masked_holder(view.access),
                    "status": view.status,
                    "banner": blacklist_banner(view.blacklist, view.access).center(78),
                    "meaning": f"{view.status}: {view.status_meaning}",
                    "f7_info": _f7_info(view.blacklist, f7_read),
                    "id_info": "cómo se validó" if view.blacklist else "",
                    "pqr_info": _pqr_info(view),
                    "visit_info": _visit_info(view),
                    "aviso_info": _aviso_info(view),
                }
            )

    def _f7_read(self) -> bool:
        """The call recorded the F7 reading: the masked texts say what is left."""
        return self.call.record.state.mark_for(F7_READ, 0) is not None

    def typed_checks(self) -> frozenset[str]:
        """The request and a valid branch typed: only Intro records them."""
        procedure = self.desk.procedure
        typed = self.field("request").value.strip()
        chosen = procedure.branch_by_option(self.field("br").value)
        return frozenset({REQUEST}) if typed and chosen is not None else frozenset()

    def _show_check(self, view: CheckView) -> None:
        check = view.check
        label_field = f"{view.field}_label"
        if check.field_label is not None and label_field in self.display_file.fields:
            label = check.field_label if view.applies else f"{check.field_label}: no aplica"
            if view.applies and view.field == PQR_FIELD:
                label = f"{label} (5=Ver)"
            self.set_fields({label_field: label})
        rr_field = self.field(view.field)
        rr_field.display = view.applies
        rr_field.disabled = check.entry == "action"  # e.g. F7 read: marked by the key
        if view.result is not None:
            rr_field.value = view.result[:RESULT_WIDTH] if check.entry == "text" else YES

    def field_completed(self, name: str, value: str) -> None:
        text = value.strip()
        if name == PQR_FIELD and text == SHOW_PQR:
            return  # Intro opens the PQR; it is marked reviewed with S afterwards
        check = self.desk.call.step_view(self.PANEL_ID).by_field(name)
        if check is not None:
            self._complete_check(check, text)

    def _complete_check(self, view: CheckView, text: str) -> None:
        check = view.check
        if not view.applies or check.entry == "action":
            return
        if not text:
            if view.done and check.revocable:  # clearing the field takes it back
                self.write(lambda: self.desk.call.revoke_check(check.id), field=view.field)
            return
        if view.done:
            return
        if check.entry == "confirm" and text.upper() != YES:
            self.message(self.desk.procedure.message("confirm_check"), error=True)
            self.field(view.field).mark_error(True)
            return
        result = text if check.entry == "text" else check.result
        self.write(lambda: self.desk.call.record_check(check.id, result), field=view.field)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        if self.field(PQR_FIELD).value.strip() == SHOW_PQR:
            await self._show_pending_pqr()
            return
        for view in self.desk.call.step_view(self.PANEL_ID).checks:
            if view.applies:
                self.field_completed(view.field, self.field(view.field).value)
            if self.panel.canvas.message_is_error:
                return
        text = self.field("request").value.strip()
        procedure = self.desk.procedure
        chosen = procedure.branch_by_option(self.field("br").value)
        if not text:
            self.message(procedure.message("request_missing"), error=True)
            self.field("request").mark_error(True)
            return
        if chosen is None:
            self.message(procedure.branch_choice(), error=True)
            self.field("br").mark_error(True)
            return
        branch = chosen.id
        current = self.call.record.state.request
        state = self.call.record.state
        changed = (
            current is None
            or state.awaiting_request
            or (current.branch, current.description) != (branch, text)
        )
        if changed and not self.write(lambda: self.desk.call.start_request(branch, text)):
            return
        await self.go_on()

    async def _show_pending_pqr(self) -> None:
        """5 in "PQR pendiente": the consult panel (PQR010) shows it, to compare with
        today's request; Intro or F12 there comes back here."""
        cuenta = self.call.record.cuenta
        view = self.account
        if cuenta is None:
            self.message(self.desk.procedure.message("account_first"), error=True)
            return
        if view is not None and not view.details_visible:
            self.message(self.desk.gate.refusal(cuenta), error=True, field=PQR_FIELD)
            self.field(PQR_FIELD).mark_error(True)
            return
        self.clear_typed(PQR_FIELD)
        self.keep(self.field("br"))  # the branch typed stays for the way back
        await self.open_panel("PQR010")


def _pqr_info(view: AccountPanelView) -> str:
    if not view.pending_pqrs:
        return ""
    overdue = [pqr for pqr in view.pending_pqrs if pqr.overdue]
    if overdue:  # the one at risk of silencio administrativo positivo first
        return f"VENCIDA {overdue[0].radicado}"
    pqr = view.pending_pqrs[0]
    return f"{pqr.days_open} días, {pqr.radicado}"


def _f7_info(blacklist: bool, read: bool) -> str:
    if not blacklist:
        return ""
    return "leídas en esta llamada" if read else "se marca al leer F7"


def _aviso_info(view: AccountPanelView) -> str:
    """The most urgent open aviso on the node: its INC number and priority."""
    if not view.open_incidents:
        return ""
    aviso = view.open_incidents[0]
    more = f" +{len(view.open_incidents) - 1}" if len(view.open_incidents) > 1 else ""
    return f"{aviso.number} P{aviso.priority} {aviso.priority_name}{more}"


def _visit_info(view: AccountPanelView) -> str:
    if not view.pending_visits:
        return ""
    visit = view.pending_visits[0]
    if visit.scheduled and visit.slot_start is not None:
        return f"{visit.kind} AGENDADA {day(visit.slot_start)}"
    return f"{visit.kind} SIN AGENDAR"
