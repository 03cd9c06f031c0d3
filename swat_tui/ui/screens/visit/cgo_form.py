"""CGO010: the "tipificación seguimiento de procesos" form, when the agenda has no window.

The order's contact and address are shown as CGO receives them; the agent
types the customer's preferred windows and days and notes for CGO. Intro
files it through the desk (refused while a window is free: book it then, or
when another agent changed the order since it was shown: shown again);
the panel shows its number and the management time to tell the customer,
and Intro again goes back. A refusal keeps everything typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day, hour, two_lines
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.keeps_typed import KeepsTyped

if TYPE_CHECKING:
    from swat_tui.domain.visit.views import CgoFormView, VisitOrderView

ERROR_FIELDS = {"cgo_windows": "win", "cgo_days": "days", "cgo_notes": "notes1"}
READ_WIDTH = 78


TO_FILE = "Digite las preferencias del cliente y pulse Intro para radicar el formulario."
FILED = "Lea al cliente el número y el plazo; Intro vuelve a la visita técnica."


class CgoFormScreen(AccountSubpanel, KeepsTyped, panel="CGO010"):
    """One follow-up form for a pending order with no window in the agenda."""

    FRONT = True

    def __init__(self, cuenta: int, holder: str = "", *, order: str) -> None:
        super().__init__(cuenta, holder)
        self.order = order
        self.filed: CgoFormView | None = None
        self.seen: VisitOrderView | None = None  # the order as the panel shows it

    def fill(self) -> None:
        self.filed = None
        values = dict.fromkeys(
            ("zone", "reason", "contact", "tel", "address", "number", "status", "due"), ""
        )
        values |= {"read1": "", "read2": "", "hint": TO_FILE}
        self.set_fields({**self.account_fields(), **values, "order": self.order})
        codes = self.desk.visit.cgo_window_codes()
        self.set_fields({"codes": f"Franjas: {'  '.join(codes)} (una o varias, con espacios)"})
        if self._show_order():
            self.restore_typed()

    def _show_order(self) -> bool:
        """The order's contact and address as the store has them now (the form is
        filed against what the panel showed: ``seen``)."""
        view = self.attempt(lambda: self.desk.visit.orders(self.cuenta))
        order = next((o for o in view.orders if o.number == self.order), None) if view else None
        self.seen = order
        if view is None or order is None:
            return False
        self.set_fields(
            {
                "zone": view.zone,
                "reason": order.reason,
                "contact": order.contact_name,
                "tel": order.contact_phone,
                "address": order.address,
            }
        )
        return True

    def front_options(self) -> dict[str, str]:
        return {"order": self.order}

    async def action_rr_enter(self) -> None:
        if self.filed is not None:
            await self.app.pop_screen()
            return
        self.clear_errors()
        notes = " ".join(self.field(n).value.strip() for n in ("notes1", "notes2")).strip()
        form = self.attempt(
            lambda: self.desk.visit.file_cgo_form(
                self.cuenta,
                self.order,
                windows=self.field("win").value,
                days=self.field("days").value,
                notes=notes,
                seen=self.seen,
            ),
            fields=ERROR_FIELDS,
            read_again=self._read_again,
        )
        if form is None:
            return
        self.forget_typed()
        self._show_filed(form)

    def _read_again(self) -> str | None:
        """Another agent changed the order meanwhile: it is shown as it is now; what the
        agent typed stays where it is (no field of theirs is in error)."""
        self._show_order()
        return None

    def _show_filed(self, form: CgoFormView) -> None:
        """The number and the management time to read to the customer; Intro goes back."""
        self.filed = form
        due = f"{day(form.due_at)} {hour(form.due_at)}"
        script = (
            f"Su visita quedó en seguimiento con el formulario {form.number}: el área "
            f"CGO lo llamará para confirmar la fecha a más tardar el {due}."
        )
        read = two_lines(script, READ_WIDTH)
        self.set_fields(
            {
                "number": form.number,
                "status": form.status,
                "due": f"{form.management_days} días hábiles: a más tardar el {due}",
                "read1": read[0],
                "read2": read[1],
                "hint": FILED,
            }
        )
        self.message(messages.text("ui.visit.cgo_filed", number=form.number))
