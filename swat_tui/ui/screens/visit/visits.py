"""VIS010: step 5, the technical visit — the account's LLS/OT, a new one, its agenda.

The list shows each order with its status and the window it is booked in:
1 books a pending one, 2 moves a booked one (both on VIS030, the agenda), 4
cancels (refused if another agent changed the order since the list was read:
the list is read again, the 4 stays on the order's row for a second Intro).
F23 creates an LLS, F15+F6 an OT (VIS020, then its agenda). The
step's checks are recorded by those actions; the agent types S once the
order and the window (or the CGO form) are read to the customer. While the
node has an open mass aviso no visit is offered: S records the step as
escalated to the aviso.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import MESSAGE_WIDTH
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.ui.format import clip, day
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.procedure.step_view import CheckView
    from swat_tui.domain.visit.views import VisitOrderView, VisitsView

BOOK, RESCHEDULE, CANCEL = "1", "2", "4"
ORDER, AGENDA, INFORMED = "ord", "agd", "inf"
DETAIL_WIDTH = 78


class VisitsScreen(CallStepScreen, PagedScreen, panel="VIS010"):
    """The visits are the store's: the panel re-reads them after every action."""

    def __init__(self) -> None:
        super().__init__()
        self.view: VisitsView | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.view = None

    def fill_step(self) -> None:
        self.set_fields({**self.account_line(), "detail": "", "detail2": ""})
        self._load()
        self._paint_checks()

    def _load(self) -> None:
        cuenta = self.call.record.cuenta
        view = self.attempt(lambda: self.desk.visit.orders(cuenta)) if cuenta is not None else None
        self.view = view
        if view is None:
            self.show_records([])
            self.set_fields({"zone": "", "aviso": ""})
            return
        self.set_fields({"zone": view.zone, "aviso": _aviso_line(view)})
        self.show_records([_record(order) for order in view.orders])
        if view.orders:
            self.set_fields(_detail(view.orders[0]))  # the list cuts long reasons
        agenda = self._check(AGENDA)
        if view.aviso and not (agenda is not None and agenda.done):
            self.message(view.aviso_message, error=True)  # S records it informed

    def _check(self, name: str) -> CheckView | None:
        return self.desk.call.step_view(self.PANEL_ID).by_field(name)

    def _paint_checks(self) -> None:
        for name in (ORDER, AGENDA):
            check = self._check(name)
            result = _shown_result(check.result if check is not None else None)
            self.set_fields({name: clip(result, self.display_file.fields[name].width)})
        informed = self._check(INFORMED)
        if informed is not None and informed.done:
            self.field(INFORMED).value = YES
        self.focus_field(INFORMED if self.view and self.view.orders else "o_0")

    def guide_view(self) -> GuideView:
        """Under an open mass aviso no visit is offered: "Siguiente" (and the guide) say
        to inform the aviso, not to create an order."""
        view = super().guide_view()
        order = self._check(ORDER) if self.in_call else None
        aviso = self.view.aviso if self.view is not None else ""
        if aviso and order is not None and not order.done:
            told = self.desk.procedure.message("visit_aviso_next", number=aviso)
            return replace(view, next_action=told)
        return view

    def typed_checks(self) -> frozenset[str]:
        check = self._check(INFORMED)
        typed = self.field(INFORMED).value.strip().upper() == YES
        if check is None or check.done or not typed:
            return frozenset()
        return frozenset({check.check.id})

    def field_completed(self, name: str, value: str) -> None:
        if name == INFORMED:
            self._informed(value)

    def _informed(self, value: str) -> None:
        """S: the visit was read to the customer; under an aviso, the aviso was."""
        view = self.view
        check = self._check(INFORMED)
        typed = value.strip().upper()
        if view is not None and view.aviso and typed == YES and check and not check.done:
            cuenta = view.cuenta
            if self.write(lambda: self._under_aviso(cuenta), field=INFORMED):
                self.fill_step()
            return
        self.confirm(check, value)

    def _under_aviso(self, cuenta: int) -> CallRecord:
        self.desk.visit.under_aviso(cuenta)
        return self.call.record

    def returned(self) -> None:
        """Back from VIS020, VIS030 or CGO010: an order may be new, booked or filed."""
        if self.in_call:
            self.clear_errors()
            self.fill()
            self._tell_last()

    def _tell_last(self) -> None:
        """Row 24: what the agent now reads to the customer (the last action's result)."""
        check = self._check(AGENDA)
        done = _shown_result(check.result if check is not None else None)
        if done:
            told = messages.text("ui.visit.visits_told", done=done)
            self.message(told if len(told) <= MESSAGE_WIDTH else done[:MESSAGE_WIDTH])

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is not None:
            await self._option(typed.option, typed.record, typed.field)
            return
        self.field_completed(INFORMED, self.field(INFORMED).value)
        if self.panel.canvas.message_is_error:
            return
        await self.go_on()  # the engine refuses while a check of the step is pending

    async def _option(self, option: str, index: int, row: str) -> None:
        view = self.view
        if view is None or index >= len(view.orders):
            return
        order = view.orders[index]
        self.set_fields(_detail(order))
        if option not in (BOOK, RESCHEDULE, CANCEL):
            self.message(
                messages.text("ui.visit.visits_option", option=option[:3]), error=True, field=row
            )
            self.field(row).mark_error(True)
            return
        if option == CANCEL:
            cuenta = view.cuenta
            cancelled = self.write(
                lambda: self._cancel(cuenta, order),
                field=row,
                read_again=lambda: self._read_again(order.number, option),
            )
            if cancelled:
                self.fill_step()
                self.message(messages.text("ui.visit.order_cancelled", number=order.number))
            return
        if not order.open:
            told = messages.text("ui.visit.order_status", number=order.number, status=order.status)
            self.message(told, error=True, field=row)
            self.field(row).mark_error(True)
            return
        moving = option == RESCHEDULE
        if moving != (order.status == "AGENDADA"):
            rule = "ui.visit.order_not_booked" if moving else "ui.visit.order_already_booked"
            self.message(messages.text(rule, number=order.number), error=True, field=row)
            self.field(row).mark_error(True)
            return
        self.field(row).value = ""
        mode = "reagendar" if moving else "agendar"
        await self.open_panel("VIS030", view.cuenta, self._holder(), order=order.number, mode=mode)

    def _cancel(self, cuenta: int, order: VisitOrderView) -> CallRecord:
        self.desk.visit.cancel(cuenta, order.number, seen=order)
        return self.call.record

    def _read_again(self, number: str, option: str) -> str | None:
        """The order changed since the list was read: the list as it is now, with its
        detail, and the option the agent typed on the same order's row."""
        self._load()
        orders = self.view.orders if self.view is not None else ()
        index = next((i for i, order in enumerate(orders) if order.number == number), None)
        if index is None:
            return None
        self.set_fields(_detail(orders[index]))
        return self.show_option_on(option, index)


