"""The visit area of the desk (step 5): LLS/OT, the WFM agenda, the CGO form.

Each agent action is one transaction: the account read through the gate (and
the access logged), the order, booking or form written, and, in a call of
that account whose request goes through step 5, the step's checks and the
code the typification proposes recorded in the call's state. A refusal
raises ``DomainError`` and writes nothing; what the agent typed stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.account.service import pending_visits_in
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import CallState
from swat_tui.domain.support import avisos, td_walk
from swat_tui.domain.support.routes import VISIT_BRANCH
from swat_tui.domain.support.td_trees import TdTree, folder_trees
from swat_tui.domain.visit import agenda as wfm
from swat_tui.domain.visit import cgo
from swat_tui.domain.visit import orders as work_orders
from swat_tui.domain.visit.agenda import BookedVisit
from swat_tui.domain.visit.views import AgendaView, CgoFormView, VisitOrderView, VisitsView
from swat_tui.store.enums import CgoStatus
from swat_tui.store.models import Account, WorkOrder
from swat_tui.store.queries import cases
from swat_tui.store.queries import cgo as cgo_queries
from swat_tui.store.queries import visits as visit_queries

T = TypeVar("T")

# What each visit action records in step 5 and the code TIP001 proposes for it:
# data/actions.toml (its checks: data/procedure.toml; its codes: data/ucc.csv).
ACTIONS = load_actions()
ORDER, BOOK, RESCHEDULE, CANCEL, CGO, AVISO = (
    ACTIONS.action(f"visit_{name}")
    for name in ("order", "book", "reschedule", "cancel", "cgo", "aviso")
)
# TIP001's notes of the request (ui/screens/call/typification.py reads this field):
# the visit's number and window, or the CGO form's, are offered there.
NOTES_FIELD = "typification_notes_{number}"


def _symptom(state: CallState, trees: tuple[TdTree, ...]) -> str:
    """The T&D leaf a soporte request reached (its tree's title and result), or ""."""
    walk = td_walk.request_walk(state, trees)
    leaf = walk.leaf if walk is not None else None
    return f"{walk.tree.titulo}: {leaf.resultado}" if walk is not None and leaf is not None else ""


def _day(moment: datetime) -> str:
    return f"{moment.astimezone(BOGOTA):%d/%m/%y}"


class VisitIntents(AreaService, area="visit"):
    """Creating a visit order, booking, moving or cancelling it, or filing it for CGO."""

    # -- the transaction every intent runs in ------------------------------------------

    def _in_step5(self, cuenta: int) -> bool:
        """A call of this account whose current request goes through step 5."""
        call = self.ctx.call_of(cuenta)
        if call is None:
            return False
        state = call.record.state
        return state.request is not None and VISIT_BRANCH in state.request_branches

    def _call_id(self, cuenta: int) -> int | None:
        call = self.ctx.call_of(cuenta)
        return call.call_id if call is not None else None

    def _write(
        self,
        cuenta: int,
        action: str,
        work: Callable[[Session, Account], T],
        checks: Callable[[CallChange, T], str] | None = None,
        acted: Callable[[CallChange, T], None] | None = None,
    ) -> T:
        """``work`` and, in a step-5 call, ``checks`` on the call (they return the UCC
        code the action suggests): one transaction. In any call of the account,
        ``acted`` writes the action's event with the number it produced."""
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, action)
            result = work(tx.session, account)
            if checks is not None and self._in_step5(cuenta):

                def checked(change: CallChange) -> str:
                    if acted is not None:
                        acted(change, result)
                    return checks(change, result)

                tx.change_call(checked)
                # step 2's pending-visit flag: the new order or booking
                pending = pending_visits_in(tx.session, cuenta)
                tx.update_account(lambda view: replace(view, pending_visits=pending))
            elif acted is not None and self.ctx.call_of(cuenta) is not None:
                tx.change_call(lambda change: acted(change, result))
        return result

    # -- reading ----------------------------------------------------------------------

    def orders(self, cuenta: int) -> VisitsView:
        """VIS010: the account's LLS/OT with their window, and a new order's defaults."""
        with self.ctx.transaction() as tx:
            session = tx.session
            account = tx.account(cuenta, "VISITAS")
            rows = cases.work_orders_of(session, cuenta=cuenta, newest_first=True)
            views = self._order_views(session, rows)
            aviso = avisos.mass_aviso_on(session, account.node)
        call = self.ctx.call_of(cuenta)
        record = call.record if call is not None else None
        state = record.state if record is not None else None
        request = state.request if state is not None else None
        return VisitsView(
            cuenta=cuenta,
            zone=wfm.zone_of(account.node),
            orders=views,
            aviso=aviso.number if aviso is not None else "",
            aviso_message=work_orders.aviso_refusal(aviso.number) if aviso is not None else "",
            reason=request.description if request is not None else "",
            symptom=_symptom(state, folder_trees(self.ctx.services.td_dir).trees)
            if state is not None
            else "",
            # Who called (step 1) usually receives the technician; the agent may change it.
            contact_name=(record.caller_name if record else None) or account.holder_name,
            contact_phone=(record.callback_number if record else None)
            or account.phone_mobile
            or account.phone_fixed
            or "",
            address=account.address,
        )

    def _order_views(
        self, session: Session, found: Sequence[WorkOrder]
    ) -> tuple[VisitOrderView, ...]:
        ids = [row.id for row in found if row.id is not None]
        slots = visit_queries.booked_slots(session, work_order_ids=ids)
        forms = {
            form.work_order_id: form
            for form, _number in cgo_queries.forms_with_status(
                session, status=CgoStatus.PENDIENTE, work_order_ids=ids
            )
        }
        return tuple(
            work_orders.order_view(row, slots.get(row.id or 0), forms.get(row.id)) for row in found
        )

    def agenda(self, cuenta: int, number: str) -> AgendaView:
        """VIS030: the free windows of the zone for an open order (none under an aviso)."""
        now = self.ctx.now()
        with self.ctx.transaction() as tx:
            session = tx.session
            account = tx.account(cuenta, "AGENDA")
            order = work_orders.order_of_account(session, cuenta, number)
            if order.status not in wfm.CANCELLABLE:
                raise refusal("visit.order_no_wfm", number=order.number, status=order.status)
            work_orders.refuse_under_aviso(session, account)
            zone = wfm.zone_of(account.node)
            today = now.astimezone(BOGOTA).date()
            windows = wfm.free_windows(session, zone, today, after=now)
            [view] = self._order_views(session, [order])
        return AgendaView(view, zone, today, wfm.DEFAULT_DAYS, tuple(windows))

    # -- creating, booking, moving, cancelling ---------------------------------------------

    def create_order(
        self,
        cuenta: int,
        *,
        kind: str,
        reason: str,
        symptom: str,
        contact_name: str,
        contact_phone: str,
        address: str,
        confirmed: str,
        access_notes: str = "",
    ) -> VisitOrderView:
        """F23 (LLS) or F15+F6 (OT), then Intro on VIS020: the order gets its number."""
        form = work_orders.OrderForm.checked(
            kind=kind,
            reason=reason,
            symptom=symptom,
            contact_name=contact_name,
            contact_phone=contact_phone,
            address=address,
            confirmed=confirmed,
            access_notes=access_notes,
        )

        def work(session: Session, account: Account) -> VisitOrderView:
            order = work_orders.create_order(
                session,
                account,
                form,
                call_id=self._call_id(cuenta),
                agent=self.ctx.agent.username,
                now=self.ctx.now(),
            )
            return work_orders.order_view(order)

        def checks(change: CallChange, view: VisitOrderView) -> str:
            change.record(ORDER.check, f"{view.number} creada")
            return ORDER.suggested(view.kind)

        def acted(change: CallChange, view: VisitOrderView) -> None:
            change.action("visit.create_order", view.number, kind=view.kind)

        return self._write(cuenta, "VISITA_CREA", work, checks, acted)

    def book(
        self, cuenta: int, number: str, slot_id: int, *, seen: VisitOrderView | None = None
    ) -> BookedVisit:
        """1=Agendar on VIS030: the window agreed with the customer; SLOT_TAKEN (with the
        next free windows) when someone else just took its last place. ``seen``: the
        order as the panel read it (refused with CHANGED if it changed since)."""

        def work(session: Session, account: Account) -> BookedVisit:
            order = self._order_as_seen(session, cuenta, number, seen)
            work_orders.refuse_under_aviso(session, account)
            return wfm.book(session, order.number, slot_id, self.ctx.agent.username, self.ctx.now())

        def checks(change: CallChange, booked: BookedVisit) -> str:
            self._order_checked(change, booked.number, "agendada")
            change.record(BOOK.check, f"{booked.number} agendada {booked.window.label}")
            kind = "LLS" if booked.number.startswith("LLS") else "OT"
            self._offer_notes(change, f"{booked.number} agendada {booked.window.label}.")
            return BOOK.suggested(kind)

        def acted(change: CallChange, booked: BookedVisit) -> None:
            change.action("visit.book", booked.number, window=booked.window.label)

        return self._write(cuenta, "AGENDA", work, checks, acted)

    def reschedule(
        self, cuenta: int, number: str, slot_id: int, *, seen: VisitOrderView | None = None
    ) -> BookedVisit:
        """2=Reagendar: the visit moves to another window; a full one keeps the old booking
        (``seen``: as in ``book``)."""

        def work(session: Session, account: Account) -> BookedVisit:
            order = self._order_as_seen(session, cuenta, number, seen)
            work_orders.refuse_under_aviso(session, account)
            return work_orders.move(
                session, order, slot_id, self.ctx.agent.username, self.ctx.now()
            )

        def checks(change: CallChange, booked: BookedVisit) -> str:
            self._order_checked(change, booked.number, "reagendada")
            change.record(RESCHEDULE.check, f"{booked.number} reagendada {booked.window.label}")
            self._offer_notes(change, f"{booked.number} reagendada {booked.window.label}.")
            return RESCHEDULE.suggested()

        def acted(change: CallChange, booked: BookedVisit) -> None:
            change.action("visit.reschedule", booked.number, window=booked.window.label)

        return self._write(cuenta, "AGENDA", work, checks, acted)

    def cancel(
        self, cuenta: int, number: str, *, seen: VisitOrderView | None = None
    ) -> VisitOrderView:
        """4=Cancelar on VIS010: the visit is cancelled and its window's place given back
        (``seen``: as in ``book``)."""

        def work(session: Session, account: Account) -> VisitOrderView:
            order = self._order_as_seen(session, cuenta, number, seen)
            wfm.cancel(session, order.number, self.ctx.agent.username, self.ctx.now())
            return work_orders.order_view(order)

        def checks(change: CallChange, view: VisitOrderView) -> str:
            self._order_checked(change, view.number, "cancelada")
            change.record(CANCEL.check, f"{view.number} cancelada")
            self._offer_notes(change, f"{view.number} cancelada a solicitud del cliente.")
            return CANCEL.suggested()

        def acted(change: CallChange, view: VisitOrderView) -> None:
            change.action("visit.cancel", view.number)

        return self._write(cuenta, "VISITA_CANCELA", work, checks, acted)

    # -- no window: the CGO follow-up form ----------------------------------------------

    def file_cgo_form(
        self,
        cuenta: int,
        number: str,
        *,
        windows: str,
        days: str,
        notes: str = "",
        seen: VisitOrderView | None = None,
    ) -> CgoFormView:
        """F6 on VIS030 with no window free, then Intro on CGO010: CGO confirms the
        agenda later; the request is escalated (not solved on the line). ``seen``: the
        order whose contact and address CGO010 showed (as in ``book``)."""
        request = cgo.CgoRequest.checked(windows=windows, days=days, notes=notes)

        def work(session: Session, account: Account) -> CgoFormView:
            order = self._order_as_seen(session, cuenta, number, seen)
            work_orders.refuse_under_aviso(session, account)
            form = cgo.file_form(
                session,
                account,
                order,
                request,
                zone=wfm.zone_of(account.node),
                call_id=self._call_id(cuenta),
                agent=self.ctx.agent.username,
                now=self.ctx.now(),
            )
            return cgo.form_view(form, order.number)

        def checks(change: CallChange, form: CgoFormView) -> str:
            self._order_checked(change, form.order, "sin cupo")
            change.record(CGO.check, ACTIONS.escalation(f"formulario CGO {form.number}"))
            self._offer_notes(
                change,
                f"Sin cupo: formulario CGO {form.number} de {form.order}; "
                f"CGO confirma a más tardar el {_day(form.due_at)}.",
            )
            return CGO.suggested()

        def acted(change: CallChange, form: CgoFormView) -> None:
            change.action("visit.file_cgo_form", form.number, order=form.order)

        return self._write(cuenta, "FORMULARIO_CGO", work, checks, acted)

    def cgo_window_codes(self) -> tuple[str, ...]:
        """The agenda's arrival windows a CGO form may name (data/wfm_agenda.toml)."""
        return cgo.window_codes()

    def under_aviso(self, cuenta: int) -> str:
        """The node's mass aviso rules the visit out: step 5 ends escalated to the aviso
        (informed to the customer), and TIP001 proposes its code; the aviso's number."""
        if not self._in_step5(cuenta):
            raise refusal("visit.outside_call")

        def work(session: Session, account: Account) -> str:
            aviso = avisos.mass_aviso_on(session, account.node)
            if aviso is None:
                raise refusal("visit.no_aviso")
            return aviso.number

        def checks(change: CallChange, number: str) -> str:
            order_check, agenda_check, informed_check = AVISO.checks
            change.record(order_check, f"no creada: aviso {number}")
            change.record(agenda_check, ACTIONS.escalation(f"aviso {number}"))
            change.record(informed_check, "informada")
            self._offer_notes(change, f"Visita no agendada: nodo con aviso {number} abierto.")
            return AVISO.suggested()

        def acted(change: CallChange, number: str) -> None:
            change.action("visit.under_aviso", number)

        return self._write(cuenta, "AVISO_VISITA", work, checks, acted)

    # -- helpers ----------------------------------------------------------------------

    def _order_as_seen(
        self, session: Session, cuenta: int, number: str, seen: VisitOrderView | None
    ) -> WorkOrder:
        """The account's order, locked until the intent commits (so it cannot change
        between this check and the write), refused if it changed since the agent's panel
        read ``seen``."""
        order = work_orders.order_of_account(session, cuenta, number, for_update=True)
        if seen is not None and seen.version != order.version:
            [fresh] = self._order_views(session, [order])
            today = self.ctx.now().astimezone(BOGOTA).date()
            work_orders.refuse_if_changed(order, seen, fresh, today)
        return order

    @staticmethod
    def _order_checked(change: CallChange, number: str, what: str) -> None:
        """The order check, when the visit handled was not created in this request."""
        state = change.state
        if state.mark_for(ORDER.check, state.request_number) is None:
            change.record(ORDER.check, f"{number} {what}")

    @staticmethod
    def _offer_notes(change: CallChange, text: str) -> None:
        """What TIP001's notes offer for the request (the agent may edit it there)."""
        change.set_request_field(NOTES_FIELD, text)
