"""What is still open around an account: PQRs, visits, DIME cases, avisos on its node."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from swat_tui.store.enums import DimeStatus, IncidentStatus, PqrStatus, WorkOrderStatus
from swat_tui.store.models import DimeCase, Incident, Pqr, WorkOrder

# A visit is pending until it is completed, not done or cancelled.
PENDING_WORK_ORDER_STATUSES: tuple[WorkOrderStatus, ...] = (
    WorkOrderStatus.PENDIENTE,
    WorkOrderStatus.AGENDADA,
    WorkOrderStatus.DESPACHADA,
    WorkOrderStatus.EN_CURSO,
)


def pending_pqrs(session: Session, *, cuenta: int) -> Sequence[Pqr]:
    """Open PQRs of the account, oldest filing first."""
    statement = (
        select(Pqr)
        .where(Pqr.cuenta == cuenta, Pqr.status == PqrStatus.ABIERTA)
        .order_by(col(Pqr.filed_at), col(Pqr.id))
    )
    return session.exec(statement).all()


def open_dime_cases(session: Session, *, cuenta: int) -> Sequence[DimeCase]:
    """DIME escalations of the account not closed yet, oldest first."""
    statement = (
        select(DimeCase)
        .where(DimeCase.cuenta == cuenta, DimeCase.status != DimeStatus.CERRADO)
        .order_by(col(DimeCase.created_at), col(DimeCase.id))
    )
    return session.exec(statement).all()


def pqrs_of(session: Session, *, cuenta: int) -> Sequence[Pqr]:
    """Every PQR of the account, whatever its status, newest filing first."""
    statement = (
        select(Pqr)
        .where(Pqr.cuenta == cuenta)
        .order_by(col(Pqr.filed_at).desc(), col(Pqr.id).desc())
    )
    return session.exec(statement).all()


def pending_work_orders(session: Session, *, cuenta: int) -> Sequence[WorkOrder]:
    """LLS and OT of the account that are not finished, oldest first."""
    statement = (
        select(WorkOrder)
        .where(
            WorkOrder.cuenta == cuenta,
            col(WorkOrder.status).in_(PENDING_WORK_ORDER_STATUSES),
        )
        .order_by(col(WorkOrder.created_at), col(WorkOrder.id))
    )
    return session.exec(statement).all()


def work_orders_of(
    session: Session, *, cuenta: int, newest_first: bool = False
) -> Sequence[WorkOrder]:
    """Every LLS and OT of the account, whatever its status, oldest first (or newest
    first, as VIS010 lists them)."""
    order = (col(WorkOrder.created_at), col(WorkOrder.id))
    statement = select(WorkOrder).where(WorkOrder.cuenta == cuenta)
    if newest_first:
        statement = statement.order_by(*(column.desc() for column in order))
    else:
        statement = statement.order_by(*order)
    return session.exec(statement).all()


def open_incidents(session: Session, *, node: str) -> Sequence[Incident]:
    """Open avisos on a node, most critical (priority 1) first, then the oldest."""
    statement = (
        select(Incident)
        .where(Incident.node == node, Incident.status == IncidentStatus.ABIERTO)
        .order_by(col(Incident.priority), col(Incident.opened_at), col(Incident.id))
    )
    return session.exec(statement).all()
