"""DIME escalation — the areas file, the SLA, the numbering, the
refusals that change nothing, and whole calls escalated through the desk."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import col, func, select

from swat_tui.domain.dime.areas import load_areas, parse_areas, read_areas
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.messages import catalogue
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import DIME_FIELD, SUGGESTED_CODE_FIELD
from swat_tui.domain.services import Services
from swat_tui.paths import data_dir
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import AccessLog, CallEvent, DimeCase, DimeNote, Typification
from swat_tui.store.queries import dime as dime_queries
from tests.desk_calls import DeskCall, demo_services, demo_template

__all__ = ["demo_services", "demo_template"]  # the fixtures, imported for pytest

REASON = "Cobro doble del periodo de octubre"
DATA = "Factura de octubre: cargo de $ 45.900 repetido; reconoce un solo cargo."
TODAY = date(2026, 11, 28)  # tests/ui/conftest.FIXED_NOW, a Saturday


def _area(**changes: object) -> dict[str, object]:
    area: dict[str, object] = {
        "id": "cartera",
        "name": "Cartera",
        "sla_days": 3,
        "data_hint": "Deuda por edades.",
        "data_min": 20,
        "ucc_code": "SAC-DIM-002",
    }
    area.update(changes)
    return {key: value for key, value in area.items() if value is not None}


# -- the areas file -----------------------------------------------------------------------


def test_the_shipped_areas_agree_with_the_ucc_catalogue() -> None:
    with (data_dir() / "ucc.csv").open(encoding="utf-8", newline="") as handle:
        ucc = {row["code"] for row in csv.DictReader(handle)}
    areas = load_areas()
    ids = [area.id for area in areas.areas]
    assert ids[:3] == ["facturacion", "cartera", "recaudo"]
    assert {"ajustes", "inventario"} <= set(ids)
    codes = {area.id: area.ucc_code for area in areas.areas}
    assert (codes["facturacion"], codes["cartera"], codes["recaudo"]) == (
        "SAC-DIM-001",
        "SAC-DIM-002",
        "SAC-DIM-003",
    )
    assert set(codes.values()) <= ucc
    assert [area.option for area in areas.areas] == [str(n) for n in range(1, len(ids) + 1)]
    assert areas.choice("2") is areas.by_id("cartera") is areas.choice(" CARTERA ")
    assert areas.by_name("facturación") is areas.by_id("facturacion")  # the demo's spelling
    assert areas.choice("9") is None


@pytest.mark.parametrize(
    ("entry", "field", "why"),
    [
        (_area(name=None), "name", "falta o está vacío"),
        (_area(name="  "), "name", "falta o está vacío"),
        (_area(sla_days="3"), "sla_days", "número entero"),
        (_area(sla_days=0), "sla_days", "entre 1 y"),
        (_area(data_min=True), "data_min", "número entero"),
        (_area(data_hint="x" * 59), "data_hint", "hasta 58"),
        (_area(id="Cartera"), "id", "minúsculas"),
        (_area(colour="red"), "colour", "no es un campo"),
    ],
)
def test_a_wrong_area_is_refused_with_its_file_area_and_field(
    entry: dict[str, object], field: str, why: str
) -> None:
    raw = {"area": [_area(id="facturacion", name="Facturación"), entry]}
    with pytest.raises(DomainError) as caught:
        parse_areas(raw, "dime_areas.toml")
    assert caught.value.message.startswith(f"dime_areas.toml, área 2, campo {field}: ")
    assert why in caught.value.message


def test_a_repeated_area_an_empty_file_and_bad_toml_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="área 2, campo id: el área cartera está repetida"):
        parse_areas({"area": [_area(), _area()]})
    path = tmp_path / "dime_areas.toml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(DomainError, match=r"dime_areas.toml: no tiene áreas"):
        read_areas(path)
    path.write_text("[[area]\nid = 1\n", encoding="utf-8")
    with pytest.raises(DomainError, match="no es TOML válido"):
        read_areas(path)


def test_the_sla_skips_weekends_and_colombian_holidays() -> None:
    areas = load_areas()
    cartera = areas.by_id("cartera")
    facturacion = areas.by_id("facturacion")
    assert cartera is not None and facturacion is not None
    assert (cartera.sla_days, facturacion.sla_days) == (3, 5)
    # Friday 4 December 2026: Monday 7, (Tuesday 8 is the Inmaculada Concepción), 9, 10.
    assert cartera.due_on(date(2026, 12, 4)) == date(2026, 12, 10)
    # Saturday 28 November: Monday 30 to Friday 4 December.
    assert facturacion.due_on(TODAY) == date(2026, 12, 4)


def test_every_dime_message_fits_row_24() -> None:
    """With the shipped areas' real options and names, longer than test_messages' samples."""
    areas = load_areas()
    worst = {
        "options": areas.options,
        "number": "DIME00000001",
        "area": max((a.name for a in areas.areas), key=len),
        "minimum": 200,
        "typed": 199,
        "what": "Los datos",
        "maximum": 500,
        "due": "31/12/26",
        "option": "XXX",
    }
    dime = {rule: template for rule, template in catalogue().items() if rule.startswith("dime.")}
    assert len(dime) >= 10
    for rule, template in dime.items():
        text = template.format(**worst)
        assert len(text) <= MESSAGE_WIDTH, (rule, text)


# -- the numbering ------------------------------------------------------------------------


def test_the_next_number_follows_the_highest_in_the_store(demo_services: Services) -> None:
    with read_session(demo_services.engine) as session:
        highest = session.exec(select(func.max(DimeCase.number))).one()
        number = dime_queries.next_number(session)
    assert highest is not None and highest.startswith("DIME")  # the demo writes some
    assert number == f"DIME{int(highest[4:]) + 1:08d}"
    with write_session(demo_services.engine) as session:
        for note in session.exec(select(DimeNote)).all():
            session.delete(note)
        session.flush()
        for case in session.exec(select(DimeCase)).all():
            session.delete(case)
    with read_session(demo_services.engine) as session:  # a deleted case's number stays given
        assert dime_queries.next_number(session) == number


def test_a_store_without_cases_starts_at_one(store_engine: Engine) -> None:
    with write_session(store_engine) as session:
        assert dime_queries.next_number(session) == "DIME00000001"
        assert dime_queries.next_number(session) == "DIME00000002"


# -- a call escalated to DIME ----------------------------------------------------------------


def _sac_call(services: Services, key: str = "activa") -> DeskCall:
    """A SAC facturación request (Gestión 2), on the panel it is routed to."""
    call = DeskCall.answered(services, SHOWCASE[key])
    call.through_interpretation("sac", "Reclama un cobro doble en la factura", subflow="2")
    return call


def _branch_checks(call: DeskCall) -> list[str]:
    """The branch checks the request's panel still asks (LLM003 today: sac_atendida)."""
    desk = call.desk
    view = desk.call.step_view(desk.call.step_panel())
    return [c.check.id for c in view.checks if c.applies and not c.done]


