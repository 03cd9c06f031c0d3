"""INV010: step 4, soporte, inventario — the serials the customer reads against RR's.

The agent types each serial the customer reads next to RR's; S in "Comparar"
and Intro records them all in one intent (a mismatch, or a service sold but not
provisioned, opens the DIME inventory case, whose number row 24 gives). Then
"informado" S.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.procedure.state import DIME_FIELD
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.support.inventory_intents import InventoryView

COMPARE, INFORMED, READ = "cmp", "inf", "read"
KIND = {"modem": "Módem", "decoder": "Decodific.", "smart_card": "Smart card"}


class InventoryCheckScreen(CallStepScreen, PagedScreen, panel="INV010"):
    """The devices and the reads of this call are the desk's view."""

    view: InventoryView | None = None

    def fill_step(self) -> None:
        self.set_fields(self.account_line())
        # Kept between calls (a call panel): a refused read must not leave the last
        # call's devices to compare against.
        self.view = view = self.attempt(self.desk.inventory.devices)
        if view is not None:
            self._paint(view)
        for name in (COMPARE, INFORMED):
            check = self.applying_check(name)
            if check is not None and check.done:
                self.field(name).value = YES
        compared = self.applying_check(COMPARE)
        self.focus_field(INFORMED if compared is not None and compared.done else f"{READ}_0")

    def _paint(self, view: InventoryView) -> None:
        services = ", ".join(
            f"{s.kind} {'ASOCIADO' if s.provisioned else 'SIN APROVISIONAR'}" for s in view.services
        )
        missing = view.unprovisioned
        self.set_fields(
            {
                "svcs": services or "(sin servicios)",
                "unprov": (
                    f"Vendido sin aprovisionar en el Módulo de Gestión: "
                    f"{', '.join(s.kind for s in missing)} (se escala a DIME)"
                    if missing
                    else ""
                ),
            }
        )
        self.show_records(
            [
                {
                    "kind": KIND.get(device.kind, device.kind),
                    "serial": device.serial,
                    "model": device.model,
                    "ok": "" if device.matches is None else ("SÍ" if device.matches else "NO"),
                }
                for device in view.devices
            ]
        )
        for index, device in enumerate(view.devices[: self.page_size]):
            self.field(f"{READ}_{index}").value = device.read
        compared = self.applying_check(COMPARE)
        result = ""
        if compared is not None and compared.done:
            differs = [d for d in view.devices if d.matches is False]
            result = (
                f"{len(differs)} serial(es) distinto(s) a RR: escalado a DIME inventario."
                if differs or missing
                else "Los seriales leídos coinciden con RR."
            )
        self.set_fields({"result": result})

    def typed_checks(self) -> frozenset[str]:
        return self.typed_yes(COMPARE, INFORMED)

    def field_completed(self, name: str, value: str) -> None:
        if name == INFORMED:
            self.confirm(self.applying_check(INFORMED), value)

    def _reads(self) -> dict[int, str]:
        view = self.view
        if view is None:
            return {}
        page = view.devices[self.page_offset : self.page_offset + self.page_size]
        return {
            device.equipment_id: self.field(f"{READ}_{index}").value
            for index, device in enumerate(page)
        }

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        compare = self.applying_check(COMPARE)
        if compare is not None and not compare.done:
            answer = self.field(COMPARE).value.strip().upper()
            if answer != YES:
                self.message(messages.text("ui.support.serials_compare"), error=True)
                self.field(COMPARE).mark_error(True)
                return
            reads = self._reads()
            if not self.write(
                lambda: self.desk.inventory.compare_serials(reads), field=f"{READ}_0"
            ):
                return
            self.fill_step()
            self.show_next()
            dime = self.call.record.state.request_field(DIME_FIELD)
            self.message(
                messages.text("ui.support.serials_escalated", number=dime)
                if dime
                else messages.text("ui.support.serials_match")
            )
            return
        self.field_completed(INFORMED, self.field(INFORMED).value)
        if self.panel.canvas.message_is_error:
            return
        await self.go_on()