def _shown_result(result: str | None) -> str:
    """A step-5 check's result as the agent reads it (an escalation says so at the end)."""
    if not result:
        return ""
    escalated_to = load_actions().escalated_to(result)
    if escalated_to:
        return f"{escalated_to} (escalada)"
    return result


def _aviso_line(view: VisitsView) -> str:
    if view.aviso:
        return f"Aviso {view.aviso} abierto en el nodo: no se ofrece visita."
    open_orders = [order for order in view.orders if order.open]
    if not view.orders:
        return "Sin visitas: F23=Nueva LLS  F15+F6=Nueva OT"
    return f"Visitas abiertas: {len(open_orders)} de {len(view.orders)}"


def _record(order: VisitOrderView) -> dict[str, str]:
    state = "PENDIENTE CGO" if order.cgo_number else order.status
    return {
        "num": order.number,
        "k": order.kind,
        "state": state,
        "win": order.window,
        "reason": order.reason,
    }


def _detail(order: VisitOrderView) -> dict[str, str]:
    # Number, day, contact and address on one row: the address is what the
    # customer confirms, so the words around it are the ones left out.
    contact = f"  {order.contact_name} {order.contact_phone}" if order.contact_name else ""
    address = f"  {order.address}" if order.address else ""
    first = f"{order.number} {day(order.created_at)}{contact}{address}".rstrip()
    second = f"Motivo: {order.reason}"
    return {"detail": clip(first, DETAIL_WIDTH), "detail2": clip(second, DETAIL_WIDTH)}
