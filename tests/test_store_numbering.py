"""The store's numbered records and the neighbours' read: the next number of each
prefix, and the query plans that keep both bounded on a large store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, event
from sqlmodel import col

from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Account, WorkOrder
from swat_tui.store.queries import plant as plant_queries
from swat_tui.store.queries import visits as visit_queries
from swat_tui.store.queries.numbering import next_in_sequence

CUENTA = 20000001


def _account(cuenta: int, node: str, address: str) -> Account:
    return Account(
        cuenta=cuenta,
        holder_name="CLIENTE DE PRUEBA",
        document_type="CC",
        document_number=str(cuenta),
        address=address,
        city="Bogotá",
        department="Bogotá D.C.",
        estrato=3,
        node=node,
        status="ACTIVA",
        activated_on=date(2024, 1, 2),
    )


def _orders(engine: Engine, *numbers: str) -> None:
    with write_session(engine) as session:
        session.add(_account(CUENTA, "BOG-US-0401", "CL 45A # 12-08"))
        for number in numbers:
            session.add(
                WorkOrder(
                    cuenta=CUENTA,
                    kind=number[:3].rstrip("0123456789"),
                    number=number,
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
    with read_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000042"
        assert visit_queries.next_number(session, kind="OT") == "OT0000000901"


def test_a_prefix_with_no_numbers_starts_at_one(store_engine: Engine) -> None:
    _orders(store_engine, "OT0000000900")
    with read_session(store_engine) as session:
        assert visit_queries.next_number(session, kind="LLS") == "LLS000000001"
        column = col(WorkOrder.number)
        assert next_in_sequence(session, column, prefix="XY", digits=4) == "XY0001"


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_the_next_number_is_read_from_a_range_of_the_unique_index(store_engine: Engine) -> None:
    _orders(store_engine, "LLS000000007")
    with read_session(store_engine) as session:
        plans = _plans(store_engine, lambda: visit_queries.next_number(session, kind="LLS"))
    assert plans, "next_number sent no statement"
    assert all("number>? AND number<?" in plan for plan in plans), plans


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_a_node_s_addresses_come_from_the_covering_index(store_engine: Engine) -> None:
    with write_session(store_engine) as session:
        session.add(_account(CUENTA, "BOG-US-0401", "CL 45A # 12-08"))
        session.add(_account(CUENTA + 1, "BOG-US-0401", "CR 12 # 45-10"))
        session.add(_account(CUENTA + 2, "BOG-CH-0100", "CL 1 # 1-01"))
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


def test_the_first_aviso_number_follows_the_operator_s_floor(store_engine: Engine) -> None:
    from swat_tui.store.queries import avisos as aviso_queries

    with read_session(store_engine) as session:
        assert aviso_queries.next_incident_number(session) == "INC000300001"
