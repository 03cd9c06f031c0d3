"""Numbers stay unique with many agents: real processes take numbers of every kind at once.

Each worker takes, round after round, one number of each kind the program hands out
(LLS, OT, DIME, CGO, INC, radicado with its PQR's CUN, a typification's CUN,
reconnection) in a transaction of its own that writes the numbered row and stays open a
moment longer, as an intent does. On PostgreSQL the old ``max() + 1`` gave two of them
the same number (READ COMMITTED: both read the same max); the counters give each its
own, and no number is skipped. Every kind starts without a counter, so the workers also
race to create it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Pqr, Typification, WorkOrder
from swat_tui.store.queries import numbering
from tests.conftest import FIXED_NOW
from tests.process_race import race
from tests.store_rows import account_row, work_order_row

CUENTA = 20000001
WORKERS = 4
ROUNDS = 4

WORKER = """
import json, sys, time
from datetime import date, datetime

from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.models import (
    CgoForm, Incident, Pqr, Reconnection, Typification, WorkOrder,
)
from swat_tui.store.queries import avisos, calls, cartera, cgo, dime, pqr_filing, visits

url, cuenta, now, rounds = sys.argv[1:]
cuenta, now = int(cuenta), datetime.fromisoformat(now)


def order(session, kind):
    number = visits.next_number(session, kind=kind)
    session.add(WorkOrder(
        cuenta=cuenta, kind=kind, number=number, status="PENDIENTE", reason="x",
        created_at=now,
    ))
    return number


def dime_case(session):
    number = dime.next_number(session)
    dime.add_case(
        session, number=number, cuenta=cuenta, call_id=None, area="x", subject="x",
        status="ABIERTO", notes="", due_on=None, created_by="AGT", at=now,
    )
    return number


def cgo_form(session):
    number = cgo.next_number(session)
    session.add(CgoForm(
        number=number, cuenta=cuenta, zone="BOG-US", reason="x", contact_name="x",
        contact_phone="3001234567", address="x", preferred_windows="08-10",
        preferred_days="LUN", status="PENDIENTE", created_at=now, created_by="AGT",
        due_at=now,
    ))
    return number


def aviso(session):
    number = avisos.next_incident_number(session)
    session.add(Incident(
        number=number, node="BOG-US-0401", priority=2, kind="puntual",
        description="x", status="ABIERTO", opened_at=now,
    ))
    return number


def cun(session):
    return f"4410-26-{calls.next_cun_sequence(session, prefix='4410-26-'):010d}"


def pqr(session):
    radicado = pqr_filing.next_radicado(session)
    pqr_filing.add_pqr(session, pqr=Pqr(
        cuenta=cuenta, radicado=radicado, cun=cun(session), kind="queja", subject="x",
        status="ABIERTA", filed_at=now, due_on=date(2026, 3, 31), filed_by="AGT",
    ))
    return radicado


def typification(session):
    number = cun(session)
    session.add(Typification(
        cuenta=cuenta, code="SAC-FAC-009", first_contact=False, cun=number, agent="AGT",
        created_at=now,
    ))
    return number


def reconnection(session):
    number = cartera.next_reconnection_number(session)
    cartera.add_reconnection(session, Reconnection(
        number=number, cuenta=cuenta, status="PENDIENTE", requested_at=now, agent="AGT",
    ))
    return number


TAKERS = {
    "LLS": lambda session: order(session, "LLS"),
    "OT": lambda session: order(session, "OT"),
    "DIME": dime_case,
    "CGO": cgo_form,
    "INC": aviso,
    "RAD": pqr,
    "CUN": typification,
    "RCX": reconnection,
}
engine = make_engine(url)
with engine.connect():
    pass  # connected and imported before the start
at_barrier()
taken = {kind: [] for kind in TAKERS}
for _ in range(int(rounds)):
    for kind, take in TAKERS.items():
        with write_session(engine) as session:
            taken[kind].append(take(session))
            session.flush()
            time.sleep(0.002)  # the rest of the intent: its transaction stays open
print(json.dumps(taken))
"""

# The number each kind's first one follows: LLS after the order already stored, INC and
# RCX after their floors, the others from one.
FIRST_AFTER = {
    "LLS": 41,
    "OT": 0,
    "DIME": 0,
    "CGO": 0,
    "INC": 300_000,
    "RAD": 0,
    "CUN": 0,
    "RCX": 100_000_000,
}
PREFIXES = {"CUN": "4410-26-"}


def _seed(engine: Engine) -> None:
    with write_session(engine) as session:
        session.add(account_row(CUENTA))
        session.flush()
        session.add(
            work_order_row(
                CUENTA,
                "LLS000000041",
                status="CERRADA",
                reason="Antes de los contadores",
                created_at=FIXED_NOW,
            )
        )


def test_processes_taking_numbers_at_once_get_each_its_own(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    _seed(store_engine)
    argv = [store_url, str(CUENTA), FIXED_NOW.isoformat(), str(ROUNDS)]
    outcomes = race(WORKER, [argv] * WORKERS, tmp_path / "barrier")

    taken: dict[str, list[str]] = {kind: [] for kind in FIRST_AFTER}
    for outcome in outcomes:
        for kind, numbers in json.loads(outcome).items():
            taken[kind] += numbers
    given = WORKERS * ROUNDS
    for kind, numbers in taken.items():
        assert len(set(numbers)) == len(numbers) == given, (kind, sorted(numbers))
        if kind != "CUN":  # the PQRs' CUNs share its counter: checked below
            assert _sequences(numbers, kind) == _following(FIRST_AFTER[kind], given), kind
    with read_session(store_engine) as session:
        pqr_cuns = session.exec(select(col(Pqr.cun))).all()
        typified = session.exec(select(col(Typification.cun))).all()
        orders = session.exec(select(WorkOrder.number)).all()
        counters = numbering.counters(session.connection())
    assert sorted(cun or "" for cun in typified) == sorted(taken["CUN"])
    cuns = [cun for cun in [*pqr_cuns, *typified] if cun is not None]
    assert _sequences(cuns, "CUN") == _following(0, 2 * given)  # unique, none skipped
    assert len(orders) == 2 * given + 1
    last = {kind: FIRST_AFTER[kind] + given for kind in FIRST_AFTER}
    assert counters == {PREFIXES.get(kind, kind): last[kind] for kind in last} | {
        PREFIXES["CUN"]: 2 * given
    }


def _sequences(numbers: list[str], kind: str) -> list[int]:
    return sorted(int(number[len(PREFIXES.get(kind, kind)) :]) for number in numbers)


def _following(after: int, count: int) -> list[int]:
    return list(range(after + 1, after + count + 1))
