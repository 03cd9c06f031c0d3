"""Whole soporte calls for inventory (INV010) through the desk: the
serials read against RR's, a mismatch and a service not provisioned escalated to DIME
inventario, a wrong serial refused with nothing written."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.state import DIME_FIELD, SUPPORT_ROUTE_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import DimeCase, PlantCondition, SerialCheck
from tests.desk_calls import DeskCall

INVENTORY = "3"


def _inventory_call(services: Services, key: str) -> DeskCall:
    call = DeskCall.answered(services, SHOWCASE[key])
    call.through_interpretation("soporte", "El módem no es el que tenía", subflow=INVENTORY)
    assert call.desk.call.step_panel() == "INV010"
    return call


def _checks(services: Services, cuenta: int) -> list[SerialCheck]:
    with read_session(services.engine) as session:
        return list(
            session.exec(
                select(SerialCheck)
                .where(SerialCheck.cuenta == cuenta)
                .order_by(col(SerialCheck.id))
            )
        )


def test_a_serial_mismatch_goes_to_dime_inventario(demo_services: Services) -> None:
    call = _inventory_call(demo_services, "serial_mismatch")
    desk = call.desk
    view = desk.inventory.devices()
    modem = next(d for d in view.devices if d.kind == "modem")
    with read_session(demo_services.engine) as session:
        seen = session.exec(
            select(PlantCondition.seen_serial).where(
                PlantCondition.equipment_id == modem.equipment_id
            )
        ).one()
    assert seen and seen != modem.serial
    with pytest.raises(DomainError, match="no válido: solo letras y números"):
        desk.inventory.compare_serials({modem.equipment_id: "AB-12"})
    assert _checks(demo_services, call.cuenta) == []
    desk.inventory.compare_serials({modem.equipment_id: seen.lower()})
    [check] = _checks(demo_services, call.cuenta)
    assert (check.registered, check.read, check.matches) == (modem.serial, seen, False)
    state = call.record.state
    dime = state.request_field(DIME_FIELD)
    assert dime and state.request_field(SUPPORT_ROUTE_FIELD) == "dime_inventario"
    assert desk.call.suggested_code() == "SOP-INV-001" and desk.call.request_escalated()
    with read_session(demo_services.engine) as session:
        case = session.exec(select(DimeCase).where(DimeCase.number == dime)).one()
    assert case.area == "Inventario" and seen in case.notes and modem.serial in case.notes
    desk.call.record_check("inventario_informado", "informado")
    desk.call.advance()
    call.typify()
    ended = call.close()
    typification = call.typification_of(ended)
    assert (typification.code, typification.first_contact, typification.dime_number) == (
        "SOP-INV-001",
        False,
        dime,
    )


def test_matching_serials_are_recorded_without_escalation(demo_services: Services) -> None:
    call = _inventory_call(demo_services, "activa")
    desk = call.desk
    devices = desk.inventory.devices().devices
    desk.inventory.compare_serials({d.equipment_id: d.serial for d in devices})
    assert all(c.matches for c in _checks(demo_services, call.cuenta))
    assert len(_checks(demo_services, call.cuenta)) == len(devices)
    assert not desk.call.request_escalated()
    assert call.record.state.request_field(DIME_FIELD) == ""


def test_a_service_not_provisioned_is_visible_and_escalated(demo_services: Services) -> None:
    call = _inventory_call(demo_services, "not_provisioned")
    desk = call.desk
    view = desk.inventory.devices()
    assert [s.kind for s in view.unprovisioned] == ["voz"]
    first = view.devices[0]
    desk.inventory.compare_serials({first.equipment_id: first.serial})
    assert desk.call.suggested_code() == "SOP-INV-002"
    assert call.record.state.request_field(DIME_FIELD)
