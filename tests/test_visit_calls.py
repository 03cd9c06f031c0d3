"""Whole calls through the technical visit (step 5) on the desk, without
the UI — an LLS booked, a soporte request's physical failure, a full agenda filed for CGO,
a visit rescheduled and one cancelled — checking every row each one wrote."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.domain.visit.agenda import SLOT_TAKEN, zone_of
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import CgoStatus, WorkOrderStatus
from swat_tui.store.models import (
    Account,
    CallEvent,
    CgoForm,
    Typification,
    VisitBooking,
    WfmSlot,
    WorkOrder,
)
from tests.desk_calls import CALLER, DeskCall

ORDER = {
    "reason": "Internet sin servicio",
    "symptom": "Módem apagado",
    "contact_name": "Ana Pérez",
    "contact_phone": "3015550000",
    "address": "",  # the account's own
    "confirmed": "S",
    "access_notes": "Portería 24 horas",
}


def _events(
    services: Services, call_id: int, *, kinds: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """The call's events (name, result), oldest first; ``kinds``: only those kinds,
    else every kind but the actions and panels (the checks and fields they pin)."""
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        return [
            (row.check, row.result)
            for row in rows
            if (row.kind in kinds if kinds else row.kind not in ("action", "panel"))
        ]


def _visit_call(services: Services, key: str, request: str = "Necesita una visita") -> DeskCall:
    """Steps 1 and 2 with a visita request: the call is on step 5, VIS010."""
    call = DeskCall.answered(services, SHOWCASE[key])
    call.reception()
    call.interpretation("visita", request)
    assert call.record.state.step == 5
    assert call.desk.call.step_panel() == "VIS010"
    return call


def _create(call: DeskCall, kind: str = "LLS", **changes: str) -> str:
    fields = {**ORDER, "address": call.account().address, **changes}
    return call.desk.visit.create_order(call.cuenta, kind=kind, **fields).number


def _order(services: Services, number: str) -> WorkOrder:
    with read_session(services.engine) as session:
        return session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()


def _slot(services: Services, slot_id: int) -> WfmSlot:
    with read_session(services.engine) as session:
        slot = session.get(WfmSlot, slot_id)
        assert slot is not None
        return slot


def _fill_zone(session: Session, zone: str) -> None:
    for slot in session.exec(select(WfmSlot).where(WfmSlot.zone == zone)).all():
        slot.booked = slot.capacity
        session.add(slot)


def test_a_visita_request_books_an_lls_and_is_typified(demo_services: Services) -> None:
    call = _visit_call(demo_services, "activa")
    desk = call.desk
    view = desk.visit.orders(call.cuenta)
    assert view.reason == "Necesita una visita" and view.aviso == ""
    assert view.contact_name == CALLER["caller_name"]
    assert view.contact_phone == CALLER["callback_number"]
    assert view.address == call.account().address
    with pytest.raises(DomainError, match="Agende primero la franja"):
        desk.call.record_check("visita_informada", "informada")
    number = _create(call)
    assert number.startswith("LLS") and len(number) == 12
    order = _order(demo_services, number)
    assert (order.status, order.reason, order.symptom) == (
        WorkOrderStatus.PENDIENTE,
        "Internet sin servicio",
        "Módem apagado",
    )
    assert (order.contact_name, order.contact_phone, order.access_notes) == (
        "Ana Pérez",
        "3015550000",
        "Portería 24 horas",
    )
    assert (order.call_id, order.created_by) == (call.record.id, "ASESOR01")
    agenda = desk.visit.agenda(call.cuenta, number)
    assert agenda.windows and agenda.zone == zone_of(call.account().node)
    first = agenda.windows[0]
    booked = desk.visit.book(call.cuenta, number, first.slot_id)
    assert booked.window.label == first.label
    slot = _slot(demo_services, first.slot_id)
    assert slot.capacity - slot.booked == first.free - 1
    order = _order(demo_services, number)
    assert order.status == WorkOrderStatus.AGENDADA
    assert order.slot_start is not None and order.slot_start.astimezone(BOGOTA) == first.starts_at
    with read_session(demo_services.engine) as session:
        booking = session.exec(
            select(VisitBooking).where(VisitBooking.work_order_id == order.id)
        ).one()
    assert (booking.slot_id, booking.agent) == (first.slot_id, "ASESOR01")
    # Step 2's pending-visit flag now shows the real booking.
    shown = desk.visit.orders(call.cuenta).orders[0]
    assert (shown.number, shown.status, shown.window, shown.booked) == (
        number,
        "AGENDADA",
        first.label,
        True,
    )
    assert call.desk.active is not None and call.desk.active.account is not None
    pending = call.desk.active.account.pending_visits
    [flag] = [v for v in pending if v.number == number]
    assert (flag.scheduled, flag.slot_start, flag.slot_end) == (
        True,
        first.starts_at,
        first.ends_at,
    )
    desk.call.record_check("visita_informada", "informada")
    desk.call.advance()
    assert call.record.state.step == 7
    assert desk.call.suggested_code() == "VIS-LLS-001" and not desk.call.request_escalated()
    call.typify()
    ended = call.close()
    typification = call.typification_of(ended)
    assert (typification.code, typification.first_contact) == ("VIS-LLS-001", True)
    events = _events(demo_services, ended.id)
    step5 = events[events.index(("visita_orden", f"{number} creada")) :]
    assert step5[:6] == [
        ("visita_orden", f"{number} creada"),
        ("ucc_1", "VIS-LLS-001"),
        ("visita_agenda", f"{number} agendada {first.label}"),
        ("typification_notes_1", f"{number} agendada {first.label}."),
        ("ucc_1", "VIS-LLS-001"),
        ("visita_informada", "informada"),
    ]
    assert _events(demo_services, ended.id, kinds=("action",)) == [
        ("visit.create_order", number),
        ("visit.book", number),
    ]


def test_a_window_just_taken_is_refused_with_the_next_ones(demo_services: Services) -> None:
    call = _visit_call(demo_services, "activa")
    desk = call.desk
    number = _create(call, kind="OT")
    first = desk.visit.agenda(call.cuenta, number).windows[0]
    with write_session(demo_services.engine) as session:  # another agent took its last place
        slot = session.get(WfmSlot, first.slot_id)
        assert slot is not None
        slot.booked = slot.capacity
        session.add(slot)
    state = call.record.state
    with pytest.raises(DomainError) as refused:
        desk.visit.book(call.cuenta, number, first.slot_id)
    assert refused.value.code == SLOT_TAKEN
    assert refused.value.message.startswith(f"Franja {first.label} ocupada. Libres: ")
    assert call.record.state == state
    assert _order(demo_services, number).status == WorkOrderStatus.PENDIENTE
    again = desk.visit.agenda(call.cuenta, number).windows
    assert first.slot_id not in {w.slot_id for w in again}


def test_bad_input_writes_nothing_and_is_refused_with_its_message(
    demo_services: Services,
) -> None:
    call = _visit_call(demo_services, "activa")
    before = len(_events(demo_services, call.record.id))
    cases = [
        ({"contact_phone": "30A5550000"}, "visit_phone", "solo números"),
        ({"contact_phone": "12345"}, "visit_phone", r"7 \(fijo\) o 10 \(celular\)"),
        ({"reason": "  "}, "visit_reason", "Digite el motivo"),
        ({"confirmed": "N"}, "visit_confirmed", "digite S en Confirmada"),
    ]
    for changes, code, text in cases:
        with pytest.raises(DomainError, match=text) as refused:
            _create(call, **changes)
        assert refused.value.code == code
    with pytest.raises(DomainError, match="Tipo de visita"):
        _create(call, kind="XX")
    assert len(_events(demo_services, call.record.id)) == before
    with read_session(demo_services.engine) as session:
        assert not session.exec(select(WorkOrder).where(WorkOrder.call_id == call.record.id)).all()


def test_a_visit_under_an_open_aviso_is_refused(demo_services: Services) -> None:
    call = _visit_call(demo_services, "aviso")
    desk = call.desk
    view = desk.visit.orders(call.cuenta)
    assert view.aviso.startswith("INC")
    message = f"Nodo con aviso {view.aviso} abierto: no se agenda visita; asocie la llamada."
    assert view.aviso_message == message
    with pytest.raises(DomainError) as refused:
        _create(call)
    assert refused.value.message == message and len(message) <= 79
    with read_session(demo_services.engine) as session:
        assert not session.exec(select(WorkOrder).where(WorkOrder.cuenta == call.cuenta)).all()
    assert desk.visit.under_aviso(call.cuenta) == view.aviso
    desk.call.advance()
    assert desk.call.suggested_code() == "VIS-AVI-001" and desk.call.request_escalated()
    call.typify()
    events = _events(demo_services, call.record.id)
    assert ("visita_agenda", load_actions().escalation(f"aviso {view.aviso}")) in events
    assert ("tipificada", "VIS-AVI-001") in events


def test_soporte_physical_failure_books_a_visit_with_the_td_symptom(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.through_interpretation("soporte", "No le navega el internet", subflow="1")
    desk = call.desk
    number = next(t.number for t in desk.td.trees() if t.id == "internet_no_navega")
    desk.td.choose(str(number))
    for answer in ("no", "no", "si", "si"):
        desk.td.reply(answer)
    leaf = desk.td.walk().walk
    assert leaf is not None and leaf.leaf is not None
    desk.call.record_check("td_informado", "informado")
    if desk.procedure.check("diagnostico_revisado") is not None:  # step 4's Diagnosticador (F8)
        desk.call.record_check("diagnostico_revisado", "revisado")
    desk.call.advance()
    assert call.record.state.step == 5 and desk.call.step_panel() == "VIS010"
    view = desk.visit.orders(call.cuenta)
    assert view.symptom == f"{leaf.tree.titulo}: {leaf.leaf.resultado}"
    assert view.reason == "No le navega el internet"
    order = _create(call, symptom=view.symptom[:120])
    window = desk.visit.agenda(call.cuenta, order).windows[0]
    desk.visit.book(call.cuenta, order, window.slot_id)
    desk.call.record_check("visita_informada", "informada")
    desk.call.advance()
    assert call.record.state.step == 7
    # The T&D walk escalated the request already: no first contact.
    assert desk.call.suggested_code() == "VIS-LLS-001" and desk.call.request_escalated()
    call.typify()
    ended = call.close()
    with read_session(demo_services.engine) as session:
        typification = session.exec(
            select(Typification).where(Typification.call_id == ended.id)
        ).one()
        row = session.exec(select(WorkOrder).where(WorkOrder.number == order)).one()
    assert (typification.code, typification.first_contact) == ("VIS-LLS-001", False)
    assert row.symptom == view.symptom[:120] and row.status == WorkOrderStatus.AGENDADA


def test_a_full_agenda_files_the_cgo_form(demo_services: Services) -> None:
    cuenta = SHOWCASE["activa"]
    with write_session(demo_services.engine) as session:
        account = session.get(Account, cuenta)
        assert account is not None
        zone = zone_of(account.node)
        _fill_zone(session, zone)
    call = _visit_call(demo_services, "activa")
    desk = call.desk
    number = _create(call)
    agenda = desk.visit.agenda(call.cuenta, number)
    assert agenda.windows == ()
    with pytest.raises(DomainError, match="Franja '07-09' no existe: use 08-10 10-12 14-16 16-18"):
        desk.visit.file_cgo_form(call.cuenta, number, windows="07-09", days="LUN")
    with pytest.raises(DomainError, match="Digite los días"):
        desk.visit.file_cgo_form(call.cuenta, number, windows="08-10", days=" ")
    form = desk.visit.file_cgo_form(
        call.cuenta, number, windows="14-16 08-10", days="lun mie", notes="Llamar antes"
    )
    assert form.number == "CGO000000001" and form.preferred_windows == "08-10 14-16"
    # The demo's clock is Saturday 28/11/2026: two business days later is Tuesday 01/12.
    assert form.due_at.strftime("%d/%m/%Y %H:%M") == "01/12/2026 18:00"
    with pytest.raises(DomainError, match="ya tiene el formulario CGO000000001"):
        desk.visit.file_cgo_form(call.cuenta, number, windows="08-10", days="LUN")
    with read_session(demo_services.engine) as session:
        row = session.exec(select(CgoForm)).one()
        order = session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()
    assert (row.cuenta, row.call_id, row.work_order_id, row.zone) == (
        cuenta,
        call.record.id,
        order.id,
        zone,
    )
    assert (row.preferred_days, row.notes, row.status, row.created_by) == (
        "LUN MIE",
        "Llamar antes",
        CgoStatus.PENDIENTE,
        "ASESOR01",
    )
    assert (row.contact_name, row.contact_phone, row.reason) == (
        "Ana Pérez",
        "3015550000",
        "Internet sin servicio",
    )
    assert order.status == WorkOrderStatus.PENDIENTE
    assert desk.visit.orders(call.cuenta).orders[0].cgo_number == "CGO000000001"
    desk.call.record_check("visita_informada", "informada")
    desk.call.advance()
    # A CGO form is follow-up, not a visit booked: escalated, typified without first contact.
    assert desk.call.request_escalated() and desk.call.suggested_code() == "VIS-SEG-001"
    with pytest.raises(DomainError, match="No resuelta en línea"):
        desk.call.typify(code="VIS-SEG-001", first_contact=True)
    offered = call.record.state.request_field("typification_notes_{number}")  # TIP001's notes
    assert offered == (
        f"Sin cupo: formulario CGO CGO000000001 de {number}; CGO confirma a más tardar el 01/12/26."
    )
    call.typify()
    ended = call.close()
    typification = call.typification_of(ended)
    assert (typification.code, typification.first_contact, typification.cun) == (
        "VIS-SEG-001",
        False,
        None,
    )
    events = _events(demo_services, ended.id)
    assert ("visita_agenda", load_actions().escalation("formulario CGO CGO000000001")) in events


def test_a_cgo_form_is_refused_while_a_window_is_free(demo_services: Services) -> None:
    call = _visit_call(demo_services, "activa")
    number = _create(call)
    before = call.record.state
    with pytest.raises(DomainError, match=r"Hay \d+ franjas libres en 7 días"):
        call.desk.visit.file_cgo_form(call.cuenta, number, windows="08-10", days="LUN")
    assert call.record.state == before
    with read_session(demo_services.engine) as session:
        assert session.exec(select(CgoForm)).all() == []


def test_the_scheduled_visit_is_rescheduled(demo_services: Services) -> None:
    call = _visit_call(demo_services, "visit_scheduled", "Quiere cambiar la fecha de la visita")
    desk = call.desk
    [scheduled] = [v for v in desk.visit.orders(call.cuenta).orders if v.status == "AGENDADA"]
    assert scheduled.window and not scheduled.booked  # booked before the WFM agenda
    target = desk.visit.agenda(call.cuenta, scheduled.number).windows[1]
    moved = desk.visit.reschedule(call.cuenta, scheduled.number, target.slot_id)
    assert moved.window.label == target.label
    order = _order(demo_services, scheduled.number)
    assert order.status == WorkOrderStatus.AGENDADA
    assert order.slot_start is not None and order.slot_start.astimezone(BOGOTA) == target.starts_at
    assert _slot(demo_services, target.slot_id).booked == (
        _slot(demo_services, target.slot_id).capacity - target.free + 1
    )
    other = desk.visit.agenda(call.cuenta, scheduled.number).windows[0]
    desk.visit.reschedule(call.cuenta, scheduled.number, other.slot_id)  # a real booking now
    assert _slot(demo_services, target.slot_id).booked == (
        _slot(demo_services, target.slot_id).capacity - target.free
    )
    desk.call.record_check("visita_informada", "informada")
    desk.call.advance()
    assert desk.call.suggested_code() == "VIS-LLS-003"
    call.typify()
    events = _events(demo_services, call.record.id)
    assert ("visita_orden", f"{scheduled.number} reagendada") in events
    assert ("visita_agenda", f"{scheduled.number} reagendada {other.label}") in events
    assert ("tipificada", "VIS-LLS-003") in events


def test_the_scheduled_visit_is_cancelled(demo_services: Services) -> None:
    call = _visit_call(demo_services, "visit_scheduled", "Cancela la visita")
    desk = call.desk
    [scheduled] = [v for v in desk.visit.orders(call.cuenta).orders if v.status == "AGENDADA"]
    cancelled = desk.visit.cancel(call.cuenta, scheduled.number)
    assert cancelled.status == "CANCELADA"
    order = _order(demo_services, scheduled.number)
    assert order.status == WorkOrderStatus.CANCELADA and order.slot_start is None
    with pytest.raises(DomainError, match="está CANCELADA: no se puede cancelar"):
        desk.visit.cancel(call.cuenta, scheduled.number)
    desk.call.record_check("visita_informada", "informada")
    desk.call.advance()
    assert desk.call.suggested_code() == "VIS-LLS-004"
    call.typify()
    assert call.desk.active is not None and call.desk.active.account is not None
    assert not [v for v in call.desk.active.account.pending_visits if v.number == order.number]
    events = _events(demo_services, call.record.id)
    assert ("visita_agenda", f"{scheduled.number} cancelada") in events
    assert ("tipificada", "VIS-LLS-004") in events


def test_another_account_s_order_is_refused(demo_services: Services) -> None:
    call = _visit_call(demo_services, "activa")
    with read_session(demo_services.engine) as session:
        other = session.exec(
            select(WorkOrder).where(WorkOrder.cuenta == SHOWCASE["visit_scheduled"])
        ).first()
    assert other is not None
    with pytest.raises(DomainError, match="no es de la cuenta"):
        call.desk.visit.cancel(call.cuenta, other.number)


def test_the_cgo_work_list_is_the_supervisor_s(demo_services: Services) -> None:
    call = _visit_call(demo_services, "activa")
    with pytest.raises(DomainError, match="CPF2217"):
        SupervisorDesk(demo_services, call.desk.agent).cgo_pending()
