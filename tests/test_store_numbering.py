"""The store's numbered records and the neighbours' read: the next number of each
prefix from its counter, and the query plans that keep both bounded on a large store.
Numbers taken by concurrent processes: tests/test_store_numbers_concurrency.py."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, delete, event
from sqlmodel import col

from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Pqr, WorkOrder
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import calls as call_queries
from swat_tui.store.queries import cartera as cartera_queries
from swat_tui.store.queries import cgo as cgo_queries
from swat_tui.store.queries import dime as dime_queries
from swat_tui.store.queries import numbering, pqr_filing
from swat_tui.store.queries import plant as plant_queries
from swat_tui.store.queries import visits as visit_queries
from swat_tui.store.queries.numbering import next_in_sequence
from tests.store_rows import account_row, typification_row, work_order_row

CUENTA = 20000001
# SQLite's plan of the read of the stored LLS numbers that starts a counter.
_RANGE = (
    "SEARCH work_order USING COVERING INDEX sqlite_autoindex_work_order_1 (number>? AND number<?)"
)


def _orders(engine: Engine, *numbers: str) -> None:
    with write_session(engine) as session:
        session.add(account_row(CUENTA))
        for number in numbers:
            session.add(
                work_order_row(
                    CUENTA,
                    number,
                    status="CERRADA",
                    reason="Prueba",
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                )
            )


def _plans(engine: Engine, run: object) -> list[str]:
    """The SQLite query plan of every statement ``run()`` sends."""
    sent: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: object, *_: object) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        assert callable(run)
        run()
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    plans = []
    with engine.connect() as connection:
        for statement, parameters in sent:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)  # type: ignore[arg-type]
            plan = " | ".join(str(row[-1]) for row in rows)
            if plan:  # statements that read no table (BEGIN...) have none
                plans.append(plan)
    return plans


def test_each_kind_numbers_after_its_own_highest(store_engine: Engine) -> None:
    _orders(store_engine, "LLS000000007", "LLS000000041", "OT0000000900")
    with write_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000042"
        assert visit_queries.next_number(session, kind="OT") == "OT0000000901"
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000043"


def test_a_prefix_with_no_numbers_starts_at_one(store_engine: Engine) -> None:
    _orders(store_engine, "OT0000000900")
    with write_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000001"
        column = col(WorkOrder.number)
        assert next_in_sequence(session, column, prefix="XY", digits=4) == "XY0001"


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_a_number_is_the_counter_s_and_its_first_reads_a_range_of_the_unique_index(
    store_engine: Engine,
) -> None:
    _orders(store_engine, "LLS000000007")
    with write_session(store_engine) as session:
        first = _plans(store_engine, lambda: visit_queries.next_number(session, kind="LLS"))
        then = _plans(store_engine, lambda: visit_queries.next_number(session, kind="LLS"))
    counter = "SEARCH counter USING INDEX sqlite_autoindex_counter_1 (name=?)"
    assert first == [counter, _RANGE, counter]  # no counter yet: made from the stored highest
    assert then == [counter]  # one UPDATE ... RETURNING on the counter's key


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_a_node_s_addresses_come_from_the_covering_index(store_engine: Engine) -> None:
    with write_session(store_engine) as session:
        session.add(account_row(CUENTA))
        session.add(account_row(CUENTA + 1, address="CR 12 # 45-10"))
        session.add(account_row(CUENTA + 2, node="BOG-CH-0100", address="CL 1 # 1-01"))
    with read_session(store_engine) as session:
        found: list[object] = []
        plans = _plans(
            store_engine,
            lambda: found.extend(
                plant_queries.node_addresses(session, node="BOG-US-0401", limit=10)
            ),
        )
    assert found == [(CUENTA, "CL 45A # 12-08"), (CUENTA + 1, "CR 12 # 45-10")]
    assert plans and all("COVERING INDEX ix_account_node_address" in p for p in plans), plans


def test_the_first_number_of_each_kind_in_an_empty_store(store_engine: Engine) -> None:
    """The formats the program always gave (tests and snapshots show them)."""
    with write_session(store_engine) as session:
        firsts = {
            "LLS": visit_queries.next_number(session, kind="LLS"),
            "OT": visit_queries.next_number(session, kind="OT"),
            "DIME": dime_queries.next_number(session),
            "CGO": cgo_queries.next_number(session),
            "INC": aviso_queries.next_incident_number(session),  # the operator's floor
            "RAD": pqr_filing.next_radicado(session),
            "RCX": cartera_queries.next_reconnection_number(session),
            "CUN": call_queries.next_cun_sequence(session, prefix="4410-26-"),
        }
    assert firsts == {
        "LLS": "LLS000000001",
        "OT": "OT0000000001",
        "DIME": "DIME00000001",
        "CGO": "CGO000000001",
        "INC": "INC000300001",
        "RAD": "RAD0000000001",
        "RCX": "RCX100000001",
        "CUN": 1,
    }


def test_a_refused_intent_gives_its_number_back(store_engine: Engine) -> None:
    with pytest.raises(RuntimeError), write_session(store_engine) as session:
        assert dime_queries.next_number(session) == "DIME00000001"
        raise RuntimeError("refused after taking the number")
    with write_session(store_engine) as session:
        assert dime_queries.next_number(session) == "DIME00000001"


def test_a_number_given_is_never_given_again(store_engine: Engine) -> None:
    """The counter, not the rows: an order deleted does not free its number."""
    _orders(store_engine, "LLS000000007")
    with write_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000008"
        session.exec(delete(WorkOrder))
    with write_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000009"


def test_a_cun_counts_per_year_across_typifications_and_pqrs(store_engine: Engine) -> None:
    _orders(store_engine)
    with write_session(store_engine) as session:
        session.add(_pqr("RAD0000000001", cun="4410-26-0000000010"))
        session.add(
            typification_row(
                CUENTA, "4410-26-0000000012", created_at=datetime(2026, 3, 1, tzinfo=UTC)
            )
        )
        session.add(
            typification_row(
                CUENTA, "4410-25-0000000900", created_at=datetime(2026, 3, 1, tzinfo=UTC)
            )
        )
    with write_session(store_engine) as session:
        assert call_queries.next_cun_sequence(session, prefix="4410-26-") == 13
        assert call_queries.next_cun_sequence(session, prefix="4410-25-") == 901
        assert call_queries.next_cun_sequence(session, prefix="4410-27-") == 1
        assert call_queries.next_cun_sequence(session, prefix="4410-26-") == 14


def test_catch_up_raises_the_counters_to_the_stored_numbers(store_engine: Engine) -> None:
    """What the demo builder does after its bulk rows: each counter at the highest number
    written of its prefix (made if missing, never lowered)."""
    _orders(store_engine, "LLS000000007", "OT0000000003")
    with write_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="OT") == "OT0000000004"
        assert dime_queries.next_number(session) == "DIME00000001"
        session.add(_pqr("RAD0000000500", cun="4410-26-0000000070"))
        session.add(
            typification_row(
                CUENTA, "4410-25-0000000003", created_at=datetime(2026, 3, 1, tzinfo=UTC)
            )
        )
        session.add(
            work_order_row(
                CUENTA,
                "OT0000000002",  # below its counter: stays at 4
                status="CERRADA",
                reason="Prueba",
                created_at=datetime(2026, 3, 1, tzinfo=UTC),
            )
        )
    with write_session(store_engine) as session:
        moved = numbering.catch_up(session.connection())
        counters = numbering.counters(session.connection())
    assert moved == {"LLS": 7, "RAD": 500, "4410-25-": 3, "4410-26-": 70}
    assert counters == {"LLS": 7, "OT": 4, "DIME": 1, "RAD": 500, "4410-25-": 3, "4410-26-": 70}
    with write_session(store_engine) as session:
        assert pqr_filing.next_radicado(session) == "RAD0000000501"
        assert numbering.catch_up(session.connection()) == {}  # nothing left to move


def _pqr(radicado: str, *, cun: str | None) -> Pqr:
    return Pqr(
        cuenta=CUENTA,
        radicado=radicado,
        cun=cun,
        kind="queja",
        subject="Prueba",
        status="ABIERTA",
        filed_at=datetime(2026, 3, 1, tzinfo=UTC),
        due_on=date(2026, 3, 20),
        filed_by="AGT001",
    )
