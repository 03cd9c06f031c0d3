"""Whole soporte calls for a mass failure (MAS010) through the desk,
without the UI: the aviso told, the call tied to it, a repeat caller marked, the
typification proposing the right code — checking every row written."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import SUPPORT_ROUTE_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import AccessLog, CallEvent, Incident, IncidentLink, Typification
from tests.desk_calls import DeskCall

MASS = "2"  # soporte Gestión 2: falla masiva


def _mass_call(services: Services, key: str) -> DeskCall:
    call = DeskCall.answered(services, SHOWCASE[key])
    call.through_interpretation("soporte", "Sin internet ni TV desde anoche", subflow=MASS)
    assert call.desk.call.step_panel() == "MAS010"
    call.desk.diagnostics.read(call.cuenta)  # the Diagnosticador, asked of every soporte request
    return call


def _links(services: Services, cuenta: int) -> list[IncidentLink]:
    with read_session(services.engine) as session:
        return list(
            session.exec(
                select(IncidentLink)
                .where(IncidentLink.cuenta == cuenta)
                .order_by(col(IncidentLink.id))
            )
        )


def _close(call: DeskCall) -> Typification:
    call.desk.call.advance()
    assert call.record.state.step == 7
    call.typify()
    ended = call.close()
    return call.typification_of(ended)


def test_a_repeat_caller_is_marked_and_typified_as_such(demo_services: Services) -> None:
    call = _mass_call(demo_services, "aviso_repeat")
    desk = call.desk
    view = desk.mass.node_avisos()
    assert view.aviso is not None and view.aviso.mass and view.aviso.priority == 1
    assert view.previous_calls == 1 and view.tied is None  # the earlier IVR report
    with pytest.raises(DomainError, match="Informe primero el aviso"):
        desk.mass.associate()
    desk.call.record_check("masiva_informada", "informado")
    desk.mass.associate()
    state = call.record.state
    assert state.request_field(SUPPORT_ROUTE_FIELD) == "sector"
    assert desk.call.suggested_code() == "SOP-MAS-002" and desk.call.request_escalated()
    assert desk.mass.node_avisos().tied is not None
    [earlier, this] = _links(demo_services, call.cuenta)
    assert (earlier.call_id, earlier.repeat_call) == (None, False)
    assert (this.call_id, this.repeat_call, this.agent) == (call.record.id, True, "ASESOR01")
    typification = _close(call)
    assert (typification.code, typification.first_contact) == ("SOP-MAS-002", False)
    with read_session(demo_services.engine) as session:
        events = [
            (e.check, e.result)
            for e in session.exec(select(CallEvent).where(CallEvent.call_id == this.call_id))
        ]
        aviso = session.get(Incident, this.incident_id)
        logged = session.exec(select(AccessLog.action).where(AccessLog.cuenta == call.cuenta)).all()
    assert aviso is not None
    assert ("masiva_informada", "informado") in events
    associated = load_actions().escalation(f"aviso {aviso.number} (rellamada)")
    assert ("masiva_asociada", associated) in events
    assert ("route_1", "sector") in events and ("ucc_1", "SOP-MAS-002") in events
    assert "FALLA_MASIVA" in logged
    # The call log (F22+F13) of the next call shows this one as a repeat call.
    log = desk.accounts.call_log(call.cuenta)
    tied = [line for line in log if line.call_id == this.call_id]
    assert tied and tied[0].aviso == aviso.number and tied[0].repeat
    assert any(line.status == "reporte" and line.aviso == aviso.number for line in log)


def test_a_first_call_for_the_aviso_is_not_a_repeat(demo_services: Services) -> None:
    call = _mass_call(demo_services, "aviso")
    desk = call.desk
    assert desk.mass.node_avisos().previous_calls == 0
    desk.call.record_check("masiva_informada", "informado")
    desk.mass.associate()
    assert desk.call.suggested_code() == "SOP-MAS-001"
    [link] = _links(demo_services, call.cuenta)
    assert not link.repeat_call
    with pytest.raises(DomainError, match="INC999999999 no existe"):
        desk.mass.associate("INC999999999")  # refused: unknown aviso
    assert len(_links(demo_services, call.cuenta)) == 1
    assert _close(call).code == "SOP-MAS-001"


def test_no_aviso_on_the_node_is_no_mass_failure(demo_services: Services) -> None:
    call = _mass_call(demo_services, "activa")
    desk = call.desk
    view = desk.mass.node_avisos()
    assert view.avisos == () and view.aviso is None
    with pytest.raises(DomainError, match="no tiene avisos abiertos"):
        desk.mass.associate()
    assert _links(demo_services, call.cuenta) == []
    desk.call.record_check("masiva_informada", "sin aviso en el nodo")
    assert _close(call).code == "SOP-MAS-001"
