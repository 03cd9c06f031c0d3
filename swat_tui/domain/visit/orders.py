"""Creating a technical visit: an LLS (F23) or an OT (F15+F6) with what the technician needs.

The order is checked whole before anything is written (reason, symptom, who
receives the technician and a phone of 7 or 10 digits, the address confirmed
with the customer, access notes); a node with an open mass aviso gets no
visit: the call is tied to the aviso instead. Every function works in the
caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain import versions
from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.domain.support import avisos
from swat_tui.domain.visit import agenda
from swat_tui.domain.visit.views import VisitOrderView
from swat_tui.store.enums import WorkOrderKind, WorkOrderStatus
from swat_tui.store.models import Account, CgoForm, WfmSlot, WorkOrder
from swat_tui.store.queries import agenda as agenda_queries
from swat_tui.store.queries import cases
from swat_tui.store.queries import visits as visit_queries

KINDS = (WorkOrderKind.LLS.value, WorkOrderKind.OT.value)
PHONE_LENGTHS = (7, 10)  # a landline (7 digits) or a mobile (10)
YES = "S"
# The column widths of work_order (store/models/cases.py).
LIMITS = {"reason": 120, "symptom": 120, "contact_name": 60, "address": 80, "access_notes": 200}
# The catalogue ids of each field's label (as visit.field_long names it) and of
# the refusal when a required field is empty (data/messages.toml [visit.label],
# [visit.missing]).
LABELS = {name: f"visit.label.{name}" for name in LIMITS}
# DomainError.code of each refusal: the field of VIS020 it is about.
FIELD_CODES = {
    "kind": "visit_kind",
    "reason": "visit_reason",
    "symptom": "visit_symptom",
    "contact_name": "visit_contact",
    "contact_phone": "visit_phone",
    "address": "visit_address",
    "confirmed": "visit_confirmed",
    "access_notes": "visit_notes",
}
AVISO_CODE = "visit_aviso"
# What an agent reads of an order on VIS010, VIS030 and CGO010, in the order a refusal
# for a stale version names them ([changed.label] of data/messages.toml).
SHOWN = (
    "status",
    "window",
    "cgo_number",
    "contact_name",
    "contact_phone",
    "address",
    "access_notes",
    "reason",
    "symptom",
)
MISSING = {
    name: f"visit.missing.{name}" for name in ("reason", "symptom", "contact_name", "address")
}


@dataclass(frozen=True)
class OrderForm:
    """What the agent typed on VIS020, checked."""

    kind: str
    reason: str
    symptom: str
    contact_name: str
    contact_phone: str
    address: str
    access_notes: str

    @classmethod
    def checked(
        cls,
        *,
        kind: str,
        reason: str,
        symptom: str,
        contact_name: str,
        contact_phone: str,
        address: str,
        confirmed: str,
        access_notes: str = "",
    ) -> OrderForm:
        """The first thing wrong, top to bottom as VIS020 shows the fields, is refused."""
        kind_typed = kind.strip().upper()
        if kind_typed not in KINDS:
            raise refusal("visit.kind_invalid", kind=kind_typed[:6], code=FIELD_CODES["kind"])
        texts = {
            "reason": reason,
            "symptom": symptom,
            "contact_name": contact_name,
            "address": address,
            "access_notes": access_notes,
        }
        clean = {name: " ".join(value.split()) for name, value in texts.items()}
        for name in ("reason", "symptom", "contact_name"):
            _require(name, clean[name])
        phone = _phone(contact_phone)
        _require("address", clean["address"])
        if confirmed.strip().upper() != YES:
            raise refusal("visit.address_confirm", code=FIELD_CODES["confirmed"])
        _require("access_notes", clean["access_notes"], required=False)
        return cls(
            kind=kind_typed,
            reason=clean["reason"],
            symptom=clean["symptom"],
            contact_name=clean["contact_name"],
            contact_phone=phone,
            address=clean["address"],
            access_notes=clean["access_notes"],
        )


def _require(name: str, value: str, *, required: bool = True) -> None:
    if required and not value:
        raise refusal(MISSING[name], code=FIELD_CODES[name])
    if len(value) > LIMITS[name]:
        raise refusal(
            "visit.field_long",
            label=text(LABELS[name]),
            maximum=LIMITS[name],
            length=len(value),
            code=FIELD_CODES[name],
        )


def _phone(typed: str) -> str:
    """Digits only, 7 (landline) or 10 (mobile); spaces and dashes the agent typed are dropped."""
    text = typed.strip()
    digits = "".join(ch for ch in text if ch not in " -")
    if not digits:
        raise refusal("visit.phone_missing", code=FIELD_CODES["contact_phone"])
    if not digits.isdigit():
        raise refusal("visit.phone_invalid", text=text[:14], code=FIELD_CODES["contact_phone"])
    if len(digits) not in PHONE_LENGTHS:
        raise refusal("visit.phone_length", length=len(digits), code=FIELD_CODES["contact_phone"])
    return digits


def aviso_refusal(number: str) -> str:
    """Row 24 when the node has an open mass aviso: no visit, the call goes to the aviso."""
    return text("visit.node_aviso", number=number)


def refuse_under_aviso(session: Session, account: Account) -> None:
    """A visit is not offered nor booked while the node's mass aviso is open (the
    technician would find the network down)."""
    aviso = avisos.mass_aviso_on(session, account.node)
    if aviso is not None:
        raise refusal("visit.node_aviso", number=aviso.number, code=AVISO_CODE)


def create_order(
    session: Session,
    account: Account,
    form: OrderForm,
    *,
    call_id: int | None,
    agent: str,
    now: datetime,
) -> WorkOrder:
    """A new LLS/OT, PENDIENTE until booked in a window (or followed up by CGO)."""
    refuse_under_aviso(session, account)
    for existing in cases.work_orders_of(session, cuenta=account.cuenta, newest_first=True):
        if existing.kind == form.kind and existing.status in agenda.CANCELLABLE:
            raise refusal(
                "visit.order_open",
                kind=form.kind,
                number=existing.number,
                status=existing.status,
                code=FIELD_CODES["kind"],
            )
    order = WorkOrder(
        cuenta=account.cuenta,
        kind=form.kind,
        number=visit_queries.next_number(session, kind=form.kind),
        status=WorkOrderStatus.PENDIENTE,
        reason=form.reason,
        created_at=now,
        symptom=form.symptom,
        contact_name=form.contact_name,
        contact_phone=form.contact_phone,
        address=form.address,
        access_notes=form.access_notes,
        call_id=call_id,
        created_by=agent,
    )
    return visit_queries.add_order(session, order)


def order_of_account(
    session: Session, cuenta: int, number: str, *, for_update: bool = False
) -> WorkOrder:
    """An order of this account (another account's number is refused as unknown);
    ``for_update`` locks it, read afresh, until the transaction ends."""
    order = agenda_queries.work_order_by_number(
        session, number.strip().upper(), for_update=for_update
    )
    if order is None or order.cuenta != cuenta:
        raise refusal("visit.order_other_account", number=number.strip()[:16], cuenta=cuenta)
    return order


def refuse_if_changed(
    order: WorkOrder, seen: VisitOrderView | None, fresh: VisitOrderView, today: date
) -> None:
    """Refused when the order changed since the agent read ``seen`` (``fresh``: the
    order as it is now, read locked): row 24 names what changed, and by whom."""
    if seen is None or seen.version == order.version:
        return
    raise versions.changed(
        "order",
        order.number,
        versions.changed_fields(seen, fresh, SHOWN),
        by=order.updated_by,
        at=order.updated_at,
        today=today,
    )


def move(
    session: Session, order: WorkOrder, slot_id: int, agent: str, now: datetime
) -> agenda.BookedVisit:
    """Reschedule into another window. A visit scheduled before the WFM agenda (a slot
    but no booking row holding a place) is booked into the new window instead."""
    assert order.id is not None
    legacy = (
        order.status == WorkOrderStatus.AGENDADA
        and agenda_queries.booking_of(session, order.id) is None
    )
    if not legacy:
        return agenda.reschedule(session, order.number, slot_id, agent, now)
    order.status = WorkOrderStatus.PENDIENTE  # the transaction rolls this back on a refusal
    order.slot_start = None
    order.slot_end = None
    session.add(order)
    session.flush()
    return agenda.book(session, order.number, slot_id, agent, now)


def window_label(order: WorkOrder, slot: WfmSlot | None) -> str:
    """``11/03 08-10``: the WFM window, or the slot of an order booked before the agenda."""
    if slot is not None:
        return f"{slot.day:%d/%m} {slot.arrival_window}"
    if order.slot_start is None or order.status != WorkOrderStatus.AGENDADA:
        return ""
    start = order.slot_start.astimezone(BOGOTA)
    end = f"-{order.slot_end.astimezone(BOGOTA):%H}" if order.slot_end else ""
    return f"{start:%d/%m} {start:%H}{end}"


def order_view(
    order: WorkOrder, slot: WfmSlot | None = None, cgo: CgoForm | None = None
) -> VisitOrderView:
    return VisitOrderView(
        number=order.number,
        kind=order.kind,
        status=order.status,
        reason=order.reason,
        created_at=order.created_at.astimezone(BOGOTA),
        symptom=order.symptom or "",
        contact_name=order.contact_name or "",
        contact_phone=order.contact_phone or "",
        address=order.address or "",
        access_notes=order.access_notes or "",
        window=window_label(order, slot),
        booked=slot is not None,
        cgo_number=cgo.number if cgo is not None else "",
        version=order.version,
    )
