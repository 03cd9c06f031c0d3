"""Look-ups the practice call queue samples accounts with, fast on a million accounts.

The queue draws a random cuenta and asks for the first suitable account in a
window of cuentas starting there: every query is a primary-key (or node /
phone index) range seek that stops at the first hit, never a table scan and
never ``ORDER BY RANDOM()``. Open incidents are few (a few percent of the
nodes), so they are counted and picked by offset.
"""

from __future__ import annotations

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, exists, func, select

from swat_tui.store.enums import IncidentStatus
from swat_tui.store.models import Account, Incident


def cuenta_bounds(session: Session) -> tuple[int, int] | None:
    """The lowest and highest cuenta, or None for a store without accounts."""
    # Two queries: SQLite answers a lone min() or max() from the index, not both at once.
    low = session.exec(select(func.min(Account.cuenta))).one()
    high = session.exec(select(func.max(Account.cuenta))).one()
    if low is None or high is None:
        return None
    return int(low), int(high)


def account_in_window(session: Session, *, start: int, end: int) -> Account | None:
    """The first account with ``start <= cuenta < end``."""
    statement = (
        select(Account)
        .where(col(Account.cuenta) >= start, col(Account.cuenta) < end)
        .order_by(col(Account.cuenta))
        .limit(1)
    )
    return session.exec(statement).first()


def blacklisted_in_window(session: Session, *, start: int, end: int) -> Account | None:
    """The first blacklisted account with ``start <= cuenta < end``."""
    statement = (
        select(Account)
        .where(
            col(Account.cuenta) >= start,
            col(Account.cuenta) < end,
            col(Account.blacklist).is_(True),
        )
        .order_by(col(Account.cuenta))
        .limit(1)
    )
    return session.exec(statement).first()


def shared_mobile_in_window(session: Session, *, start: int, end: int) -> Account | None:
    """The first account in the window whose mobile is also on another account."""
    other = aliased(Account)
    shared = exists().where(
        col(other.phone_mobile) == col(Account.phone_mobile),
        col(other.cuenta) != col(Account.cuenta),
    )
    statement = (
        select(Account)
        .where(
            col(Account.cuenta) >= start,
            col(Account.cuenta) < end,
            col(Account.phone_mobile).is_not(None),
            shared,
        )
        .order_by(col(Account.cuenta))
        .limit(1)
    )
    return session.exec(statement).first()


def count_open_incidents(session: Session) -> int:
    """How many avisos are open."""
    statement = select(func.count()).where(Incident.status == IncidentStatus.ABIERTO)
    return session.exec(statement).one()


def open_incident_at(session: Session, *, index: int) -> Incident | None:
    """The ``index``-th open aviso (0-based, in id order)."""
    statement = (
        select(Incident)
        .where(Incident.status == IncidentStatus.ABIERTO)
        .order_by(col(Incident.id))
        .offset(index)
        .limit(1)
    )
    return session.exec(statement).first()


def node_has_open_incident(session: Session, *, node: str) -> bool:
    """True when an open aviso covers the node."""
    statement = (
        select(Incident.id)
        .where(Incident.node == node, Incident.status == IncidentStatus.ABIERTO)
        .limit(1)
    )
    return session.exec(statement).first() is not None


def account_on_node(session: Session, *, node: str, start: int) -> Account | None:
    """The first account on ``node`` from cuenta ``start`` on, else the node's first one."""
    statement = select(Account).where(Account.node == node).order_by(col(Account.cuenta)).limit(1)
    found = session.exec(statement.where(col(Account.cuenta) >= start)).first()
    return found if found is not None else session.exec(statement).first()


# What a practice caller's request needs of the account (data/practice_requests.toml,
# ``account``): each one a range seek over an index on cuenta that stops at the first hit.
ACCOUNT_CASES = (
    "debt",
    "final_notice",
    "reconnect",
    "unapplied_payment",
    "pqr",
    "charges",
    "aviso",  # on a node with an open aviso: the practice queue makes it an aviso call
    "serial_mismatch",  # the modem at the premises is not RR's (plant_condition)
    "modem_offline",  # the modem stays offline after a restart (a physical failure)
)
PLANT_CASES = ("serial_mismatch", "modem_offline")


def account_with_case_in_window(
    session: Session, *, case: str, start: int, end: int
) -> Account | None:
    """The first account of the window, not blacklisted, that has ``case``."""
    from swat_tui.store.enums import AccountStatus
    from swat_tui.store.models import FinalNotice, InvoiceCharge, Payment, Pqr

    in_window = (col(Account.cuenta) >= start, col(Account.cuenta) < end)
    plain = col(Account.blacklist).is_(False)
    if case == "debt":
        owing = (AccountStatus.ACTIVA, AccountStatus.CANCELADO_DEBE)
        where = (*in_window, plain, col(Account.balance) > 0, col(Account.status).in_(owing))
        return session.exec(
            select(Account).where(*where).order_by(col(Account.cuenta)).limit(1)
        ).first()
    if case == "reconnect":
        paid = (*in_window, plain, col(Account.status) == AccountStatus.CANCELADO_CREDITO)
        return session.exec(
            select(Account).where(*paid).order_by(col(Account.cuenta)).limit(1)
        ).first()
    if case in PLANT_CASES:
        return _account_with_plant_case(session, case=case, start=start, end=end)
    tables = {
        "unapplied_payment": (Payment.cuenta, col(Payment.applied_on).is_(None)),
        "pqr": (Pqr.cuenta, None),
        "final_notice": (FinalNotice.cuenta, None),
        "charges": (InvoiceCharge.cuenta, None),
    }
    if case not in tables:
        raise ValueError(f"unknown account case {case!r}")
    column, condition = tables[case]
    rows = select(column).where(col(column) >= start, col(column) < end)
    if condition is not None:
        rows = rows.where(condition)
    for cuenta in session.exec(rows.order_by(col(column)).limit(20)):
        account = session.get(Account, cuenta)
        if account is not None and not account.blacklist:
            return account
    return None


def _account_with_plant_case(
    session: Session, *, case: str, start: int, end: int
) -> Account | None:
    """The first plain account of the window whose device has the plant ``case``: a seek
    over equipment's cuenta index, joined to the device's condition."""
    from swat_tui.store.models import Equipment, PlantCondition

    condition = (
        col(PlantCondition.seen_serial).is_not(None)
        if case == "serial_mismatch"
        else (col(PlantCondition.cm_state) == "offline")
        & (col(PlantCondition.after_restart) == "offline")
    )
    rows = (
        select(Equipment.cuenta)
        .join(PlantCondition, col(PlantCondition.equipment_id) == col(Equipment.id))
        .where(col(Equipment.cuenta) >= start, col(Equipment.cuenta) < end, condition)
        .order_by(col(Equipment.cuenta))
        .limit(20)
    )
    for cuenta in session.exec(rows):
        account = session.get(Account, cuenta)
        if account is not None and not account.blacklist:
            return account
    return None


def seen_serial(session: Session, *, cuenta: int) -> str | None:
    """The serial the plant sees at the account's premises when it is not RR's."""
    from swat_tui.store.models import Equipment, PlantCondition

    return session.exec(
        select(PlantCondition.seen_serial)
        .join(Equipment, col(PlantCondition.equipment_id) == col(Equipment.id))
        .where(Equipment.cuenta == cuenta, col(PlantCondition.seen_serial).is_not(None))
        .limit(1)
    ).first()
