"""The WFM agenda: free windows, booking, rescheduling, cancelling, and no oversold window.

Units run on a real migrated SQLite file; the concurrency test starts real
processes, each with its own engine on that file, that book the last places of
one window at the same moment.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.visit.agenda import (
    SLOT_TAKEN,
    book,
    cancel,
    free_windows,
    reschedule,
    zone_of,
)
from swat_tui.store.demo.agenda import agenda_rows, load_plan
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import WorkOrderStatus
from swat_tui.store.models import VisitBooking, WfmSlot, WorkOrder
from swat_tui.store.queries.agenda import zones_of_store
from tests.conftest import FIXED_NOW
from tests.process_race import race
from tests.store_rows import account_row

ZONE = "BOG-US"
CUENTA = 20000001
TOMORROW = date(2026, 3, 11)  # FIXED_NOW is Tuesday 10/03/2026
WINDOWS = (("08-10", 8), ("10-12", 10), ("14-16", 14), ("16-18", 16))


def _order(number: str, cuenta: int = CUENTA) -> WorkOrder:
    return WorkOrder(
        cuenta=cuenta,
        kind="OT",
        number=number,
        status=WorkOrderStatus.PENDIENTE,
        reason="Sin señal de TV",
        created_at=FIXED_NOW - timedelta(days=1),
    )


def _slot(day: date, window: str, hour: int, capacity: int, booked: int = 0) -> WfmSlot:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=BOGOTA)
    return WfmSlot(
        zone=ZONE,
        day=day,
        arrival_window=window,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=capacity,
        booked=booked,
    )


def _seed(engine: Engine, orders: int = 3, capacities: tuple[int, ...] = (1, 2, 2, 2)) -> None:
    """An account in BOG-US with pending OTs, and tomorrow's and the next day's windows."""
    with write_session(engine) as session:
        session.add(account_row(CUENTA, node="BOG-US-0401"))
        session.add(account_row(CUENTA + 1, node="MED-PO-0102"))
        session.flush()
        for n in range(orders):
            session.add(_order(f"OT{n + 1:06d}"))
        session.add(_order("OT900001", cuenta=CUENTA + 1))
        for day in (TOMORROW, TOMORROW + timedelta(days=1)):
            for (window, hour), capacity in zip(WINDOWS, capacities, strict=True):
                session.add(_slot(day, window, hour, capacity))


def _slot_id(session: Session, day: date, window: str) -> int:
    slot = session.exec(
        select(WfmSlot).where(WfmSlot.day == day, WfmSlot.arrival_window == window)
    ).one()
    assert slot.id is not None
    return slot.id


def _booked(engine: Engine) -> dict[tuple[date, str], int]:
    with read_session(engine) as session:
        return {(s.day, s.arrival_window): s.booked for s in session.exec(select(WfmSlot)).all()}


def _order_row(engine: Engine, number: str) -> WorkOrder:
    with read_session(engine) as session:
        return session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()


def test_zone_is_the_node_zone_prefix() -> None:
    assert zone_of("BOG-US-0401") == "BOG-US"
    assert zone_of("MED-PO-0102") == "MED-PO"


def test_free_windows_lists_the_windows_with_a_place_soonest_first(store_engine: Engine) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        full = session.get(WfmSlot, _slot_id(session, TOMORROW, "10-12"))
        assert full is not None
        full.booked = full.capacity
        session.add(full)
    with read_session(store_engine) as session:
        windows = free_windows(session, ZONE, TOMORROW, days=1)
        assert [w.label for w in windows] == ["11/03 08-10", "11/03 14-16", "11/03 16-18"]
        assert windows[0].starts_at == datetime(2026, 3, 11, 8, tzinfo=BOGOTA)
        assert windows[0].free == 1
        assert len(free_windows(session, ZONE, TOMORROW, days=2)) == 7
        later = free_windows(
            session, ZONE, TOMORROW, after=datetime(2026, 3, 11, 15, tzinfo=BOGOTA)
        )
        assert later[0].label == "11/03 16-18"
        assert free_windows(session, "MED-PO", TOMORROW) == []


def test_booking_takes_a_place_and_schedules_the_visit(store_engine: Engine) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "14-16")
        booked = book(session, "OT000001", slot_id, "AGT001", FIXED_NOW)
    assert booked.window.label == "11/03 14-16" and booked.window.free == 1
    assert _booked(store_engine)[(TOMORROW, "14-16")] == 1
    order = _order_row(store_engine, "OT000001")
    assert order.status == WorkOrderStatus.AGENDADA
    assert order.slot_start == datetime(2026, 3, 11, 14, tzinfo=BOGOTA)
    assert order.slot_end == datetime(2026, 3, 11, 16, tzinfo=BOGOTA)
    with read_session(store_engine) as session:
        booking = session.exec(select(VisitBooking)).one()
        assert (booking.slot_id, booking.agent) == (slot_id, "AGT001")


def test_a_full_window_is_refused_with_the_next_free_ones_and_nothing_changes(
    store_engine: Engine,
) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "08-10")  # capacity 1
        book(session, "OT000001", slot_id, "AGT001", FIXED_NOW)
    before = _booked(store_engine)
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        book(session, "OT000002", slot_id, "AGT002", FIXED_NOW)
    assert refused.value.code == SLOT_TAKEN
    assert refused.value.message == (
        "Franja 11/03 08-10 ocupada. Libres: 11/03 10-12, 11/03 14-16, 11/03 16-18"
    )
    assert len(refused.value.message) <= MESSAGE_WIDTH
    assert _booked(store_engine) == before
    assert _order_row(store_engine, "OT000002").status == WorkOrderStatus.PENDIENTE
    with read_session(store_engine) as session:
        assert len(session.exec(select(VisitBooking)).all()) == 1


def test_a_full_agenda_says_there_is_no_free_window(store_engine: Engine) -> None:
    _seed(store_engine, capacities=(1, 0, 0, 0))
    with write_session(store_engine) as session:
        for day in (TOMORROW, TOMORROW + timedelta(days=1)):
            slot = session.get(WfmSlot, _slot_id(session, day, "08-10"))
            assert slot is not None
            slot.booked = 1
            session.add(slot)
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        book(session, "OT000001", _slot_id(session, TOMORROW, "08-10"), "AGT001", FIXED_NOW)
    assert refused.value.message == "Franja 11/03 08-10 ocupada. No hay franjas libres en 7 días."


def test_booking_a_visit_twice_is_refused(store_engine: Engine) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        book(session, "OT000001", _slot_id(session, TOMORROW, "10-12"), "AGT001", FIXED_NOW)
    before = _booked(store_engine)
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        book(session, "OT000001", _slot_id(session, TOMORROW, "14-16"), "AGT001", FIXED_NOW)
    assert (
        refused.value.message
        == "La visita OT000001 ya está agendada el 11/03 10-12; use reagendar."
    )
    assert _booked(store_engine) == before


def test_a_booking_that_loses_the_race_on_a_server_database_is_refused(
    store_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL two transactions may both find the visit unbooked; the unique booking
    per work order stops the second, which must be a row-24 refusal, not a crash."""
    import swat_tui.domain.visit.agenda as agenda

    _seed(store_engine)
    with write_session(store_engine) as session:
        book(session, "OT000001", _slot_id(session, TOMORROW, "10-12"), "AGT001", FIXED_NOW)
    with write_session(store_engine) as session:  # what the second one read before the first
        order = session.exec(select(WorkOrder).where(WorkOrder.number == "OT000001")).one()
        order.status = WorkOrderStatus.PENDIENTE
        session.add(order)
    before = _booked(store_engine)
    monkeypatch.setattr(agenda, "_booking", lambda session, order: None)
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        book(session, "OT000001", _slot_id(session, TOMORROW, "14-16"), "AGT002", FIXED_NOW)
    assert refused.value.message == "La visita OT000001 ya está agendada; use reagendar."
    assert _booked(store_engine) == before  # the place it took was given back with the rest


