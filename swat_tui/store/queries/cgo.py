"""CGO follow-up forms: numbering, writing, the pending work list."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from swat_tui.store.models import CgoForm, WorkOrder
from swat_tui.store.queries import numbering


def next_number(session: Session) -> str:
    """The next form number (CGO000000001), from its counter in the caller's write
    transaction."""
    return numbering.take(session, numbering.CGO)


def add_form(session: Session, form: CgoForm) -> CgoForm:
    session.add(form)
    session.flush()
    return form


def forms_with_status(
    session: Session, *, status: str, work_order_ids: Sequence[int] | None = None
) -> Sequence[tuple[CgoForm, str]]:
    """Forms in ``status`` with their order's number, the soonest due first."""
    statement = (
        select(CgoForm, WorkOrder.number)
        .join(WorkOrder, col(WorkOrder.id) == col(CgoForm.work_order_id), isouter=True)
        .where(CgoForm.status == status)
        .order_by(col(CgoForm.due_at), col(CgoForm.id))
    )
    if work_order_ids is not None:
        statement = statement.where(col(CgoForm.work_order_id).in_(list(work_order_ids)))
    return [(form, number or "") for form, number in session.exec(statement).all()]
