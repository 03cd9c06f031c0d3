"""Whole soporte calls through the Diagnosticador (desk intents, no
UI): reading it records the step-4 check; restarting the CM; a point case; the call
tied to the node's aviso by a repeat caller — checking every row each one wrote."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import SUPPORT_ROUTE_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import (
    AccessLog,
    CallEvent,
    Incident,
    IncidentLink,
    ModemRestart,
)
from tests.desk_calls import DeskCall

CHECK = "diagnostico_revisado"


def _events(services: Services, call_id: int) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        return [(row.check, row.result) for row in rows]


def _reads(services: Services, cuenta: int) -> int:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(AccessLog).where(
                AccessLog.cuenta == cuenta, AccessLog.action == "DIAGNOSTICADOR"
            )
        )
        return len(rows.all())


def _soporte(services: Services, key: str) -> DeskCall:
    call = DeskCall.answered(services, SHOWCASE[key])
    call.through_interpretation("soporte", "No le navega el internet", subflow="1")
    return call


def test_reading_records_the_check_once_and_restart_brings_init_online(
    demo_services: Services,
) -> None:
    call = _soporte(demo_services, "cm_init")
    desk = call.desk
    view = desk.diagnostics.read(call.cuenta)
    assert view.modem is not None and view.modem.cm_state == "init(r1)"
    desk.diagnostics.read(call.cuenta)  # read again: recorded once
    checks = [e for e in _events(demo_services, call.record.id) if e[0] == CHECK]
    assert checks == [(CHECK, "revisado: CM init(r1), sin niveles, 1 vecino(s) caído(s), 0 avisos")]
    after = desk.diagnostics.restart_modem()
    assert after.modem is not None and after.modem.cm_state == "online" and after.downstream
    with read_session(demo_services.engine) as session:
        [restart] = session.exec(select(ModemRestart).where(ModemRestart.cuenta == call.cuenta))
    assert (restart.serial, restart.agent, restart.call_id) == (
        view.modem.serial,
        "ASESOR01",
        call.record.id,
    )
    events = _events(demo_services, call.record.id)
    assert ("diagnostics.restart_modem", view.modem.serial) in events  # the action, typed
    assert events[-1] == (
        CHECK,
        "revisado: CM online, niveles en rango, 1 vecino(s) caído(s), 0 avisos",
    )
    assert _reads(demo_services, call.cuenta) == 3
    assert not desk.call.request_escalated()


def test_a_point_case_escalates_once(demo_services: Services) -> None:
    call = _soporte(demo_services, "activa")
    desk = call.desk
    with pytest.raises(DomainError, match="mínimo 10 caracteres"):
        desk.diagnostics.raise_point_case("corto")
    result = desk.diagnostics.raise_point_case("No navega desde ayer; el módem parpadea")
    number = result.aviso.number
    assert result.code == "SOP-PUN-001" and not result.repeat and result.aviso.kind == "puntual"
    with pytest.raises(DomainError, match=f"ya tiene el caso puntual {number}"):
        desk.diagnostics.raise_point_case("Otra vez la misma falla del cliente")
    with read_session(demo_services.engine) as session:
        incident = session.exec(select(Incident).where(Incident.number == number)).one()
        [link] = session.exec(select(IncidentLink).where(IncidentLink.call_id == call.record.id))
    assert (incident.node, incident.priority, incident.status) == (
        call.account().node,
        4,
        "ABIERTO",
    )
    assert (link.incident_id, link.cuenta, link.repeat_call) == (incident.id, call.cuenta, False)
    state = call.record.state
    assert state.request_field(SUPPORT_ROUTE_FIELD) == "punto"
    assert desk.call.suggested_code() == "SOP-PUN-001" and desk.call.request_escalated()
    assert [e for e in _events(demo_services, call.record.id) if e[0] == CHECK][-1] == (
        CHECK,
        load_actions().escalation(f"caso puntual {number}"),
    )


def test_a_repeat_caller_is_tied_to_the_aviso(demo_services: Services) -> None:
    call = _soporte(demo_services, "aviso_repeat")
    desk = call.desk
    with pytest.raises(DomainError, match="no existe"):
        desk.diagnostics.attach_call_to_aviso("INC000000001")
    view = desk.diagnostics.read(call.cuenta)
    assert view.mass_aviso is not None
    result = desk.diagnostics.attach_call_to_aviso()
    assert result.aviso.number == view.mass_aviso.number
    assert result.repeat and result.previous_calls >= 1 and result.code == "SOP-MAS-002"
    with pytest.raises(DomainError, match="ya está asociada"):
        desk.diagnostics.attach_call_to_aviso(result.aviso.number)
    with read_session(demo_services.engine) as session:
        links = session.exec(
            select(IncidentLink).where(IncidentLink.call_id == call.record.id)
        ).all()
    assert [(link.cuenta, link.repeat_call) for link in links] == [(call.cuenta, True)]
    assert call.record.state.request_field(SUPPORT_ROUTE_FIELD) == "sector"
    assert [e for e in _events(demo_services, call.record.id) if e[0] == CHECK][-1] == (
        CHECK,
        load_actions().escalation(f"aviso {result.aviso.number} (rellamada)"),
    )
    call.desk.call.record_check("td_recorrido", "asociada al aviso")
    call.desk.call.record_check("td_informado", "informado")
    call.desk.call.advance()
    ended = call.typify()
    typification = call.typification_of(ended)
    assert (typification.code, typification.first_contact) == ("SOP-MAS-002", False)


def test_a_sector_aviso_needs_neighbours_down(demo_services: Services) -> None:
    call = _soporte(demo_services, "activa")
    with pytest.raises(DomainError, match="Ningún vecino está caído"):
        call.desk.diagnostics.raise_sector_aviso("Varios clientes del edificio sin servicio")
    with read_session(demo_services.engine) as session:
        assert not session.exec(
            select(IncidentLink).where(IncidentLink.call_id == call.record.id)
        ).all()


def test_the_actions_need_a_soporte_request(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.through_interpretation("sac", "Pregunta por la factura", subflow="2")
    desk = call.desk
    view = desk.diagnostics.read(call.cuenta)  # reading is allowed; no check outside soporte
    assert view.modem is not None
    assert CHECK not in {e[0] for e in _events(demo_services, call.record.id)}
    for action in (
        desk.diagnostics.restart_modem,
        lambda: desk.diagnostics.raise_point_case("No navega desde ayer"),
    ):
        with pytest.raises(DomainError, match="solicitud de soporte"):
            action()
    with read_session(demo_services.engine) as session:
        assert not session.exec(select(ModemRestart)).all()


def test_no_modem_no_restart(demo_services: Services) -> None:
    call = _soporte(demo_services, "decoder_alarm")
    before = _events(demo_services, call.record.id)
    with pytest.raises(DomainError, match="no tiene cablemódem"):
        call.desk.diagnostics.restart_modem()
    assert _events(demo_services, call.record.id) == before