def _finish(call: DeskCall) -> None:
    """The rest of the call: any other check of the panel, typification, closing."""
    for check in _branch_checks(call):  # a panel with more checks than the escalated one
        call.desk.call.record_check(check, "revisada")
    call.desk.call.advance()
    call.typify()
    call.close()


def _counts(services: Services) -> tuple[int, int, int, int]:
    with read_session(services.engine) as session:
        return (
            session.exec(select(func.count()).select_from(DimeCase)).one(),
            session.exec(select(func.count()).select_from(CallEvent)).one(),
            session.exec(select(func.count()).select_from(DimeNote)).one(),
            session.exec(select(func.count()).select_from(AccessLog)).one(),
        )


def test_a_sac_request_escalated_to_dime_end_to_end(demo_services: Services) -> None:
    call = _sac_call(demo_services)
    desk = call.desk
    pending = _branch_checks(call)
    assert pending, "the request's panel asks for its branch check"
    with read_session(demo_services.engine) as session:
        expected = dime_queries.next_number(session)
    case = desk.dime.escalate(
        area="facturacion", reason=f"  {REASON} ", data=DATA, check_id=pending[0]
    )
    assert (case.number, case.area, case.area_id) == (expected, "Facturación", "facturacion")
    assert (case.reason, case.notes, case.status) == (REASON, DATA, "ABIERTO")
    assert case.due_on == date(2026, 12, 4) and not case.overdue
    assert case.business_days_left == 5
    state = call.record.state  # the desk took the call's change
    assert state.request_field(DIME_FIELD) == case.number
    assert state.request_field(SUGGESTED_CODE_FIELD) == "SAC-DIM-001"
    assert desk.call.suggested_code() == "SAC-DIM-001" and desk.call.request_escalated()
    call_id = call.record.id
    _finish(call)

    with read_session(demo_services.engine) as session:
        row = session.exec(select(DimeCase).where(DimeCase.number == case.number)).one()
        events = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        ).all()
        typification = session.exec(
            select(Typification).where(Typification.call_id == call_id)
        ).one()
    assert (row.cuenta, row.call_id, row.area, row.subject) == (
        SHOWCASE["activa"],
        call_id,
        "Facturación",
        REASON,
    )
    assert (row.status, row.notes, row.due_on, row.created_by) == (
        "ABIERTO",
        DATA,
        date(2026, 12, 4),
        "ASESOR01",
    )
    assert row.created_at == row.updated_at
    by_check = {event.check: event for event in events}
    escalated = by_check[pending[0]]
    assert escalated.result == load_actions().escalation(f"DIME {case.number}")
    assert escalated.step == 3
    assert by_check["dime_1"].result == case.number
    assert by_check["ucc_1"].result == "SAC-DIM-001"
    assert by_check["tipificada"].result == "SAC-DIM-001"
    assert (typification.code, typification.dime_number) == ("SAC-DIM-001", case.number)
    assert typification.first_contact is False  # escalated: never first contact


