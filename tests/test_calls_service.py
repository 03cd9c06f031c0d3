"""The call service: every action, its row-24 errors, and what it leaves in the store."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.domain.account.notes import NoteService
from swat_tui.domain.call import CallService
from swat_tui.domain.call.fields import TYPIFICATION_NOTES_FIELD
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.engine import RuleViolation
from swat_tui.domain.procedure.state import CallState
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Call, CallEvent, CallRequest, Pqr, Typification
from tests.call_seed import BLACKLISTED, CUENTA, MovingClock, seed
from tests.conftest import FIXED_NOW

CALLER = {
    "caller_name": "Marta Ruiz",
    "caller_document": "52123456",
    "caller_relation": "titular",
    "callback_number": "3001234567",
}
BAD_DOCUMENT = "Documento inválido: escriba de 5 a 12 dígitos."
BAD_CALLBACK = "Número de contacto inválido: escriba de 7 a 10 dígitos."
CLOSING = ("resolucion_informada", "nada_mas", "guion_cierre")
NOTES_1 = TYPIFICATION_NOTES_FIELD.format(number=1)


@dataclass
class Desk:
    calls: CallService
    clock: MovingClock
    agent_id: int
    engine: Engine

    def ringing(self) -> CallRecord:
        return self.calls.offer(self.agent_id, "3001234567", "HOGAR")

    def answered(self) -> CallRecord:
        record = self.ringing()
        self.clock.advance(4)
        return self.calls.answer(record.id)

    def through_step1(self, cuenta: int = CUENTA, flags: frozenset[str] = frozenset()) -> int:
        call_id = self.answered().id
        self.calls.record_check(call_id, "saludo", "guion leído")
        for name, value in CALLER.items():
            self.calls.set_field(call_id, name, value)
        self.calls.open_account(call_id, cuenta, flags)
        self.calls.advance(call_id)
        return call_id

    def at_typification(self, branch: str = "sac", result: str = "explicado") -> int:
        call_id = self.through_step1()
        self.calls.record_check(call_id, "estado_revisado", "ACTIVA")
        self.calls.start_request(call_id, branch, "Factura más alta que el mes pasado")
        self.calls.advance(call_id)
        check = {"sac": "sac_atendida", "soporte": "soporte_atendido"}[branch]
        self.calls.record_check(call_id, check, result)
        return self.calls.advance(call_id).id

    def closed_protocol(self) -> int:
        call_id = self.at_typification()
        self.calls.typify(call_id, code="SAC-FAC-001", first_contact=True, notes="Explicada")
        self.calls.advance(call_id)
        for check in CLOSING:
            self.calls.record_check(call_id, check, "ok")
        self.calls.record_survey(call_id, "acepta", 5)
        return call_id

    def events(self, call_id: int) -> list[tuple[int, str, str]]:
        with read_session(self.engine) as session:
            rows = session.exec(
                select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
            ).all()
            return [(row.step, row.check, row.result) for row in rows]

    def row(self, call_id: int) -> Call:
        with read_session(self.engine) as session:
            found = session.get(Call, call_id)
            assert found is not None
            return found


@pytest.fixture
def desk(store_engine: Engine) -> Desk:
    clock = MovingClock(FIXED_NOW)
    agent_id = seed(store_engine, FIXED_NOW)
    return Desk(CallService(store_engine, clock), clock, agent_id, store_engine)


def refused(action: Callable[[], object]) -> str:
    """The row-24 message of a refused action (checked to fit the line)."""
    with pytest.raises(DomainError) as error:
        action()
    assert len(error.value.message) <= MESSAGE_WIDTH, error.value.message
    return error.value.message


# -- the softphone ------------------------------------------------------------------------


def test_offer_writes_a_ringing_call(desk: Desk) -> None:
    record = desk.ringing()
    assert (record.status, record.ani, record.queue) == ("ringing", "3001234567", "HOGAR")
    assert record.started_at == FIXED_NOW and record.answered_at is None
    assert record.state == CallState()
    assert desk.events(record.id) == [(1, "timbrando", "HOGAR")]
    assert desk.calls.get(record.id) == record


def test_offer_refusals(desk: Desk) -> None:
    assert refused(lambda: desk.calls.offer(999, "300", "HOGAR")) == "El asesor 999 no existe."
    assert "cola" in refused(lambda: desk.calls.offer(desk.agent_id, "300", "  "))
    assert "máximo 15" in refused(lambda: desk.calls.offer(desk.agent_id, "1" * 16, "HOGAR"))
    desk.ringing()
    assert "llamada abierta" in refused(desk.ringing)


def test_answer_records_contestada(desk: Desk) -> None:
    record = desk.answered()
    assert record.status == "in_progress"
    assert record.answered_at == FIXED_NOW + timedelta(seconds=4)
    assert record.state.mark_for("contestada", 0) is not None
    assert desk.row(record.id).status == "in_progress"


def test_answering_without_a_ringing_call_is_refused(desk: Desk) -> None:
    record = desk.answered()
    assert refused(lambda: desk.calls.answer(record.id)) == "No hay ninguna llamada timbrando."
    assert refused(lambda: desk.calls.answer(4242)) == "La llamada 4242 no existe."


def test_hold_time_accumulates_over_holds(desk: Desk) -> None:
    call_id = desk.answered().id
    on_hold = desk.calls.hold(call_id)
    assert on_hold.on_hold and on_hold.hold_started_at == desk.clock.now
    assert refused(lambda: desk.calls.hold(call_id)) == "La llamada ya está en espera."
    desk.clock.advance(30)
    assert desk.calls.resume(call_id).hold_seconds == 30
    assert refused(lambda: desk.calls.resume(call_id)) == "La llamada no está en espera."
    desk.calls.hold(call_id)
    desk.clock.advance(12)
    resumed = desk.calls.resume(call_id)
    assert resumed.hold_seconds == 42 and not resumed.on_hold
    assert [e[1] for e in desk.events(call_id)][-4:] == ["espera", "reanudada"] * 2


def test_hold_needs_a_call_in_progress(desk: Desk) -> None:
    record = desk.ringing()
    assert "en curso" in refused(lambda: desk.calls.hold(record.id))


def test_transfer_ends_the_call_with_the_target_queue(desk: Desk) -> None:
    call_id = desk.answered().id
    desk.calls.hold(call_id)
    desk.clock.advance(10)
    record = desk.calls.transfer(call_id, "SOPORTE INTERNET")
    assert record.status == "transferred" and record.transferred_to == "SOPORTE INTERNET"
    assert record.ended_at == desk.clock.now and record.hold_seconds == 10
    assert record.in_acw and not record.is_open
    assert refused(lambda: desk.calls.transfer(call_id, "X")) == "La llamada ya terminó."


def test_transfer_of_a_ringing_call_is_refused(desk: Desk) -> None:
    record = desk.ringing()
    assert refused(lambda: desk.calls.transfer(record.id, "X")) == "Conteste primero la llamada."


# -- caller data --------------------------------------------------------------------------


def test_caller_fields_go_to_their_columns_and_complete_the_check(desk: Desk) -> None:
    call_id = desk.answered().id
    for name, value in list(CALLER.items())[:3]:
        record = desk.calls.set_field(call_id, name, value)
        assert record.state.mark_for("datos_llamante", 0) is None
    record = desk.calls.set_field(call_id, "callback_number", "300 123-4567")
    assert record.callback_number == "3001234567"
    assert record.state.mark_for("datos_llamante", 0) is not None
    desk.calls.set_field(call_id, "caller_name", "Marta Ruiz de León")
    checks = [check for _, check, _ in desk.events(call_id)]
    assert checks.count("datos_llamante") == 1
    row = desk.row(call_id)
    assert (row.caller_name, row.caller_document, row.caller_relation) == (
        "Marta Ruiz de León",
        "52123456",
        "titular",
    )


def test_names_are_stored_literally(desk: Desk) -> None:
    call_id = desk.answered().id
    name = '[bold]Ana[/] "La Mona", Pérez; <b>'
    assert desk.calls.set_field(call_id, "caller_name", f"  {name} ").caller_name == name
    assert desk.row(call_id).caller_name == name


def test_numbers_lose_separators_and_relations_are_normalised(desk: Desk) -> None:
    call_id = desk.answered().id
    assert desk.calls.set_field(call_id, "caller_document", "1.023.456").caller_document == (
        "1023456"
    )
    assert desk.calls.set_field(call_id, "callback_number", "+57 601 2345678").callback_number == (
        "6012345678"
    )
    for typed, stored in (
        ("Conyuge", "cónyuge"),
        ("AUTORIZADO", "tercero autorizado"),
        ("hija", "hijo(a)"),
        ("arrendatario", "arrendatario"),
    ):
        assert desk.calls.set_field(call_id, "caller_relation", typed).caller_relation == stored
    assert desk.calls.set_field(call_id, "caller_relation", "").caller_relation is None


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("caller_document", "1234", BAD_DOCUMENT),
        ("caller_document", "1234567890123", BAD_DOCUMENT),
        ("caller_document", "CC52123456", BAD_DOCUMENT),
        ("callback_number", "123456", BAD_CALLBACK),
        ("callback_number", "30012345678", BAD_CALLBACK),
        ("callback_number", "300-ABC-4567", BAD_CALLBACK),
        ("caller_relation", "vecino", "Relación no válida"),
        ("caller_name", "x" * 81, "Nombre de 81 caracteres: máximo 80."),
        ("Bad Name", "x", "Campo 'Bad Name' no válido."),
    ],
)
def test_bad_caller_data_is_refused_and_nothing_changes(
    desk: Desk, name: str, value: str, expected: str
) -> None:
    call_id = desk.answered().id
    before = desk.events(call_id)
    assert refused(lambda: desk.calls.set_field(call_id, name, value)).startswith(expected)
    assert desk.events(call_id) == before


def test_other_fields_go_to_the_state(desk: Desk) -> None:
    call_id = desk.answered().id
    record = desk.calls.set_field(call_id, NOTES_1, "Cliente pide, [b]factura[/b]")
    assert record.state.fields == {NOTES_1: "Cliente pide, [b]factura[/b]"}
    stored = CallState.from_json(desk.row(call_id).state_json)
    assert stored.fields == record.state.fields


@pytest.mark.parametrize(
    ("name", "expected", "rule"),
    [
        ("request_notes", "Campo 'request_notes' no declarado", "call.field_undeclared"),
        ("ucc_1", "El campo 'ucc_1' lo escribe su acción", "call.field_not_settable"),
        ("cun_1", "El campo 'cun_1' lo escribe su acción", "call.field_not_settable"),
        (
            "caller_says",
            "El campo 'caller_says' lo escribe el procedimiento",
            "call.field_not_settable",
        ),
        (
            "typification_notes_01",
            "Campo 'typification_notes_01' no declarado",
            "call.field_undeclared",
        ),
    ],
)
def test_set_field_refuses_undeclared_and_owned_fields(
    desk: Desk, name: str, expected: str, rule: str
) -> None:
    """The agent types only fields declared agent-settable: a code an action suggested,
    a CUN a filing gave or what the engine keeps cannot be overwritten by hand."""
    call_id = desk.answered().id
    before = desk.events(call_id)
    with pytest.raises(DomainError) as refusal:
        desk.calls.set_field(call_id, name, "x")
    assert refusal.value.message.startswith(expected) and refusal.value.rule == rule
    assert len(refusal.value.message) <= MESSAGE_WIDTH
    assert desk.events(call_id) == before


def test_fields_need_an_answered_call(desk: Desk) -> None:
    record = desk.ringing()
    message = refused(lambda: desk.calls.set_field(record.id, "caller_name", "Ana"))
    assert message == "Conteste primero la llamada."


# -- checks, account, requests, steps -----------------------------------------------------


def test_record_check_uses_the_engine(desk: Desk) -> None:
    call_id = desk.answered().id
    record = desk.calls.record_check(call_id, "saludo", "guion leído")
    assert record.state.mark_for("saludo", 0) is not None
    assert desk.events(call_id)[-1] == (1, "saludo", "guion leído")
    with pytest.raises(RuleViolation) as error:
        desk.calls.record_check(call_id, "no_existe", "x")
    assert error.value.rule == "unknown_check"
    assert "propia acción" in refused(lambda: desk.calls.record_check(call_id, "tipificada", "X"))


def test_open_account_sets_cuenta_and_flags(desk: Desk) -> None:
    call_id = desk.answered().id
    record = desk.calls.open_account(call_id, CUENTA, frozenset({"pqr_pendiente"}))
    assert record.cuenta == CUENTA and record.state.flags == {"pqr_pendiente"}
    assert record.state.mark_for("cuenta_abierta", 0) is not None
    assert desk.row(call_id).current_step == 1


def test_open_account_adds_blacklist_when_the_account_has_it(desk: Desk) -> None:
    call_id = desk.answered().id
    record = desk.calls.open_account(call_id, BLACKLISTED, frozenset())
    assert "blacklist" in record.state.flags


def test_open_unknown_account_is_refused(desk: Desk) -> None:
    call_id = desk.answered().id
    assert refused(lambda: desk.calls.open_account(call_id, 99, frozenset())) == (
        "La cuenta 00000099 no existe."
    )
    assert desk.row(call_id).cuenta is None


def test_advance_writes_the_step_and_respects_the_rules(desk: Desk) -> None:
    call_id = desk.answered().id
    with pytest.raises(RuleViolation) as error:
        desk.calls.advance(call_id)
    assert error.value.rule == "step_pending"
    desk.calls.hang_up(call_id)
    call_id = desk.through_step1()
    assert desk.row(call_id).current_step == 2
    assert desk.events(call_id)[-1] == (2, "paso", "2")


def test_step_two_flags_must_be_acknowledged(desk: Desk) -> None:
    call_id = desk.through_step1(flags=frozenset({"pqr_pendiente"}))
    desk.calls.record_check(call_id, "estado_revisado", "ACTIVA")
    desk.calls.start_request(call_id, "sac", "Factura")
    assert refused(lambda: desk.calls.advance(call_id)).startswith("Paso 2 incompleto")
    desk.calls.record_check(call_id, "pqr_revisada", "otra solicitud")
    assert desk.calls.advance(call_id).state.step == 3


def test_start_request_writes_a_request_row_and_corrections_update_it(desk: Desk) -> None:
    call_id = desk.through_step1()
    desk.calls.start_request(call_id, "SAC", "Factura   alta")
    record = desk.calls.start_request(call_id, "soporte", "Sin internet")
    assert [(r.number, r.branch) for r in record.state.requests] == [(1, "soporte")]
    with read_session(desk.engine) as session:
        rows = session.exec(select(CallRequest).where(CallRequest.call_id == call_id)).all()
    assert [(r.branch, r.description) for r in rows] == [("soporte", "Sin internet")]


def test_bad_requests_are_refused(desk: Desk) -> None:
    call_id = desk.through_step1()
    assert "Rama" in refused(lambda: desk.calls.start_request(call_id, "ventas", "x"))
    assert "Describa" in refused(lambda: desk.calls.start_request(call_id, "sac", "  "))
    assert "máximo 200" in refused(lambda: desk.calls.start_request(call_id, "sac", "x" * 201))


def test_after_another_request_the_typified_one_is_not_current(desk: Desk) -> None:
    """Nothing of the typified request counts for the next: not its request check, and
    F22 cannot typify it twice."""
    call_id = desk.at_typification()
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    state = desk.calls.another_request(call_id).state
    assert state.awaiting_request
    assert refused(lambda: desk.calls.advance(call_id)).startswith("Paso 2 incompleto")
    assert refused(
        lambda: desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    ).startswith("No puede tipificar")
    assert len(_typifications(desk.engine)) == 1


def test_another_request_goes_back_to_step_two_and_adds_a_row(desk: Desk) -> None:
    call_id = desk.at_typification()
    assert refused(lambda: desk.calls.another_request(call_id)).startswith("No puede cerrar")
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    assert desk.calls.another_request(call_id).state.step == 2
    record = desk.calls.start_request(call_id, "soporte", "Sin señal de TV")
    assert [r.number for r in record.state.requests] == [1, 2]
    with read_session(desk.engine) as session:
        rows = session.exec(select(CallRequest).where(CallRequest.call_id == call_id)).all()
    assert [r.branch for r in rows] == ["sac", "soporte"]


# -- typification -------------------------------------------------------------------------


def _typifications(engine: Engine) -> list[Typification]:
    with read_session(engine) as session:
        return list(session.exec(select(Typification).order_by(col(Typification.id))).all())


def test_typify_writes_the_row_and_the_check(desk: Desk) -> None:
    call_id = desk.at_typification()
    record = desk.calls.typify(
        call_id,
        code=" sac-fac-001 ",
        first_contact=True,
        incident_number="inc000123456",
        notes="Se explicó la factura",
    )
    assert record.state.mark_for("tipificada", 1) is not None
    assert desk.events(call_id)[-1] == (7, "tipificada", "SAC-FAC-001")
    (row,) = _typifications(desk.engine)
    with read_session(desk.engine) as session:
        request = session.exec(select(CallRequest)).one()
    assert (row.call_id, row.request_id, row.cuenta, row.code) == (
        call_id,
        request.id,
        CUENTA,
        "SAC-FAC-001",
    )
    assert (row.first_contact, row.cun, row.incident_number) == (True, None, "INC000123456")
    assert (row.notes, row.agent) == ("Se explicó la factura", "ASESOR01")
    (line,) = desk.calls.typifications(call_id)
    assert line.resolution == "PRIMER CONTACTO"
    assert line.description == "Facturación: explica la factura"


def test_a_request_not_solved_on_the_line_is_not_typified_as_first_contact(
    desk: Desk,
) -> None:
    """Atendida = N: a first-contact typification would corrupt the client's FCR figure."""
    call_id = desk.at_typification(result=load_actions().escalation("no puede pagar hoy"))
    message = refused(lambda: desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True))
    assert message.startswith("No resuelta en línea: escale")
    assert _typifications(desk.engine) == []
    record = desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False)
    assert record.state.mark_for("tipificada", 1) is not None


