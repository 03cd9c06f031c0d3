"""Filing a PQR: the next radicado number and the new row (step 6, radicar).

Radicados are ``RAD`` and ten digits, the demo's format: fixed width, so the
greatest string is the greatest number (portable SQL, no SQLite-only cast).
"""

from sqlmodel import Session, col, func, select

from swat_tui.store.models import Pqr

RADICADO_PREFIX = "RAD"
RADICADO_DIGITS = 10


def last_radicado(session: Session) -> str | None:
    """The greatest ``RAD`` radicado in the store, or None before the first."""
    upper = RADICADO_PREFIX[:-1] + chr(ord(RADICADO_PREFIX[-1]) + 1)
    column = col(Pqr.radicado)
    statement = select(func.max(column)).where(column >= RADICADO_PREFIX, column < upper)
    return session.exec(statement).one()


def next_radicado(session: Session) -> str:
    """The radicado after the greatest one recorded (``RAD0000000001`` first)."""
    last = last_radicado(session)
    digits = last[len(RADICADO_PREFIX) :] if last else ""
    sequence = int(digits) + 1 if digits.isdigit() else 1
    return f"{RADICADO_PREFIX}{sequence:0{RADICADO_DIGITS}d}"


def add_pqr(session: Session, *, pqr: Pqr) -> Pqr:
    """Add the filed PQR to the caller's transaction and flush it (it has an id)."""
    session.add(pqr)
    session.flush()
    return pqr


def pqr_by_radicado(session: Session, *, radicado: str) -> Pqr | None:
    """The PQR filed with this radicado."""
    return session.exec(select(Pqr).where(Pqr.radicado == radicado)).first()