def test_a_later_call_sees_the_open_case_and_follows_it_up(demo_services: Services) -> None:
    first = _sac_call(demo_services)
    case = first.desk.dime.escalate(
        area="2",
        reason="No reconoce el saldo en mora",
        data="Debe 30 y 60 días; pagó el 15/11.",
        check_id=_branch_checks(first)[0],
    )
    assert case.area == "Cartera" and case.due_on == date(2026, 12, 2)
    assert first.record.state.request_field(SUGGESTED_CODE_FIELD) == "SAC-DIM-002"
    _finish(first)

    later = DeskCall.answered(demo_services, SHOWCASE["activa"])
    later.reception()
    desk = later.desk
    panel = desk.accounts.panel(SHOWCASE["activa"])
    assert case.number in [dime.number for dime in panel.open_dime_cases]
    listed = desk.dime.cases(SHOWCASE["activa"])
    assert listed[0].number == case.number  # newest first
    assert desk.dime.case_notes(case.number) == ()
    note = desk.dime.add_case_note(
        case.number, "  Cliente llama por el estado;  sigue en gestión. "
    )
    assert (note.author, note.text) == (
        "ASESOR01",
        "Cliente llama por el estado; sigue en gestión.",
    )
    assert [n.text for n in desk.dime.case_notes(case.number)] == [note.text]
    with read_session(demo_services.engine) as session:
        logged = session.exec(
            select(AccessLog).where(
                AccessLog.cuenta == SHOWCASE["activa"], AccessLog.action == "DIME"
            )
        ).all()
        row = session.exec(select(DimeCase).where(DimeCase.number == case.number)).one()
    assert len(logged) >= 2  # the list and the notes are account data: logged
    assert row.notes.startswith("Debe 30 y 60")


def test_the_showcase_dime_case_is_listed(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["dime_open"])
    call.reception()
    cases = call.desk.dime.cases(SHOWCASE["dime_open"])
    assert [c.area for c in cases] == ["Facturación"]
    assert cases[0].area_id == "facturacion" and cases[0].status == "ABIERTO"