def test_unknown_code_is_refused(desk: Desk) -> None:
    call_id = desk.at_typification()
    message = refused(lambda: desk.calls.typify(call_id, code="XYZ-999", first_contact=True))
    assert message == "El código XYZ-999 no existe en el catálogo UCC."
    assert _typifications(desk.engine) == []


def test_typify_needs_a_request(desk: Desk) -> None:
    call_id = desk.through_step1()
    with pytest.raises(RuleViolation) as error:
        desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    assert error.value.rule == "typify_needs_request"


def test_typify_needs_the_account(desk: Desk) -> None:
    call_id = desk.answered().id
    desk.calls.start_request(call_id, "sac", "Factura")
    message = refused(lambda: desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True))
    assert "Abra primero la cuenta" in message


def test_escalation_generates_a_unique_cun(desk: Desk) -> None:
    with write_session(desk.engine) as session:
        session.add(
            Pqr(
                cuenta=CUENTA,
                radicado="RAD1",
                cun="4410-26-0000500000",
                kind="queja",
                subject="x",
                status="ABIERTA",
                filed_at=FIXED_NOW,
                due_on=FIXED_NOW.date(),
                filed_by="ASESOR01",
            )
        )
    first = desk.at_typification()
    desk.calls.typify(first, code="SAC-FAC-009", first_contact=False)
    desk.calls.hang_up(first)
    desk.calls.finish_acw(first)
    call_id = desk.at_typification()
    desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False)
    cuns = [row.cun for row in _typifications(desk.engine)]
    assert cuns == ["4410-26-0000500001", "4410-26-0000500002"]
    assert all(cun and re.fullmatch(r"\d{4}-\d{2}-\d{10}", cun) for cun in cuns)
    assert desk.calls.typifications(call_id)[-1].resolution == "CUN 4410-26-0000500002"


