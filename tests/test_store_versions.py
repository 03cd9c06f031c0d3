"""The version columns of the records two agents may change at once (work order, DIME case).

SQLModel declares ``version`` through ``sa_column``, which is easy to get subtly
wrong (a column the mapper does not know, and every write wins): these tests
prove that a stale write really raises ``StaleDataError`` on both backends, that
a fresh write bumps the version, and that migration 0011 gives the rows already
in a store version 1.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel, select

from swat_tui.store.engine import make_engine, read_session, write_session
from swat_tui.store.migrate import alembic_config, upgrade
from swat_tui.store.models import DimeCase, WorkOrder
from tests.backends import POSTGRESQL
from tests.store_rows import account_row, work_order_row

CUENTA = 20000001
AT = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def _seed(engine: Engine) -> None:
    with write_session(engine) as session:
        session.add(account_row(CUENTA, document_number="1020304050"))
        session.flush()
        session.add(
            work_order_row(
                CUENTA,
                "LLS000000001",
                status="PENDIENTE",
                reason="Internet sin servicio",
                created_at=AT,
                contact_phone="3015550000",
            )
        )
        session.add(
            DimeCase(
                number="DIME00000001",
                cuenta=CUENTA,
                area="Facturación",
                subject="Cobro doble",
                status="ABIERTO",
                created_at=AT,
                updated_at=AT,
            )
        )


def _read(engine: Engine, model: type[SQLModel]) -> tuple[Session, SQLModel]:
    """A session and the one row of ``model`` as it read it now; its transaction ended,
    as across an agent's think time, and the row keeps the version it read."""
    session = Session(engine, expire_on_commit=False)
    row = session.exec(select(model)).one()
    session.commit()
    return session, row


@pytest.mark.parametrize(
    ("model", "column", "first", "second"),
    [
        (WorkOrder, "contact_phone", "3001112233", "3004445566"),
        (DimeCase, "status", "EN GESTION", "CERRADO"),
    ],
)
def test_the_second_of_two_writers_of_a_row_raises_stale_data(
    store_engine: Engine, model: type[SQLModel], column: str, first: str, second: str
) -> None:
    """Two sessions read the row, both write it: the first wins (version 2), the
    second's UPDATE matches no row and raises, and the first's value is kept."""
    _seed(store_engine)
    (one, row_one), (two, row_two) = _read(store_engine, model), _read(store_engine, model)
    try:
        assert row_one.version == row_two.version == 1  # type: ignore[attr-defined]
        setattr(row_one, column, first)
        one.add(row_one)
        one.commit()
        assert row_one.version == 2  # type: ignore[attr-defined]
        setattr(row_two, column, second)
        two.add(row_two)
        with pytest.raises(StaleDataError):
            two.commit()
        two.rollback()
    finally:
        one.close()
        two.close()
    with read_session(store_engine) as session:
        row = session.exec(select(model)).one()
        assert (getattr(row, column), row.version) == (first, 2)  # type: ignore[attr-defined]


def test_on_postgresql_the_second_update_waits_for_the_first_and_then_is_stale(
    store_engine: Engine, backend: str
) -> None:
    """Both transactions open at once: the second's UPDATE waits on the first's row lock
    (READ COMMITTED), then finds the version moved on and matches no row."""
    if backend != POSTGRESQL:
        pytest.skip("SQLite lets one writer in at a time: the second waits before it reads")
    _seed(store_engine)
    failed: list[BaseException] = []
    with Session(store_engine) as one, Session(store_engine) as two:
        order_one = one.exec(select(WorkOrder)).one()
        order_two = two.exec(select(WorkOrder)).one()
        order_one.status = "CANCELADA"
        one.add(order_one)
        one.flush()  # holds the row until it commits

        def second() -> None:
            order_two.status = "AGENDADA"
            two.add(order_two)
            try:
                two.flush()
            except StaleDataError as error:
                failed.append(error)

        writer = threading.Thread(target=second)
        writer.start()
        writer.join(0.5)
        assert writer.is_alive()  # waiting for the first's lock
        one.commit()
        writer.join(10)
        two.rollback()
    assert len(failed) == 1
    with read_session(store_engine) as session:
        order = session.exec(select(WorkOrder)).one()
        assert (order.status, order.version) == ("CANCELADA", 2)


def test_every_orm_update_bumps_the_version_and_an_insert_starts_at_1(
    store_engine: Engine,
) -> None:
    _seed(store_engine)
    for expected in (1, 2, 3):
        with write_session(store_engine) as session:
            order = session.exec(select(WorkOrder)).one()
            assert order.version == expected
            order.status = "AGENDADA" if expected % 2 else "PENDIENTE"
            session.add(order)


def test_0011_gives_the_rows_already_there_version_1(store_url: str) -> None:
    """A store at 0009 with an order and a DIME case: after the upgrade both are version
    1 with nobody named as their last change; down to 0009 and up again works too."""
    engine = make_engine(store_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0009_call_record_presence")  # type: ignore[arg-type]
            connection.execute(
                text(
                    "INSERT INTO account (cuenta, holder_name, document_type, document_number,"
                    " address, city, department, estrato, node, status, blacklist, balance,"
                    " monthly_rent, billing_cutoff_day, activated_on) VALUES (:cuenta, 'A',"
                    " 'CC', '1', 'CL 1 # 1-01', 'Bogotá', 'Bogotá', 3, 'BOG-US-0401', 'ACTIVA',"
                    " false, 0, 0, 1, :day)"
                ),
                {"cuenta": CUENTA, "day": date(2024, 1, 2)},
            )
            connection.execute(
                text(
                    "INSERT INTO work_order (cuenta, kind, number, status, reason, created_at)"
                    " VALUES (:cuenta, 'LLS', 'LLS000000001', 'PENDIENTE', 'Sin señal', :at)"
                ),
                {"cuenta": CUENTA, "at": AT},
            )
            connection.execute(
                text(
                    "INSERT INTO dime_case (number, cuenta, area, subject, status, created_at,"
                    " updated_at, notes) VALUES ('DIME00000001', :cuenta, 'Cartera', 'Deuda',"
                    " 'ABIERTO', :at, :at, '')"
                ),
                {"cuenta": CUENTA, "at": AT},
            )
        assert upgrade(engine) is True
        query = (
            "SELECT o.version, o.updated_by, o.updated_at, d.version, d.updated_by"
            " FROM work_order o, dime_case d"
        )
        with engine.connect() as connection:
            assert tuple(connection.execute(text(query)).one()) == (1, None, None, 1, None)
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0009_call_record_presence")  # type: ignore[arg-type]
        assert upgrade(engine) is True
        with engine.connect() as connection:
            assert tuple(connection.execute(text(query)).one()) == (1, None, None, 1, None)
    finally:
        engine.dispose()
