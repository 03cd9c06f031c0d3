"""VIS020: a new LLS (F23) or OT (F15+F6) for the call's account.

Prefilled from the call: the request as reason, the T&D leaf as symptom
(soporte -> visita), the caller and their callback number as contact, the
account's address to confirm. Intro creates the order through the desk and
opens its agenda (VIS030); a refusal names the field, which keeps what was
typed. Once the visit is booked (or filed for CGO) the panel closes itself.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day, hour
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.keeps_typed import KeepsTyped

if TYPE_CHECKING:
    from swat_tui.domain.visit.views import VisitOrderView

KIND_NAMES = {"LLS": "LLS: llamada de servicio", "OT": "OT: orden de trabajo"}
# Which field a refusal is about (the domain's error codes, domain/visit/orders.py).
ERROR_FIELDS = {
    "visit_reason": "reason",
    "visit_symptom": "sym1",
    "visit_contact": "contact",
    "visit_phone": "tel",
    "visit_address": "address",
    "visit_confirmed": "ok",
    "visit_notes": "notes1",
}


class OrderScreen(AccountSubpanel, KeepsTyped, panel="VIS020"):
    """One new order; Intro creates it and opens the agenda of its zone."""

    KEPT = True
    FRONT = True

    def __init__(self, cuenta: int, holder: str = "", *, kind: str = "LLS") -> None:
        super().__init__(cuenta, holder)
        self.kind = kind
        self.created: VisitOrderView | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.created = None

    def configure(self, cuenta: int, holder: str = "", *, kind: str = "LLS") -> None:
        super().configure(cuenta, holder)
        self.kind = kind

    def fill(self) -> None:
        self.created = None
        self.set_fields(
            {
                **self.account_fields(),
                "kind": self.kind,
                "kindname": KIND_NAMES.get(self.kind, ""),
                "zone": "",
                "number": "",
                "created": "",
                "read1": "",
            }
        )
        view = self.attempt(lambda: self.desk.visit.orders(self.cuenta))
        if view is None:
            return
        self.set_fields({"zone": view.zone})
        if view.aviso:
            self.message(view.aviso_message, error=True)
        width = self.field("sym1").spec.width
        lines = textwrap.wrap(view.symptom, width)  # whole words on each line
        symptom = [*lines, ""]
        rest = " ".join(lines[1:])
        values = {
            "reason": view.reason,
            "sym1": symptom[0],
            "sym2": rest,
            "contact": view.contact_name,
            "tel": view.contact_phone if view.contact_phone.isdigit() else "",
            "address": view.address,
        }
        for name, value in values.items():
            self.field(name).value = value
        self.restore_typed()
        self.focus_field("reason" if not self.field("reason").value else "ok")

    def front_options(self) -> dict[str, str]:
        return {"kind": self.kind}

    def _joined(self, *names: str) -> str:
        return " ".join(self.field(name).value.strip() for name in names).strip()

    async def action_rr_enter(self) -> None:
        if self.created is not None:
            await self._open_agenda(self.created)
            return
        self.clear_errors()
        order = self.attempt(
            lambda: self.desk.visit.create_order(
                self.cuenta,
                kind=self.kind,
                reason=self.field("reason").value,
                symptom=self._joined("sym1", "sym2"),
                contact_name=self.field("contact").value,
                contact_phone=self.field("tel").value,
                address=self.field("address").value,
                confirmed=self.field("ok").value,
                access_notes=self._joined("notes1", "notes2"),
            ),
            fields=ERROR_FIELDS,
        )
        if order is None:
            return
        self.created = order
        self.forget_typed()  # the order holds it now; the next one starts afresh
        self.set_fields(
            {
                "number": order.number,
                "created": f"creada {day(order.created_at)} {hour(order.created_at)} PENDIENTE",
                "read1": f"Lea al cliente: su {order.kind} es la número {order.number}.",
            }
        )
        await self._open_agenda(order)

    async def _open_agenda(self, order: VisitOrderView) -> None:
        await self.open_panel("VIS030", self.cuenta, self.holder, order=order.number)

    def returned(self) -> None:
        """Back from the agenda: booked or filed for CGO, this panel's work is done."""
        created = self.created
        if created is None:
            return
        view = self.attempt(lambda: self.desk.visit.orders(self.cuenta))
        now = next((o for o in view.orders if o.number == created.number), None) if view else None
        if now is not None and (now.status != "PENDIENTE" or now.cgo_number):
            self.close_later()
            return
        self.message(messages.text("ui.visit.order_unbooked", number=created.number))
