"""Account look-ups for the search screen and the panel, plus services and equipment.

Searches page with ``limit``/``offset`` in ``cuenta`` order and have a matching
count. The phone search is a UNION of two selects, each answered by its own
column index, so it never depends on the planner choosing a multi-index OR
(``tests/test_accounts_domain.py`` checks the plan has no table scan).
"""

from collections.abc import Sequence

from sqlalchemy import CompoundSelect, union
from sqlmodel import Session, col, func, select

from swat_tui.store.models import Account, Equipment, Service


def get_account(session: Session, *, cuenta: int) -> Account | None:
    """The account with this RR number."""
    return session.get(Account, cuenta)


def count_accounts(session: Session) -> int:
    """How many accounts the store holds."""
    return session.exec(select(func.count()).select_from(Account)).one()


def find_by_document(
    session: Session,
    *,
    document_number: str,
    document_type: str | None = None,
    limit: int = 10,
    offset: int = 0,
) -> Sequence[Account]:
    """Accounts of a holder's document; ``document_type`` narrows when given."""
    statement = (
        select(Account)
        .where(Account.document_number == document_number)
        .order_by(col(Account.cuenta))
        .limit(limit)
        .offset(offset)
    )
    if document_type is not None:
        statement = statement.where(Account.document_type == document_type)
    return session.exec(statement).all()


def count_by_document(
    session: Session, *, document_number: str, document_type: str | None = None
) -> int:
    """How many accounts ``find_by_document`` pages through."""
    statement = select(func.count()).where(Account.document_number == document_number)
    if document_type is not None:
        statement = statement.where(Account.document_type == document_type)
    return session.exec(statement).one()


def _cuentas_with_phone(phones: Sequence[str]) -> CompoundSelect[tuple[int]]:
    return union(
        select(Account.cuenta).where(col(Account.phone_mobile).in_(phones)),
        select(Account.cuenta).where(col(Account.phone_fixed).in_(phones)),
    )


def find_by_phone(
    session: Session, *, phones: Sequence[str], limit: int = 10, offset: int = 0
) -> Sequence[Account]:
    """Accounts whose mobile or fixed number is one of ``phones``."""
    statement = (
        select(Account)
        .where(col(Account.cuenta).in_(_cuentas_with_phone(phones)))
        .order_by(col(Account.cuenta))
        .limit(limit)
        .offset(offset)
    )
    return session.exec(statement).all()


def count_by_phone(session: Session, *, phones: Sequence[str]) -> int:
    """How many accounts ``find_by_phone`` pages through."""
    matches = _cuentas_with_phone(phones).subquery()
    return session.exec(select(func.count()).select_from(matches)).one()


def services_of(session: Session, *, cuenta: int) -> Sequence[Service]:
    """The account's services: internet, then TV, then voz."""
    statement = (
        select(Service).where(Service.cuenta == cuenta).order_by(col(Service.kind), col(Service.id))
    )
    return session.exec(statement).all()


def equipment_of(session: Session, *, cuenta: int) -> Sequence[Equipment]:
    """The devices RR lists for the account, oldest installation first."""
    statement = (
        select(Equipment)
        .where(Equipment.cuenta == cuenta)
        .order_by(col(Equipment.installed_on), col(Equipment.id))
    )
    return session.exec(statement).all()