@pytest.mark.parametrize(
    ("area", "reason", "data", "text"),
    [
        ("", REASON, DATA, "Área: digite 1=Facturación, 2=Cartera"),
        ("tesoreria", REASON, DATA, "Área: digite 1=Facturación"),
        ("7", REASON, DATA, "Área: digite"),
        ("facturacion", "   ", DATA, "Digite el motivo del escalamiento a DIME."),
        ("facturacion", REASON, "Cobro doble", "Facturación necesita al menos 20 caracteres"),
        ("recaudo", REASON, "Pagó el 15/11 por PSE.", "Recaudo necesita al menos 25"),
        ("facturacion", "x" * 121, DATA, "El motivo admite hasta 120 caracteres."),
    ],
)
def test_a_refused_escalation_changes_nothing(
    demo_services: Services, area: str, reason: str, data: str, text: str
) -> None:
    call = _sac_call(demo_services)
    before_state, before = call.record.state, _counts(demo_services)
    with pytest.raises(DomainError) as caught:
        call.desk.dime.escalate(area=area, reason=reason, data=data, check_id="sac_atendida")
    assert caught.value.message.startswith(text), caught.value.message
    assert len(caught.value.message) <= MESSAGE_WIDTH
    assert caught.value.rule.startswith("dime."), caught.value.rule  # the catalogue's id
    assert call.record.state == before_state
    assert _counts(demo_services) == before


def test_escalating_twice_or_outside_a_call_is_refused(demo_services: Services) -> None:
    call = _sac_call(demo_services)
    case = call.desk.dime.escalate(area="1", reason=REASON, data=DATA, check_id=None)
    before_state, before = call.record.state, _counts(demo_services)
    with pytest.raises(DomainError, match=f"ya se escaló a DIME con el caso {case.number}"):
        call.desk.dime.escalate(area="2", reason=REASON, data=DATA, check_id=None)
    assert call.record.state == before_state and _counts(demo_services) == before
    call.desk.active = None  # the same desk with no call on the line
    with pytest.raises(DomainError, match="dentro de una llamada"):
        call.desk.dime.escalate(area="1", reason=REASON, data=DATA, check_id=None)
    assert _counts(demo_services) == before


def test_a_blacklisted_account_is_refused_until_the_rule_allows_it(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["blacklist"])
    call.reception()  # step 2 not done: F7 not read, identity not validated
    desk = call.desk
    before = _counts(demo_services)
    with pytest.raises(DomainError, match="BLACKLIST"):
        desk.dime.cases(SHOWCASE["blacklist"])
    assert _counts(demo_services) == before  # not even the access is logged
    desk.accounts.read_special_notes(SHOWCASE["blacklist"])
    desk.call.record_check(check_ids.IDENTITY, "cédula y dirección verificadas")
    assert isinstance(desk.dime.cases(SHOWCASE["blacklist"]), tuple)


def test_notes_are_refused_when_empty_unknown_or_closed(demo_services: Services) -> None:
    call = _sac_call(demo_services)
    desk = call.desk
    case = desk.dime.escalate(area="recaudo", reason=REASON, data=DATA, check_id=None)
    before = _counts(demo_services)
    with pytest.raises(DomainError, match="Digite el texto de la nota"):
        desk.dime.add_case_note(case.number, "   ")
    with pytest.raises(DomainError, match=r"El caso DIME DIME99999999 no existe\."):
        desk.dime.add_case_note("DIME99999999", "Seguimiento")
    with write_session(demo_services.engine) as session:
        row = session.exec(select(DimeCase).where(DimeCase.number == case.number)).one()
        row.status = "CERRADO"
        session.add(row)
    with pytest.raises(DomainError, match="está cerrado: no admite notas"):
        desk.dime.add_case_note(case.number, "Seguimiento")
    assert _counts(demo_services) == before
    closed = next(c for c in desk.dime.cases(call.cuenta) if c.number == case.number)
    assert not closed.overdue and closed.business_days_left is None