def test_other_refusals_change_nothing(store_engine: Engine) -> None:
    _seed(store_engine)
    before = _booked(store_engine)
    with write_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "10-12")
    cases = [
        (("OT404404", slot_id, FIXED_NOW), "La orden OT404404 no existe."),
        (("OT000001", 999_999, FIXED_NOW), "La franja elegida no existe en la agenda."),
        (
            ("OT900001", slot_id, FIXED_NOW),
            "La franja es de la zona BOG-US; la cuenta es de MED-PO.",
        ),
        (
            ("OT000001", slot_id, datetime(2026, 3, 11, 10, 5, tzinfo=BOGOTA)),
            "La franja 11/03 10-12 ya empezó: elija otra.",
        ),
    ]
    for (number, slot, now), message in cases:
        with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
            book(session, number, slot, "AGT001", now)
        assert refused.value.message == message
        assert len(message) <= MESSAGE_WIDTH
    assert _booked(store_engine) == before


def test_reschedule_moves_the_place_and_a_full_target_keeps_the_old_booking(
    store_engine: Engine,
) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        first = _slot_id(session, TOMORROW, "10-12")
        full = _slot_id(session, TOMORROW, "08-10")
        later = _slot_id(session, TOMORROW + timedelta(days=1), "16-18")
        book(session, "OT000001", first, "AGT001", FIXED_NOW)
        book(session, "OT000002", full, "AGT001", FIXED_NOW)  # its only place
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        reschedule(session, "OT000001", full, "AGT002", FIXED_NOW)
    assert refused.value.code == SLOT_TAKEN
    assert _booked(store_engine)[(TOMORROW, "10-12")] == 1
    assert _order_row(store_engine, "OT000001").slot_start == datetime(
        2026, 3, 11, 10, tzinfo=BOGOTA
    )
    with write_session(store_engine) as session:
        moved = reschedule(session, "OT000001", later, "AGT002", FIXED_NOW)
    assert moved.window.label == "12/03 16-18"
    booked = _booked(store_engine)
    assert booked[(TOMORROW, "10-12")] == 0 and booked[(TOMORROW + timedelta(days=1), "16-18")] == 1
    order = _order_row(store_engine, "OT000001")
    assert order.status == WorkOrderStatus.AGENDADA
    assert order.slot_start == datetime(2026, 3, 12, 16, tzinfo=BOGOTA)
    with read_session(store_engine) as session:
        booking = session.exec(select(VisitBooking).where(VisitBooking.slot_id == later)).one()
        assert booking.agent == "AGT002"
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        reschedule(session, "OT000003", later, "AGT002", FIXED_NOW)
    assert refused.value.message == "La visita OT000003 no está agendada: agéndela primero."