def test_a_request_is_typified_once(desk: Desk) -> None:
    """One request, one typification (F22 twice wrote two)."""
    call_id = desk.at_typification()
    desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False)
    message = refused(
        lambda: desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True, notes="x")
    )
    assert message == "La solicitud 1 ya está tipificada: una tipificación por solicitud."
    assert len(_typifications(desk.engine)) == 1


def test_typifying_needs_step_2_complete(desk: Desk) -> None:
    """F22 at step 2 with a check pending (the account's status unreviewed)
    typified before the step's checks; now it is refused, naming what is pending."""
    call_id = desk.through_step1()
    desk.calls.start_request(call_id, "pqr", "Consulta su reclamo")
    message = refused(lambda: desk.calls.typify(call_id, code="PQR-CON-001", first_contact=True))
    assert message.startswith("Antes de tipificar: Revise el estado de la cuenta")
    assert _typifications(desk.engine) == []


def test_a_given_cun_is_kept_and_checked(desk: Desk) -> None:
    call_id = desk.at_typification()
    desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False, cun="4410-25-0000000007")
    assert _typifications(desk.engine)[0].cun == "4410-25-0000000007"
    assert "CUN inválido" in refused(
        lambda: desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False, cun="123")
    )
    assert "primer contacto" in refused(
        lambda: desk.calls.typify(
            call_id, code="SAC-FAC-001", first_contact=True, cun="4410-25-0000000007"
        )
    )


