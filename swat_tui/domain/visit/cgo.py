"""The "tipificación seguimiento de procesos" form: a visit no window of the agenda could take.

Only when no window is free in the days the agent offers (otherwise the agent
books one); backoffice CGO then confirms the agenda with the customer, in one
of their preferred windows, before ``due_at``, the management time the agent
tells the customer. The pending forms are CGO's work list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from functools import cache

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.calendar_co import add_business_days
from swat_tui.config import BOGOTA
from swat_tui.domain.errors import refusal
from swat_tui.domain.visit import agenda
from swat_tui.domain.visit.views import CgoFormView
from swat_tui.store.demo.agenda import load_plan
from swat_tui.store.engine import read_session
from swat_tui.store.enums import CgoStatus, WorkOrderStatus
from swat_tui.store.models import Account, CgoForm, WorkOrder
from swat_tui.store.queries import cgo as cgo_queries

# CGO's management time: it confirms the visit within 2 business days (Colombian
# holidays skipped, as PQR terms count them), by the end of the backoffice's day.
MANAGEMENT_BUSINESS_DAYS = 2
DUE_HOUR = time(18, 0)
FIELD_CODES = {"windows": "cgo_windows", "days": "cgo_days", "notes": "cgo_notes"}
LIMITS = {"windows": 40, "days": 40, "notes": 250}  # the columns of cgo_form


@dataclass(frozen=True)
class CgoRequest:
    """What the agent typed on CGO010, checked."""

    windows: str  # "08-10 14-16": codes of the agenda's windows, in the agenda's order
    days: str
    notes: str

    @classmethod
    def checked(cls, *, windows: str, days: str, notes: str = "") -> CgoRequest:
        codes = window_codes()
        typed = windows.replace(",", " ").split()
        if not typed:
            raise refusal(
                "cgo.windows_missing", windows=" ".join(codes), code=FIELD_CODES["windows"]
            )
        unknown = [code for code in typed if code not in codes]
        if unknown:
            raise refusal(
                "cgo.window_unknown",
                window=unknown[0][:8],
                windows=" ".join(codes),
                code=FIELD_CODES["windows"],
            )
        chosen = " ".join(code for code in codes if code in typed)
        days_text = " ".join(days.upper().split())
        if not days_text:
            raise refusal("cgo.days_missing", code=FIELD_CODES["days"])
        if len(days_text) > LIMITS["days"]:
            raise refusal("cgo.days_long", maximum=LIMITS["days"], code=FIELD_CODES["days"])
        notes_text = " ".join(notes.split())
        if len(notes_text) > LIMITS["notes"]:
            raise refusal(
                "cgo.notes_long",
                maximum=LIMITS["notes"],
                length=len(notes_text),
                code=FIELD_CODES["notes"],
            )
        return cls(chosen, days_text, notes_text)


@cache
def window_codes() -> tuple[str, ...]:
    """The agenda's arrival windows (data/wfm_agenda.toml), as the customer picks them:
    read once, not on every CGO010 shown or form checked."""
    return tuple(window.code for window in load_plan().windows)


def due_at(now: datetime) -> datetime:
    """When CGO must have confirmed the visit: told to the customer."""
    day = add_business_days(now.astimezone(BOGOTA).date(), MANAGEMENT_BUSINESS_DAYS)
    return datetime.combine(day, DUE_HOUR, tzinfo=BOGOTA)


def require_no_free_window(session: Session, zone: str, now: datetime) -> None:
    """A CGO form is the way out when the agenda has no place: with one free, book it."""
    today = now.astimezone(BOGOTA).date()
    free = agenda.free_windows(session, zone, today, after=now)
    if free:
        raise refusal(
            "cgo.free_windows", length=len(free), days=agenda.DEFAULT_DAYS, label=free[0].label
        )


def file_form(
    session: Session,
    account: Account,
    order: WorkOrder,
    request: CgoRequest,
    *,
    zone: str,
    call_id: int | None,
    agent: str,
    now: datetime,
) -> CgoForm:
    """The follow-up form of a pending order, numbered, due in the management time."""
    assert order.id is not None
    if order.status != WorkOrderStatus.PENDIENTE:
        raise refusal("cgo.order_closed", number=order.number, status=order.status)
    pending = cgo_queries.forms_with_status(
        session, status=CgoStatus.PENDIENTE, work_order_ids=[order.id]
    )
    if pending:
        form, _number = pending[0]
        raise refusal("cgo.already_filed", number=order.number, form=form.number)
    require_no_free_window(session, zone, now)
    agenda.touch(order, agent, now)  # the order is now followed up by CGO: its version moves
    session.add(order)
    form = CgoForm(
        number=cgo_queries.next_number(session),
        cuenta=account.cuenta,
        call_id=call_id,
        work_order_id=order.id,
        zone=zone,
        reason=order.reason,
        contact_name=order.contact_name or account.holder_name[:60],
        contact_phone=order.contact_phone or "",
        address=order.address or account.address[:80],
        preferred_windows=request.windows,
        preferred_days=request.days,
        notes=request.notes,
        status=CgoStatus.PENDIENTE,
        created_at=now,
        created_by=agent,
        due_at=due_at(now),
    )
    return cgo_queries.add_form(session, form)


def form_view(form: CgoForm, order_number: str) -> CgoFormView:
    return CgoFormView(
        number=form.number,
        cuenta=form.cuenta,
        order=order_number,
        zone=form.zone,
        reason=form.reason,
        contact_name=form.contact_name,
        contact_phone=form.contact_phone,
        address=form.address,
        preferred_windows=form.preferred_windows,
        preferred_days=form.preferred_days,
        notes=form.notes,
        status=form.status,
        created_at=form.created_at.astimezone(BOGOTA),
        created_by=form.created_by,
        due_at=form.due_at.astimezone(BOGOTA),
        management_days=MANAGEMENT_BUSINESS_DAYS,
    )


def list_pending(engine: Engine) -> tuple[CgoFormView, ...]:
    """``swat cgo list``: the pending forms, read in a transaction of their own."""
    with read_session(engine) as session:
        return pending_forms(session)


def pending_forms(session: Session) -> tuple[CgoFormView, ...]:
    """CGO's work list: the forms still to confirm, the soonest due first."""
    rows = cgo_queries.forms_with_status(session, status=CgoStatus.PENDIENTE)
    return tuple(form_view(form, number) for form, number in rows)
