"""LLM003: steps 3-6 (SAC, soporte, visita, PQR) until each branch has its screens.

The request is handled in first contact or escalated through the
typification; later issues replace this panel with the branch's own screens
and add their checks to data/procedure.toml.
"""

from __future__ import annotations

from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.procedure.engine import is_done
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

BRANCH_NAMES = {
    "sac": "SAC: cartera, facturación, recaudo",
    "soporte": "Soporte: fallas puntuales, masivas, inventario",
    "visita": "Visita técnica: LLS (F23) u OT (F15+F6)",
    "pqr": "PQR: consultar, desistir o radicar",
}
HINTS = {
    "sac": (
        "CARTERA: aviso final, pago total, beneficio de pago. FACTURACIÓN: renta",
        "(F13+F15), campañas (F24+T), cobros adicionales, última factura. RECAUDO:",
        "fechas de pago (F21+F18), pago recibido y canal. Sin solución en línea: DIME.",
    ),
    "soporte": (
        "FALLA PUNTUAL: servicio (T&D), servicios asociados (F10), masivas (Diagnost.),",
        "CM en línea, vecinos, tecnología de TV. MASIVA: aviso INC, prioridad, llamadas",
        "anteriores (F22+F13). INVENTARIO: seriales (F10). Escale según la ruta.",
    ),
    "visita": (
        "Genere la visita (F23 LLS, F15+F6 OT) y acuerde el cupo con el cliente (WFM).",
        "Sin cupo: formulario de seguimiento de procesos para backoffice CGO;",
        "informe los tiempos de gestión al cliente.",
    ),
    "pqr": (
        "Consulte fechas, radicados, visitas y notas (F7); informe lo registrado.",
        "Si desiste: deje la marcación. Si insiste: valide identidad, notas completas,",
        "radicado y CUN (si la matriz lo da), tiempo de respuesta y canal de respuesta.",
    ),
}


class BranchStepScreen(CallStepScreen, panel="LLM003"):
    """The branch step's check: the request was handled or will be escalated."""

    def _check_id(self) -> str:
        request = self.call.record.state.request
        assert request is not None
        return load_procedure().branch_step(request.branch).checks[0].id

    def fill_step(self) -> None:
        state = self.call.record.state
        request = state.request
        view = self.call.account
        assert request is not None
        self.set_fields(
            {
                "cuenta": str(self.call.record.cuenta or ""),
                "holder": (view.holder_name or "") if view else "",
                "status": view.status if view else "",
                "branch": BRANCH_NAMES[request.branch],
                "request": request.description,
                **{f"hint{i + 1}": line for i, line in enumerate(HINTS[request.branch])},
            }
        )
        check = load_procedure().check(self._check_id())
        assert check is not None
        if is_done(check, state):
            self.field("ok").value = YES
        self.field("notes").value = state.fields.get(f"notes_{request.number}", "")

    def field_completed(self, name: str, value: str) -> None:
        request = self.call.record.state.request
        assert request is not None
        key = f"notes_{request.number}"
        text = value.strip()
        if name == "notes" and text and self.call.record.state.fields.get(key) != text:
            self.write(lambda: self.calls.set_field(self.call.call_id, key, text))

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        self.field_completed("notes", self.field("notes").value)
        if self.field("ok").value.strip().upper() != YES:
            self.message(
                "Digite S cuando la solicitud esté atendida o vaya a escalarla.", error=True
            )
            self.field("ok").mark_error(True)
            return
        check = load_procedure().check(self._check_id())
        assert check is not None
        if not is_done(check, self.call.record.state):
            notes = self.field("notes").value.strip() or "atendida"
            call_id = self.call.call_id
            if not self.write(lambda: self.calls.record_check(call_id, check.id, notes)):
                return
        await self.go_on()
