"""Whole soporte calls walking a T&D tree (TD010) through the desk,
without the UI — to a first-contact leaf and to an escalation — checking the rows."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.definition import load_routes
from swat_tui.domain.procedure.state import SUPPORT_ROUTE_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import CallEvent
from tests.desk_calls import DeskCall

TREE = "internet_no_navega"


def _events(services: Services, call_id: int) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        return [(row.check, row.result) for row in rows]


def _walking(services: Services) -> DeskCall:
    """A soporte call of the activa account on TD010 with the internet tree chosen."""
    call = DeskCall.answered(services, SHOWCASE["activa"])
    call.through_interpretation("soporte", "No le navega el internet", subflow="1")
    desk = call.desk
    assert desk.call.step_panel() == "TD010"
    trees = desk.td.trees()
    kinds = {line.kind for line in desk.accounts.equipment(call.cuenta).services}
    assert {t.id.split("_")[0] for t in trees} == kinds  # only the account's services
    number = next(t.number for t in trees if t.id == TREE)
    desk.diagnostics.read(call.cuenta)  # the Diagnosticador read (F8): step 4 asks for it
    desk.td.choose(str(number))
    return call


def test_a_first_contact_leaf_is_typified_with_its_code(demo_services: Services) -> None:
    call = _walking(demo_services)
    desk = call.desk
    for answer in ("no", "1", "si"):  # no aviso, the light is on, a restart solves it
        desk.td.reply(answer)
    view = desk.td.walk()
    assert view.recorded and view.walk is not None and view.walk.leaf is not None
    assert view.walk.leaf.codigo == "SOP-INT-002" and view.walk.route_label is None
    with pytest.raises(DomainError, match="no se puede volver"):
        desk.td.back()
    desk.call.record_check("td_informado", "informado")
    desk.call.advance()
    assert desk.call.suggested_code() == "SOP-INT-002" and not desk.call.request_escalated()
    call.typify()
    ended = call.close()
    typification = call.typification_of(ended)
    assert (typification.code, typification.first_contact) == ("SOP-INT-002", True)
    events = _events(demo_services, ended.id)
    walk = events[events.index(("td_tree_1", TREE)) :]
    assert walk[:8] == [
        ("td_tree_1", TREE),
        ("td_path_1", ""),
        ("td_path_1", "no"),
        ("td_path_1", "no si"),
        ("td_path_1", "no si si"),
        ("td_recorrido", "primer contacto SOP-INT-002"),
        ("ucc_1", "SOP-INT-002"),
        ("td_informado", "informado"),
    ]
    assert ("tipificada", "SOP-INT-002") in events


def test_an_escalation_leaf_refuses_first_contact(demo_services: Services) -> None:
    call = _walking(demo_services)
    desk = call.desk
    for answer in ("no", "si", "no", "no"):
        desk.td.reply(answer)
    [(_check, result)] = [
        e for e in _events(demo_services, call.record.id) if e[0] == "td_recorrido"
    ]
    assert result == load_actions().escalation("Diagnosticador: caso de falla puntual SOP-PUN-001")
    desk.call.record_check("td_informado", "informado")
    desk.call.advance()
    assert desk.call.request_escalated() and desk.call.suggested_code() == "SOP-PUN-001"


def test_a_wrong_answer_or_tree_changes_nothing(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.through_interpretation("soporte", "No le navega el internet", subflow="1")
    desk = call.desk
    before = len(_events(demo_services, call.record.id))
    with pytest.raises(DomainError, match="Árbol 99 no válido"):
        desk.td.choose("99")
    with pytest.raises(DomainError, match="Elija primero el árbol"):
        desk.td.reply("si")
    assert len(_events(demo_services, call.record.id)) == before
    desk.td.choose(TREE)
    desk.td.reply("no")
    state = call.record.state
    with pytest.raises(DomainError, match=r"Respuesta quizas no válida: use si, no\."):
        desk.td.reply("quizas")
    with pytest.raises(DomainError, match="Respuesta 3 no válida"):
        desk.td.reply("3")
    assert call.record.state == state
    desk.td.back()
    desk.td.back()  # at the first question: the tree is chosen again
    assert desk.td.walk().walk is None
    with pytest.raises(DomainError, match="Paso 4 incompleto"):
        desk.call.advance()


def test_a_physical_failure_goes_on_to_the_technical_visit(demo_services: Services) -> None:
    """The route is recorded on the request and decides the next step: a
    physical failure (route visita) goes to step 5 before the typification."""
    call = _walking(demo_services)
    desk = call.desk
    for answer in ("no", "no", "si", "si"):  # light off, offline, cable fine: visit
        desk.td.reply(answer)
    state = call.record.state
    assert state.request_field(SUPPORT_ROUTE_FIELD) == "visita"
    assert state.request_branches == {"soporte", "visita"}
    desk.call.record_check("td_informado", "informado")
    desk.call.advance()
    assert call.record.state.step == 5
    assert desk.call.step_panel() == load_routes().entry("visita").panel


def test_other_routes_end_in_the_typification(demo_services: Services) -> None:
    call = _walking(demo_services)
    desk = call.desk
    for answer in ("no", "si", "no", "no"):  # a platform point failure
        desk.td.reply(answer)
    assert call.record.state.request_field(SUPPORT_ROUTE_FIELD) == "punto"
    assert call.record.state.request_branches == {"soporte"}
    desk.call.record_check("td_informado", "informado")
    desk.call.advance()
    assert call.record.state.step == 7