def test_a_given_cun_is_typified_once_and_a_generated_one_follows_it(desk: Desk) -> None:
    """A CUN is unique among typifications: one typed twice is refused (not a store
    error), and the CUN generated next follows the typed one (the year's counter)."""
    first = desk.at_typification()
    desk.calls.typify(first, code="SAC-FAC-009", first_contact=False, cun="4410-26-0000000040")
    desk.calls.hang_up(first)
    desk.calls.finish_acw(first)
    call_id = desk.at_typification()
    message = refused(
        lambda: desk.calls.typify(
            call_id, code="SAC-FAC-009", first_contact=False, cun="4410-26-0000000040"
        )
    )
    assert message == "El CUN 4410-26-0000000040 ya está en otra tipificación."
    desk.calls.typify(call_id, code="SAC-FAC-009", first_contact=False)
    cuns = [row.cun for row in _typifications(desk.engine)]
    assert cuns == ["4410-26-0000000040", "4410-26-0000000041"]


def test_escalation_without_cun_requirement_has_no_cun(desk: Desk) -> None:
    call_id = desk.at_typification()
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=False)
    assert _typifications(desk.engine)[0].cun is None
    assert desk.calls.typifications(call_id)[0].resolution == "SEGUIMIENTO"


def test_an_escalation_to_an_aviso_tells_its_inc(desk: Desk) -> None:
    """A mass failure's code needs no CUN: the customer is told the aviso's INC."""
    call_id = desk.at_typification()
    desk.calls.typify(
        call_id, code="SAC-FAC-001", first_contact=False, incident_number="INC000462113"
    )
    assert desk.calls.typifications(call_id)[0].resolution == "AVISO INC000462113"


