"""Serials the customer read against RR's inventory (``serial_check``)."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import SerialCheck


def add_check(
    session: Session,
    *,
    cuenta: int,
    equipment_id: int,
    call_id: int | None,
    registered: str,
    read: str,
    agent: str,
    at: datetime,
) -> SerialCheck:
    row = SerialCheck(
        cuenta=cuenta,
        equipment_id=equipment_id,
        call_id=call_id,
        registered=registered,
        read=read,
        matches=registered == read,
        at=at,
        agent=agent,
    )
    session.add(row)
    session.flush()
    return row


def checks_of_call(session: Session, *, call_id: int) -> Sequence[SerialCheck]:
    return session.exec(
        select(SerialCheck).where(SerialCheck.call_id == call_id).order_by(col(SerialCheck.id))
    ).all()
