"""Numbering RR's records (LLS000000001, DIME00000001, CGO000000001): the next
number of a prefixed, zero-padded sequence, so text order is number order."""

from sqlalchemy.orm import Mapped
from sqlmodel import Session, func, select


def next_in_sequence(
    session: Session, numbers: Mapped[str], *, prefix: str, digits: int, after: int = 0
) -> str:
    """The number after the greatest one of ``prefix`` in the column ``numbers``
    (``col(WorkOrder.number)``), inside the caller's write transaction; the first is
    ``after`` + 1.

    A range of the prefix's numbers, not ``LIKE 'LLS%'``: a bound ``LIKE`` does
    not use the column's unique index on SQLite and read every number a key
    (60,000 demo work orders). Both bounds are letters and digits, so a server's
    collation orders them as SQLite does.
    """
    highest = session.exec(
        select(func.max(numbers)).where(
            numbers >= f"{prefix}{'0' * digits}", numbers <= f"{prefix}{'9' * digits}"
        )
    ).one()
    tail = str(highest or "")[len(prefix) :]
    last = int(tail) if tail.isdigit() else after
    return f"{prefix}{last + 1:0{digits}d}"