def test_cancel_releases_the_place(store_engine: Engine) -> None:
    _seed(store_engine)
    with write_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "08-10")
        book(session, "OT000001", slot_id, "AGT001", FIXED_NOW)
    with write_session(store_engine) as session:
        cancel(session, "OT000001", "AGT001", FIXED_NOW)
    assert _booked(store_engine)[(TOMORROW, "08-10")] == 0
    order = _order_row(store_engine, "OT000001")
    assert order.status == WorkOrderStatus.CANCELADA and order.slot_start is None
    with read_session(store_engine) as session:
        assert session.exec(select(VisitBooking)).all() == []
    with write_session(store_engine) as session:
        book(session, "OT000002", slot_id, "AGT001", FIXED_NOW)  # the place is free again
    with pytest.raises(DomainError) as refused, write_session(store_engine) as session:
        cancel(session, "OT000001", "AGT001", FIXED_NOW)
    assert refused.value.message == "La visita OT000001 está CANCELADA: no se puede cancelar."


def test_demo_agenda_rows_are_deterministic_and_fill_the_full_zone(store_engine: Engine) -> None:
    plan = load_plan()
    today = date(2026, 3, 20)  # Friday; 23/03 is a holiday (San José, moved to Monday)
    rows = agenda_rows(["MED-PO", "BOG-US", "MED-PO"], today)
    assert rows == agenda_rows(["BOG-US", "MED-PO"], today)
    days = sorted({row["day"] for row in rows})
    assert date(2026, 3, 21) not in days and date(2026, 3, 23) not in days
    assert days[0] == today and all(day < today + timedelta(days=plan.days_ahead) for day in days)
    assert len(rows) == 2 * len(days) * len(plan.windows)
    full = [row for row in rows if row["zone"] == plan.full_zone]
    assert full and all(row["booked"] == row["capacity"] for row in full)
    assert all(0 <= row["booked"] <= row["capacity"] for row in rows)
    with write_session(store_engine) as session:
        session.add(account_row(CUENTA, node="BOG-US-0401"))
        session.add(account_row(CUENTA + 1, node="MED-PO-0102"))
        session.add_all(WfmSlot(**row) for row in rows)
    with read_session(store_engine) as session:
        assert zones_of_store(session) == ["BOG-US", "MED-PO"]
        assert free_windows(session, plan.full_zone, today, days=plan.days_ahead) == []
        assert free_windows(session, "MED-PO", today, days=plan.days_ahead)


