"""Numbering RR's records (LLS000000001, DIME00000001, RAD0000000001, 4410-26-0000000001):
a prefix and a zero-padded sequence, so text order is number order.

Each prefix's sequence is a counter row (``Counter``, keyed by the prefix itself), taken
with one ``UPDATE counter SET value = value + 1 WHERE name = :prefix RETURNING value`` in
the caller's transaction. The row stays locked until that transaction ends, so two agents
on PostgreSQL never get the same number (reading ``max()`` and adding one, two READ
COMMITTED transactions read the same max), and a refused intent gives its number back
with its rollback. The statement works on SQLite >= 3.35 too.

A prefix the store never numbered gets its counter on first use, starting at the highest
well-formed number already stored (rows written by hand, or before the counters): an
``INSERT ... ON CONFLICT DO NOTHING``, so two agents creating it at once create one row
and then take the next numbers from it in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from swat_tui.store.models import (
    CgoForm,
    Counter,
    DimeCase,
    Incident,
    Pqr,
    Reconnection,
    Typification,
    WorkOrder,
)

WORK_ORDER_WIDTH = 12  # LLS000000001, OT0000000001: the number format the demo writes too
CUN_PREFIX_LENGTH = 8  # "4410-26-": provider code and year
CUN_DIGITS = 10


@dataclass(frozen=True)
class NumberKind:
    """Numbers ``prefix`` + ``digits`` digits, stored in ``columns``; the first is
    ``after`` + 1 in a store that has none."""

    prefix: str
    digits: int
    columns: tuple[Any, ...]  # the model attributes (``WorkOrder.number``)
    after: int = 0

    def text(self, value: int) -> str:
        return f"{self.prefix}{value:0{self.digits}d}"


def work_order_kind(kind: str) -> NumberKind:
    """LLS or OT: the order's kind is its prefix, twelve characters in all."""
    return NumberKind(kind, WORK_ORDER_WIDTH - len(kind), (WorkOrder.number,))


def cun_kind(prefix: str) -> NumberKind:
    """The CUNs of one provider and year (``4410-26-``), given in typifications and PQRs."""
    return NumberKind(prefix, CUN_DIGITS, (Typification.cun, Pqr.cun))


LLS = work_order_kind("LLS")
OT = work_order_kind("OT")
DIME = NumberKind("DIME", 8, (DimeCase.number,))
CGO = NumberKind("CGO", 9, (CgoForm.number,))
INC = NumberKind("INC", 9, (Incident.number,), after=300_000)  # the operator's floor
RADICADO = NumberKind("RAD", 10, (Pqr.radicado,))
RECONNECTION = NumberKind("RCX", 9, (Reconnection.number,), after=100_000_000)
FIXED_KINDS = (LLS, OT, DIME, CGO, INC, RADICADO, RECONNECTION)


def take(session: Session, kind: NumberKind) -> str:
    """The next number of ``kind``, taken in the caller's write transaction."""
    return kind.text(take_value(session, kind))


def take_value(session: Session, kind: NumberKind) -> int:
    """The sequence part of the next number of ``kind`` (the caller formats it)."""
    connection = session.connection()
    taken = _increment(connection, kind.prefix)
    if taken is None:
        _create(connection, kind.prefix, highest(connection, kind))
        taken = _increment(connection, kind.prefix)
        assert taken is not None, kind.prefix
    return taken


def raise_to(session: Session, kind: NumberKind, value: int) -> None:
    """A number of ``kind`` given from outside (a CUN the agent typed): the counter is
    raised to it if below, so a later number does not repeat it."""
    _raise_to(session.connection(), kind.prefix, value)


def next_in_sequence(
    session: Session, numbers: Any, *, prefix: str, digits: int, after: int = 0
) -> str:
    """The next number of ``prefix`` stored in the column ``numbers`` (a kind not
    listed above, e.g. a new order kind)."""
    return take(session, NumberKind(prefix, digits, (numbers,), after))


def highest(connection: Connection, kind: NumberKind) -> int:
    """The greatest well-formed number of ``kind`` stored, or ``kind.after``."""
    stored = _stored_highest(connection, kind)
    return kind.after if stored is None else stored


def catch_up(connection: Connection) -> dict[str, int]:
    """Raise every counter to the highest number stored of its prefix (creating the
    counters of a store numbered without them: the demo builder's bulk rows), so the
    next number an agent takes follows them. Returns the counters it moved."""
    kinds = [*FIXED_KINDS, *(cun_kind(prefix) for prefix in _cun_prefixes(connection))]
    moved: dict[str, int] = {}
    for kind in kinds:
        value = _stored_highest(connection, kind)
        if value is not None and _raise_to(connection, kind.prefix, value):
            moved[kind.prefix] = value
    return moved


def counters(connection: Connection) -> dict[str, int]:
    """Every counter and its last number (tests, reports)."""
    table = Counter.__table__  # type: ignore[attr-defined]
    return {name: int(value) for name, value in connection.execute(select(table)).all()}


def _increment(connection: Connection, name: str) -> int | None:
    statement = (
        update(Counter)
        .where(col(Counter.name) == name)
        .values(value=Counter.value + 1)
        .returning(col(Counter.value))
    )
    value = connection.execute(statement).scalar()
    return None if value is None else int(value)


def _create(connection: Connection, name: str, value: int) -> None:
    """The counter ``name`` at ``value``, unless another transaction created it first
    (then theirs stands: it already counts from the same stored numbers)."""
    insert = _dialect_insert(connection)(Counter).values(name=name, value=value)
    connection.execute(insert.on_conflict_do_nothing(index_elements=["name"]))


def _raise_to(connection: Connection, name: str, value: int) -> bool:
    """The counter ``name`` at ``value`` at least (created if missing); whether it moved."""
    insert = _dialect_insert(connection)(Counter).values(name=name, value=value)
    table = Counter.__table__  # type: ignore[attr-defined]
    statement = insert.on_conflict_do_update(
        index_elements=["name"],
        set_={"value": insert.excluded.value},
        where=table.c.value < insert.excluded.value,
    ).returning(table.c.value)
    return connection.execute(statement).first() is not None


def _stored_highest(connection: Connection, kind: NumberKind) -> int | None:
    """The greatest well-formed number of ``kind`` in its columns, None without one.

    A range of the prefix's numbers, not ``LIKE 'LLS%'``: a bound ``LIKE`` does not use
    the column's unique index on SQLite. Both bounds are the numbers' own format, so a
    server's collation orders them as SQLite does.
    """
    found: list[int] = []
    for attribute in kind.columns:
        column = col(attribute)
        statement = select(func.max(column)).where(
            column >= kind.text(0),
            column <= f"{kind.prefix}{'9' * kind.digits}",
            func.length(column) == len(kind.prefix) + kind.digits,
        )
        tail = str(connection.execute(statement).scalar() or "")[len(kind.prefix) :]
        if tail.isdigit():
            found.append(int(tail))
    return max(found, default=None)


def _dialect_insert(connection: Connection) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing`` and ``..._do_update``."""
    return postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert


def _cun_prefixes(connection: Connection) -> Sequence[str]:
    """The provider-and-year prefixes (``4410-26-``) of every CUN stored."""
    found: set[str] = set()
    for attribute in (Typification.cun, Pqr.cun):
        column = col(attribute)
        head = func.substr(column, 1, CUN_PREFIX_LENGTH)
        statement = (
            select(head).where(func.length(column) == CUN_PREFIX_LENGTH + CUN_DIGITS).group_by(head)
        )
        found.update(str(prefix) for prefix in connection.execute(statement).scalars())
    return sorted(found)
