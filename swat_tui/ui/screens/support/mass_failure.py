"""MAS010: step 4, soporte, falla masiva — the node's aviso told, and the call tied to it.

The avisos come most urgent first; the first one's fault and zone are shown
whole, with how many times the customer already called for it (a repeat
caller). "Asociar" S ties the call to the aviso typed, or to the most urgent
one; the typification then proposes the code for a first or a repeat call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day, hour
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from datetime import datetime

    from swat_tui.domain.support.mass_intents import MassFailureView

INFORMED, ASSOCIATE, AVISO = "inf", "aso", "inc"


def _when(at: datetime | None) -> str:
    return f"{day(at)[:5]} {hour(at)}" if at is not None else "sin estimar"


class MassFailureScreen(CallStepScreen, PagedScreen, panel="MAS010"):
    """The aviso and the call's tie to it are the desk's view; the panel repaints it."""

    view: MassFailureView | None = None

    def fill_step(self) -> None:
        self.set_fields(self.account_line())
        view = self.attempt(self.desk.mass.node_avisos)
        self.view = view
        if view is not None:
            self._paint(view)
        for name in (INFORMED, ASSOCIATE):
            check = self.applying_check(name)
            if check is not None and check.done:
                self.field(name).value = YES
        self.focus_field(self._pending_field())

    def _pending_field(self) -> str:
        informed = self.applying_check(INFORMED)
        return ASSOCIATE if informed is not None and informed.done else INFORMED

    def _paint(self, view: MassFailureView) -> None:
        count = len(view.avisos)
        self.set_fields(
            {
                "node": view.node,
                "count": (
                    "1 aviso abierto en el nodo"
                    if count == 1
                    else f"{count} avisos abiertos en el nodo"
                    if count
                    else "Sin avisos abiertos en el nodo"
                ),
            }
        )
        self.show_records(
            [
                {
                    "inc_no": aviso.number,
                    "sev": f"{aviso.priority} {aviso.severity}",
                    "kind": aviso.kind.upper(),
                    "opened": _when(aviso.opened_at),
                    "restore": _when(aviso.restore_by),
                }
                for aviso in view.avisos
            ]
        )
        first = view.aviso
        if first is None:
            self.set_fields(
                {
                    "desc": "No hay falla masiva: informe al cliente y tipifique, o use T&D.",
                    "zone": "",
                    "prev": "",
                    "tied": "",
                }
            )
            return
        calls = view.previous_calls
        prev = (
            f"RELLAMADA: el cliente ya reportó este aviso {calls} "
            f"{'vez' if calls == 1 else 'veces'} (F22+F13)."
            if calls
            else "Primera llamada del cliente por este aviso."
        )
        tied = ""
        if view.tied is not None:
            marking = " (rellamada)" if view.tied.repeat else ""
            tied = f"Llamada asociada al aviso {view.tied.number}{marking}."
        self.set_fields({"desc": first.description, "zone": first.zone, "prev": prev, "tied": tied})

    def typed_checks(self) -> frozenset[str]:
        return self.typed_yes(INFORMED, ASSOCIATE)

    def field_completed(self, name: str, value: str) -> None:
        if name == INFORMED:
            self.confirm(self.applying_check(INFORMED), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        self.field_completed(INFORMED, self.field(INFORMED).value)
        if self.panel.canvas.message_is_error:
            return
        associate = self.applying_check(ASSOCIATE)
        if associate is not None and not associate.done:
            answer = self.field(ASSOCIATE).value.strip().upper()
            if answer and answer != YES:
                self.message(self.desk.procedure.message("confirm_done"), error=True)
                self.field(ASSOCIATE).mark_error(True)
                return
            if answer == YES:
                number = self.field(AVISO).value
                if not self.write(lambda: self.desk.mass.associate(number), field=AVISO):
                    return
                self.fill_step()
                self.show_next()
                tied = self.view.tied if self.view is not None else None
                if tied is not None:
                    rule = "ui.support.mass_tied_repeat" if tied.repeat else "ui.support.mass_tied"
                    self.message(messages.text(rule, number=tied.number))
                return
        await self.go_on()  # the engine refuses while a check is pending