def test_long_notes_go_to_the_swat_folder(desk: Desk) -> None:
    call_id = desk.at_typification()
    long_note = "Cliente explica, [b]con detalle[/b], " + "x" * 260
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True, notes=long_note)
    desk.calls.add_swat_note(call_id, "Segunda nota")
    notes = NoteService(desk.engine, desk.clock)
    view = notes.folder_notes(CUENTA, "SWAT")
    assert [line.text for line in view.notes] == [long_note, "Segunda nota"]
    assert view.folders == ("SWAT",)
    assert [line.author for line in view.notes] == ["ASESOR01", "ASESOR01"]
    assert _typifications(desk.engine)[0].notes == "Nota extensa en la carpeta SWAT (F7+F6)."
    assert desk.events(call_id)[-1][1] == "nota_swat"
    assert "vacía" in refused(lambda: desk.calls.add_swat_note(call_id, "   "))


def test_refused_typifications_leave_no_long_note_behind(desk: Desk) -> None:
    """Two refused typifications in a row used to leave two copies of the note."""
    call_id = desk.at_typification()
    long_note = "Detalle de la falla " + "y" * 300
    for _ in range(2):
        assert "no existe" in refused(
            lambda: desk.calls.typify(call_id, code="XXX-999", first_contact=True, notes=long_note)
        )
    with pytest.raises(DomainError):
        NoteService(desk.engine, desk.clock).folder_notes(CUENTA, "SWAT")
    assert _typifications(desk.engine) == []
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True, notes=long_note)
    view = NoteService(desk.engine, desk.clock).folder_notes(CUENTA, "SWAT")
    assert [line.text for line in view.notes] == [long_note]