WORKER = """
import os, sys
from datetime import datetime

from swat_tui.domain.errors import DomainError
from swat_tui.domain.visit.agenda import book
from swat_tui.store.engine import make_engine, write_session

url, number, slot_id, now = sys.argv[1:]
engine = make_engine(url)
with engine.connect():
    pass  # connected and imported before the start
at_barrier()
try:
    with write_session(engine) as session:
        agent = "AGT" + os.environ["SWAT_RACE_NAME"]
        book(session, number, int(slot_id), agent, datetime.fromisoformat(now))
    print("OK")
except DomainError as error:
    print("REFUSED", error.code, error.message)
"""


def _race(store_url: str, barrier: Path, numbers: list[str], slot_id: int) -> list[str]:
    """Start one process per number, let them all book ``slot_id`` at once, return their outputs."""
    argvs = [[store_url, number, str(slot_id), FIXED_NOW.isoformat()] for number in numbers]
    return race(WORKER, argvs, barrier)


def test_concurrent_processes_never_oversell_the_last_places(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    processes, capacity = 6, 2
    _seed(store_engine, orders=processes, capacities=(capacity, 2, 2, 2))
    with read_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "08-10")
    numbers = [f"OT{n + 1:06d}" for n in range(processes)]
    outcomes = _race(store_url, tmp_path / "barrier", numbers, slot_id)

    assert sum(o == "OK" for o in outcomes) == capacity, outcomes
    refused = [o for o in outcomes if o != "OK"]
    assert len(refused) == processes - capacity
    taken = f"REFUSED {SLOT_TAKEN} Franja 11/03 08-10 ocupada. Libres:"
    assert all(o.startswith(taken) for o in refused), refused
    assert _booked(store_engine)[(TOMORROW, "08-10")] == capacity
    with read_session(store_engine) as session:
        bookings = session.exec(select(VisitBooking)).all()
        assert len(bookings) == capacity and {b.slot_id for b in bookings} == {slot_id}
        assert len({b.work_order_id for b in bookings}) == capacity
        scheduled = session.exec(
            select(WorkOrder).where(WorkOrder.status == WorkOrderStatus.AGENDADA)
        ).all()
        assert len(scheduled) == capacity


def test_concurrent_agents_booking_the_same_visit_book_it_once(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    _seed(store_engine, capacities=(1, 4, 2, 2))
    with read_session(store_engine) as session:
        slot_id = _slot_id(session, TOMORROW, "10-12")
    outcomes = _race(store_url, tmp_path / "barrier", ["OT000001"] * 4, slot_id)

    assert outcomes.count("OK") == 1, outcomes
    again = "REFUSED None La visita OT000001 ya está agendada el 11/03 10-12; use reagendar."
    assert outcomes.count(again) == 3, outcomes
    assert _booked(store_engine)[(TOMORROW, "10-12")] == 1
    with read_session(store_engine) as session:
        assert len(session.exec(select(VisitBooking)).all()) == 1
