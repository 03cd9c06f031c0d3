"""Two agents changing the same record: optimistic concurrency across think time.

Two desks (ASESOR01 and ASESOR02) on one store, on SQLite and PostgreSQL. Each
reads the work order or DIME case (the view its panel shows carries the
version), the first saves, the second saves from what it read: refused with a
row-24 text naming the record, what changed and who changed it, nothing of the
second written, the first's change kept, and the refusal audited. Read again,
the second agent's save goes through.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import col, func, select

from swat_tui.config import BOGOTA
from swat_tui.domain import versions
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.visit.agenda import zone_of
from swat_tui.domain.visit.views import VisitOrderView
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import (
    DimeCase,
    DimeNote,
    RefusedIntent,
    VisitBooking,
    WfmSlot,
    WorkOrder,
)
from tests.desk_calls import DeskCall, demo_services, demo_template

__all__ = ["demo_services", "demo_template"]  # the fixtures, imported for pytest


def _visit_call(services: Services, username: str, key: str = "visit_scheduled") -> DeskCall:
    """A call of the account with a visita request on ``username``'s desk (step 5)."""
    call = DeskCall.answered(services, SHOWCASE[key], username=username)
    call.reception()
    call.interpretation("visita", "Quiere cambiar la visita")
    return call


def _scheduled(call: DeskCall) -> VisitOrderView:
    """The account's AGENDADA order as VIS010 shows it."""
    [order] = [o for o in call.desk.visit.orders(call.cuenta).orders if o.status == "AGENDADA"]
    return order


def _order(services: Services, number: str) -> WorkOrder:
    with read_session(services.engine) as session:
        return session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()


def _booked_places(services: Services) -> dict[int, int]:
    with read_session(services.engine) as session:
        return {slot.id or 0: slot.booked for slot in session.exec(select(WfmSlot)).all()}