def test_bad_incident_number_is_refused(desk: Desk) -> None:
    call_id = desk.at_typification()
    message = refused(
        lambda: desk.calls.typify(
            call_id, code="SOP-INT-004", first_contact=True, incident_number="AV-12"
        )
    )
    assert message.startswith("Aviso inválido")


# -- survey, end, hang up, ACW ------------------------------------------------------------


def test_survey_answers(desk: Desk) -> None:
    call_id = desk.answered().id
    record = desk.calls.record_survey(call_id, "Acepta", 4)
    assert (record.survey_answer, record.survey_score) == ("acepta", 4)
    assert desk.events(call_id)[-1] == (1, "encuesta", "acepta 4")
    record = desk.calls.record_survey(call_id, "acepta 3")
    assert record.survey_score == 3
    record = desk.calls.record_survey(call_id, "no acepta")
    assert (record.survey_answer, record.survey_score) == ("no acepta", None)
    assert "acepta" in refused(lambda: desk.calls.record_survey(call_id, "tal vez"))
    assert "1 a 5" in refused(lambda: desk.calls.record_survey(call_id, "acepta", 6))
    assert "1 a 5" in refused(lambda: desk.calls.record_survey(call_id, "no acepta", 3))


def test_end_needs_typification_and_the_closing_protocol(desk: Desk) -> None:
    call_id = desk.at_typification()
    assert refused(lambda: desk.calls.end(call_id)).startswith("No puede cerrar")
    desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    assert refused(lambda: desk.calls.end(call_id)).startswith("Complete el protocolo")
    assert desk.row(call_id).status == "in_progress"


