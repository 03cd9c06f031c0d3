"""LLM002: step 2, interpretation — acknowledge the account's flags, record the request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain.procedure import engine
from swat_tui.ui.format import day
from swat_tui.ui.screens.account.account_panel import BLACKLIST_BANNER
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView

BRANCHES = {"1": "sac", "2": "soporte", "3": "visita", "4": "pqr"}
# field -> (check id, flag that makes it apply, label)
ACKS = {
    "f7": ("notas_f7_leidas", "blacklist", "Blacklist: notas F7 leídas"),
    "identity": ("identidad_validada", "blacklist", "Blacklist: identidad validada"),
    "pqr": ("pqr_revisada", "pqr_pendiente", "PQR pendiente revisada"),
    "vis": ("visita_revisada", "visita_pendiente", "LLS/OT pendiente revisada"),
    "sta": ("estado_revisado", None, ""),
}
LABEL_FIELDS = {"f7": "f7_label", "identity": "id_label", "pqr": "pqr_label", "vis": "visit_label"}


class InterpretationScreen(CallStepScreen, panel="LLM002"):
    """Every flag that applies must be marked reviewed before the request moves on."""

    def fill_step(self) -> None:
        state = self.call.record.state
        view = self._account()
        shown = engine.may_show_personal_data(state)
        if view is not None:
            self.set_fields(
                {
                    "cuenta": str(view.cuenta),
                    "holder": (view.holder_name or "") if shown else "NO DAR INFO. VER F7",
                    "status": view.status,
                    "banner": BLACKLIST_BANNER.center(78) if view.blacklist and not shown else "",
                    "meaning": view.status_meaning,
                    "f7_info": "se marca al leer F7" if view.blacklist else "",
                    "id_info": "cómo se validó" if view.blacklist else "",
                    "pqr_info": _pqr_info(view),
                    "visit_info": _visit_info(view),
                }
            )
        for name, (check, flag, label) in ACKS.items():
            applies = flag is None or flag in state.flags
            if name in LABEL_FIELDS:
                self.set_fields({LABEL_FIELDS[name]: label if applies else f"{label}: no aplica"})
            rr_field = self.field(name)
            rr_field.display = applies
            mark = state.mark_for(check, 0)
            if mark is not None:
                rr_field.value = YES if name != "identity" else mark.result[:8]
        self.field("f7").disabled = True  # marked by reading F7, not by typing
        request = state.request
        if request is not None:
            self.field("request").value = request.description
            self.field("br").value = {v: k for k, v in BRANCHES.items()}[request.branch]
        else:
            self.field("request").value = state.fields.get("request_draft", "")

    def _account(self) -> AccountPanelView | None:
        return self.call.account

    def field_completed(self, name: str, value: str) -> None:
        call_id = self.call.call_id
        state = self.call.record.state
        text = value.strip()
        if name in ("identity", "pqr", "vis", "sta") and text:
            check = ACKS[name][0]
            if state.mark_for(check, 0) is not None:
                return
            if name != "identity" and text.upper() != YES:
                self.message("Digite S cuando haya revisado la novedad.", error=True)
                self.field(name).mark_error(True)
                return
            result = text if name == "identity" else "revisada"
            self.write(lambda: self.calls.record_check(call_id, check, result), field=name)
        elif name == "request" and text and state.fields.get("request_draft") != text:
            self.write(lambda: self.calls.set_field(call_id, "request_draft", text))

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        for name in ("identity", "pqr", "vis", "sta", "request"):
            if self.field(name).display:
                self.field_completed(name, self.field(name).value)
            if self.panel.canvas.message_is_error:
                return
        text = self.field("request").value.strip()
        branch = BRANCHES.get(self.field("br").value.strip())
        if not text:
            self.message("Registre la solicitud del cliente.", error=True)
            self.field("request").mark_error(True)
            return
        if branch is None:
            self.message("Rama: digite 1=SAC, 2=Soporte, 3=Visita o 4=PQR.", error=True)
            self.field("br").mark_error(True)
            return
        current = self.call.record.state.request
        if current is None or (current.branch, current.description) != (branch, text):
            call_id = self.call.call_id
            if not self.write(lambda: self.calls.start_request(call_id, branch, text)):
                return
        await self.go_on()


def _pqr_info(view: AccountPanelView) -> str:
    if not view.pending_pqrs:
        return ""
    pqr = view.pending_pqrs[0]
    return f"{pqr.days_open} días, {pqr.radicado}"[:24]


def _visit_info(view: AccountPanelView) -> str:
    if not view.pending_visits:
        return ""
    visit = view.pending_visits[0]
    if visit.scheduled and visit.slot_start is not None:
        return f"{visit.kind} AGENDADA {day(visit.slot_start)}"
    return f"{visit.kind} SIN AGENDAR"