def _refused(services: Services) -> list[tuple[str, str, str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(select(RefusedIntent).order_by(col(RefusedIntent.id))).all()
        return [(r.username, r.intent, r.rule, r.message) for r in rows]


def _hour(services: Services) -> str:
    """The time a change made now is named by (the test clock's, in Bogotá)."""
    return f"{services.clock().astimezone(BOGOTA):%H:%M}"


def test_a_visit_moved_by_one_agent_is_not_moved_again_by_the_second(
    demo_services: Services,
) -> None:
    one = _visit_call(demo_services, "ASESOR01")
    two = _visit_call(demo_services, "ASESOR02")
    seen_one = one.desk.visit.agenda(one.cuenta, _scheduled(one).number)
    seen_two = two.desk.visit.agenda(two.cuenta, _scheduled(two).number)
    number = seen_one.order.number
    first, second = seen_one.windows[1], seen_two.windows[2]  # [0]: the legacy slot's time
    one.desk.visit.reschedule(one.cuenta, number, first.slot_id, seen=seen_one.order)
    places = _booked_places(demo_services)
    with pytest.raises(DomainError) as refused:
        two.desk.visit.reschedule(two.cuenta, number, second.slot_id, seen=seen_two.order)
    message = refused.value.message
    assert refused.value.code == versions.CHANGED
    assert message == (
        f"La orden {number} cambió (franja; ASESOR01 {_hour(demo_services)}): revise y grabe."
    )
    assert len(message) <= MESSAGE_WIDTH
    order = _order(demo_services, number)  # the first agent's window, untouched
    assert (order.status, order.updated_by) == ("AGENDADA", "ASESOR01")
    assert order.version > seen_two.order.version
    assert order.slot_start is not None and order.slot_start == first.starts_at
    assert _booked_places(demo_services) == places  # no place taken nor released
    assert _refused(demo_services) == [
        ("ASESOR02", "visit.reschedule", "changed.order_by", message)
    ]
    again = two.desk.visit.agenda(two.cuenta, number)  # the panel read again: now it saves
    two.desk.visit.reschedule(two.cuenta, number, second.slot_id, seen=again.order)
    assert _order(demo_services, number).updated_by == "ASESOR02"


def test_a_visit_booked_meanwhile_is_not_cancelled_from_the_list_read_before(
    demo_services: Services,
) -> None:
    """ASESOR02's VIS010 shows the LLS it is about to cancel; ASESOR01 moves it to another
    window meanwhile: the 4 is refused, the order stays booked where ASESOR01 put it."""
    one = _visit_call(demo_services, "ASESOR01")
    two = _visit_call(demo_services, "ASESOR02")
    listed = _scheduled(two)
    agenda = one.desk.visit.agenda(one.cuenta, listed.number)
    one.desk.visit.reschedule(one.cuenta, listed.number, agenda.windows[1].slot_id)
    with pytest.raises(DomainError) as refused:
        two.desk.visit.cancel(two.cuenta, listed.number, seen=listed)
    assert "(franja; ASESOR01 " in refused.value.message
    assert refused.value.rule == "changed.order_by"
    order = _order(demo_services, listed.number)
    assert (order.status, order.updated_by) == ("AGENDADA", "ASESOR01")
    with read_session(demo_services.engine) as session:
        assert session.exec(
            select(VisitBooking).where(VisitBooking.work_order_id == order.id)
        ).one()
    fresh = _scheduled(two)
    assert two.desk.visit.cancel(two.cuenta, listed.number, seen=fresh).status == "CANCELADA"


def test_an_order_filed_for_cgo_meanwhile_names_the_form(demo_services: Services) -> None:
    """A pending order with no window free: ASESOR01 files it for CGO while ASESOR02's
    list still shows it plain PENDIENTE; ASESOR02's cancel names the form."""
    one = _visit_call(demo_services, "ASESOR01", "activa")
    number = one.desk.visit.create_order(
        one.cuenta,
        kind="LLS",
        reason="Internet sin servicio",
        symptom="Módem apagado",
        contact_name="Ana Pérez",
        contact_phone="3015550000",
        address=one.account().address,
        confirmed="S",
    ).number
    two = _visit_call(demo_services, "ASESOR02", "activa")
    [listed] = [o for o in two.desk.visit.orders(two.cuenta).orders if o.number == number]
    with write_session(demo_services.engine) as session:
        zone = zone_of(one.account().node)
        for slot in session.exec(select(WfmSlot).where(WfmSlot.zone == zone)).all():
            slot.booked = slot.capacity
            session.add(slot)
    one.desk.visit.file_cgo_form(one.cuenta, number, windows="08-10", days="LUN")
    with pytest.raises(DomainError) as refused:
        two.desk.visit.cancel(two.cuenta, number, seen=listed)
    assert "(formulario CGO; ASESOR01 " in refused.value.message
    assert _order(demo_services, number).status == "PENDIENTE"


def _dime_call(services: Services, username: str) -> tuple[DeskCall, str]:
    call = DeskCall.answered(services, SHOWCASE["dime_open"], username=username)
    call.reception()
    [case] = call.desk.dime.cases(call.cuenta)
    return call, case.number


def _notes(services: Services) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(select(DimeNote).order_by(col(DimeNote.id))).all()
        return [(note.author, note.text) for note in rows]


def test_a_dime_case_noted_by_one_agent_refuses_the_second_s_note_until_read_again(
    demo_services: Services,
) -> None:
    one, number = _dime_call(demo_services, "ASESOR01")
    two, _ = _dime_call(demo_services, "ASESOR02")
    [seen_one] = one.desk.dime.cases(one.cuenta)
    [seen_two] = two.desk.dime.cases(two.cuenta)
    before = _notes(demo_services)
    one.desk.dime.add_case_note(number, "Cliente confirma el pago doble.", seen=seen_one)
    with pytest.raises(DomainError) as refused:
        two.desk.dime.add_case_note(number, "Cliente pide el reintegro.", seen=seen_two)
    message = refused.value.message
    assert message == (
        f"El caso {number} cambió (nueva nota; ASESOR01 {_hour(demo_services)}): revise y grabe."
    )
    assert _notes(demo_services) == [*before, ("ASESOR01", "Cliente confirma el pago doble.")]
    assert _refused(demo_services) == [
        ("ASESOR02", "dime.add_case_note", "changed.case_by", message)
    ]
    [again] = two.desk.dime.cases(two.cuenta)
    two.desk.dime.add_case_note(number, "Cliente pide el reintegro.", seen=again)
    assert _notes(demo_services)[-1] == ("ASESOR02", "Cliente pide el reintegro.")


def test_a_dime_case_closed_by_its_area_names_the_status(demo_services: Services) -> None:
    """The resolving area closes the case (a write of its own, the day before) while the
    agent's DIM001 shows it open: the note is refused naming the status, not "cerrado"."""
    call, number = _dime_call(demo_services, "ASESOR01")
    [seen] = call.desk.dime.cases(call.cuenta)
    closed_at = demo_services.clock() - timedelta(days=1)
    with write_session(demo_services.engine) as session:
        case = session.exec(select(DimeCase).where(DimeCase.number == number)).one()
        case.status, case.updated_at, case.updated_by = "CERRADO", closed_at, "SUPERV01"
        session.add(case)
    with pytest.raises(DomainError) as refused:
        call.desk.dime.add_case_note(number, "Cliente llama de nuevo.", seen=seen)
    when = f"{closed_at.astimezone(BOGOTA):%d/%m %H:%M}"
    assert refused.value.message == (
        f"El caso {number} cambió (estado; SUPERV01 {when}): revise y grabe."
    )
    with read_session(demo_services.engine) as session:
        count = session.exec(select(func.count()).select_from(DimeNote)).one()
    [fresh] = call.desk.dime.cases(call.cuenta)
    with pytest.raises(DomainError, match="está cerrado"):
        call.desk.dime.add_case_note(number, "Cliente llama de nuevo.", seen=fresh)
    with read_session(demo_services.engine) as session:
        assert session.exec(select(func.count()).select_from(DimeNote)).one() == count


def test_a_stale_orm_write_in_a_desk_transaction_is_a_refusal(demo_services: Services) -> None:
    """The net under the version checks: an order loaded before another agent changed it,
    written in a desk's transaction, is refused (StaleDataError), and nothing is written."""
    call = _visit_call(demo_services, "ASESOR01")
    number = _scheduled(call).number
    with read_session(demo_services.engine) as session:
        stale = session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()
    with write_session(demo_services.engine) as session:
        order = session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()
        order.access_notes = "Portería 24 horas"
        session.add(order)
    stale.access_notes = "Llamar antes"
    with pytest.raises(DomainError) as refused, call.desk.ctx.transaction() as tx:
        tx.session.add(stale)
    assert refused.value.code == versions.CHANGED
    assert refused.value.message == (
        "Otro asesor cambió la orden mientras grababa: revise y grabe de nuevo."
    )
    assert _order(demo_services, number).access_notes == "Portería 24 horas"


@pytest.mark.parametrize(
    ("what", "by", "at", "expected"),
    [
        (["estado", "franja"], "ASESOR01", 0, "(estado y franja; ASESOR01 10:42): revise y grabe."),
        (["estado", "franja"], "SUPERVISOR", 1, "(estado y franja): revise y grabe de nuevo."),
        (["estado", "franja", "contacto", "dirección"], None, 0, "(varios datos): revise y"),
        ([], "ASESOR01", 0, "(otra gestión; ASESOR01 10:42)"),
    ],
)
def test_the_changed_text_fits_row_24_dropping_who_then_what(
    what: list[str], by: str | None, at: int, expected: str
) -> None:
    """With the widest numbers (12 characters): who and when when they fit, else what
    changed alone, else "varios datos"."""
    moment = datetime(2026, 11, 28, 10, 42, tzinfo=BOGOTA)
    today = moment.date() + timedelta(days=at)  # 1: the change was made the day before
    error = versions.changed("order", "LLS000000123", what, by=by, at=moment, today=today)
    assert expected in error.message and len(error.message) <= MESSAGE_WIDTH
    assert error.code == versions.CHANGED


def test_every_field_a_stale_text_may_name_has_its_label() -> None:
    """The labels are read by name (``changed.label.<field>``): each one is there."""
    from swat_tui.domain.dime.cases import SHOWN as CASE_SHOWN
    from swat_tui.domain.messages import catalogue
    from swat_tui.domain.visit.orders import SHOWN as ORDER_SHOWN

    labels = {*ORDER_SHOWN, *CASE_SHOWN, "updated_at", "other", "several"}
    assert {f"changed.label.{name}" for name in labels} <= set(catalogue())
    names = {*versions.RECORD_NAMES.values(), "other"}
    assert {f"changed.record_name.{name}" for name in names} <= set(catalogue())