def test_end_then_acw(desk: Desk) -> None:
    call_id = desk.closed_protocol()
    desk.clock.advance(90)
    record = desk.calls.end(call_id)
    assert record.status == "ended" and record.state.ended
    assert record.ended_at == desk.clock.now and record.acw_started_at == desk.clock.now
    desk.clock.advance(25)
    record = desk.calls.finish_acw(call_id)
    assert record.acw_seconds == 25 and not record.in_acw
    assert "ACW" in refused(lambda: desk.calls.finish_acw(call_id))
    assert refused(lambda: desk.calls.end(call_id)) == "La llamada ya terminó."


def test_hang_up_in_step_one_keeps_what_was_captured(desk: Desk) -> None:
    call_id = desk.answered().id
    desk.calls.set_field(call_id, "caller_name", "Ana Pérez")
    desk.calls.set_field(call_id, NOTES_1, "Llama por la factura")
    desk.clock.advance(20)
    record = desk.calls.hang_up(call_id)
    assert record.status == "hung_up" and record.ended_at == desk.clock.now
    assert record.ended_by == "agent"
    assert record.caller_name == "Ana Pérez"
    assert record.state.fields == {NOTES_1: "Llama por la factura"}
    assert record.in_acw
    assert refused(lambda: desk.calls.hang_up(call_id)) == "No hay ninguna llamada en curso."
    assert desk.calls.get(call_id) == record


