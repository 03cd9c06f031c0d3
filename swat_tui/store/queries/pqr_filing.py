"""Filing a PQR: the next radicado number and the new row (step 6, radicar).

Radicados are ``RAD`` and ten digits, the demo's format (``numbering.RADICADO``).
"""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from swat_tui.store.models import Pqr
from swat_tui.store.queries import numbering


def next_radicado(session: Session) -> str:
    """The next radicado (``RAD0000000001`` first), from its counter in the caller's
    write transaction."""
    return numbering.take(session, numbering.RADICADO)


def add_pqr(session: Session, *, pqr: Pqr) -> Pqr:
    """Add the filed PQR to the caller's transaction and flush it (it has an id)."""
    session.add(pqr)
    session.flush()
    return pqr


def pqr_by_radicado(session: Session, *, radicado: str) -> Pqr | None:
    """The PQR filed with this radicado."""
    return session.exec(select(Pqr).where(Pqr.radicado == radicado)).first()


def pqrs_of_call(session: Session, *, call_id: int) -> Sequence[Pqr]:
    """The PQRs filed in one call, in the order they were filed."""
    statement = select(Pqr).where(Pqr.call_id == call_id).order_by(col(Pqr.id))
    return session.exec(statement).all()