def test_after_work_of_a_dropped_call_may_complete_the_typification(desk: Desk) -> None:
    call_id = desk.at_typification()
    desk.calls.hang_up(call_id)
    record = desk.calls.typify(call_id, code="SAC-FAC-001", first_contact=True)
    assert record.state.mark_for("tipificada", 1) is not None
    desk.calls.finish_acw(call_id)
    assert refused(lambda: desk.calls.set_field(call_id, "x", "y")) == "La llamada ya terminó."


def test_hang_up_of_a_ringing_call_has_no_acw(desk: Desk) -> None:
    record = desk.calls.hang_up(desk.ringing().id, by="customer")
    assert record.status == "abandoned" and not record.in_acw


def test_hang_up_after_the_protocol_ends_the_call(desk: Desk) -> None:
    record = desk.calls.hang_up(desk.closed_protocol())
    assert record.status == "ended" and record.state.ended


def test_hang_up_while_on_hold_counts_the_hold(desk: Desk) -> None:
    call_id = desk.answered().id
    desk.calls.hold(call_id)
    desk.clock.advance(15)
    assert desk.calls.hang_up(call_id).hold_seconds == 15


# -- reading ------------------------------------------------------------------------------


def test_interrupted_lists_open_calls_newest_first(desk: Desk) -> None:
    first = desk.answered()
    with write_session(desk.engine) as session:  # a second open call, as a crash may leave
        row = session.get(Call, first.id)
        assert row is not None
        session.add(
            Call(
                agent_id=desk.agent_id,
                ani="6012345678",
                queue="HOGAR",
                status="ringing",
                started_at=FIXED_NOW + timedelta(minutes=5),
            )
        )
    found = desk.calls.interrupted(desk.agent_id)
    assert [record.status for record in found] == ["ringing", "in_progress"]
    assert found[1] == desk.calls.get(first.id)
    assert desk.calls.interrupted(desk.agent_id + 1) == []


def test_get_unknown_call(desk: Desk) -> None:
    assert refused(lambda: desk.calls.get(77)) == "La llamada 77 no existe."


def test_call_log_lists_earlier_calls_newest_first(desk: Desk) -> None:
    first = desk.at_typification()
    desk.calls.typify(
        first, code="SAC-FAC-009", first_contact=False, incident_number="INC000000042"
    )
    desk.calls.hang_up(first)
    desk.calls.finish_acw(first)
    desk.clock.advance(3600)
    second = desk.through_step1()
    with write_session(desk.engine) as session:
        session.add(
            Typification(
                cuenta=CUENTA,
                code="SOP-INT-004",
                first_contact=True,
                agent="HISTORIA",
                created_at=FIXED_NOW - timedelta(days=3),
            )
        )
    log = desk.calls.call_log(CUENTA)
    assert [line.call_id for line in log] == [second, first, None]
    assert log[1].agent == "ASESOR01" and log[1].status == "hung_up"
    (mark,) = log[1].typifications
    assert (mark.code, mark.description) == ("SAC-FAC-009", "Facturación: reclamo por cobro")
    assert mark.resolution.startswith("CUN 4410-26-") and log[1].incident_numbers == (
        "INC000000042",
    )
    assert log[2].agent == "HISTORIA" and log[2].typifications[0].first_contact
    assert [line.call_id for line in desk.calls.call_log(CUENTA, exclude_call_id=second)] == [
        first,
        None,
    ]
    assert len(desk.calls.call_log(CUENTA, limit=1)) == 1
    assert desk.calls.call_log(BLACKLISTED) == ()


def test_services_bundle_has_the_call_service(store_engine: Engine) -> None:
    services = Services.create(store_engine, lambda: FIXED_NOW)
    assert isinstance(services.calls, CallService)
