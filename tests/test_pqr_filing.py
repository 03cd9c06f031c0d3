"""Filing a PQR (step 6, radicar) — the form's rules, and whole calls
through the desk that file one and check every row they wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.pqr import filing
from swat_tui.domain.pqr.filing import NOTES_MIN, FilingForm
from swat_tui.domain.pqr.matrix import COLUMNS, PqrMatrix, load_matrix, read_matrix
from swat_tui.domain.pqr.terms import due_on
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import AccessLog, CallEvent, Note, NoteFolder, Pqr, Typification
from tests.desk_calls import DeskCall

P = load_procedure()
NOTES = "Cobro doble del servicio de internet en la factura de noviembre."
EMAIL = "cliente.prueba@correo.com.co"
FILED_ON = date(2026, 11, 28)  # the UI tests' fixed clock (a Saturday)


def _form(**changes: str) -> FilingForm:
    values = {
        "motive": "2",
        "notes": NOTES,
        "channel": "1",
        "address": EMAIL,
        "confirmed": "s",
        **changes,
    }
    return FilingForm.checked(P, load_matrix(), **values)


# -- the form, before the store is touched ---------------------------------------------


def test_a_motive_is_typed_by_its_number_or_its_code() -> None:
    assert _form(motive="2").motive.motive == "queja_facturacion"
    assert _form(motive=" Queja_Facturacion ").motive.motive == "queja_facturacion"
    last = len(load_matrix().rows)
    assert _form(motive=str(last)).motive == load_matrix().rows[-1]


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"motive": "bailar"}, "pqr_motive_unknown"),
        ({"motive": "99"}, "pqr_motive_unknown"),
        ({"motive": " "}, "pqr_motive_missing"),
        ({"notes": "Queja."}, "pqr_notes_short"),
        ({"notes": "x" * (NOTES_MIN - 1)}, "pqr_notes_short"),
        ({"channel": "5"}, "pqr_channel_choice"),
        ({"channel": ""}, "pqr_channel_choice"),
        ({"address": "cliente@correo"}, "pqr_email_invalid"),
        ({"address": "no es un correo"}, "pqr_email_invalid"),
        ({"address": "a@b@c.com"}, "pqr_email_invalid"),
        ({"channel": "3", "address": "2012345678"}, "pqr_phone_invalid"),
        ({"channel": "4", "address": "300123456"}, "pqr_phone_invalid"),
        ({"channel": "4", "address": "6091234567"}, "pqr_phone_invalid"),
        ({"channel": "2", "address": "  "}, "pqr_address_missing"),
        ({"channel": "2", "address": "Calle " * 20}, "pqr_address_long"),
        ({"confirmed": ""}, "pqr_address_confirm"),
        ({"confirmed": "N"}, "pqr_address_confirm"),
    ],
)
def test_a_bad_form_is_refused_by_its_rule(changes: dict[str, str], rule: str) -> None:
    with pytest.raises(DomainError) as refused:
        _form(**changes)
    assert refused.value.code == rule
    assert (
        refused.value.message == refused.value.message.strip() and len(refused.value.message) <= 79
    )


def test_each_channel_keeps_its_destination_as_confirmed() -> None:
    assert _form(address=" Cliente.Prueba@Correo.com.co ").address == EMAIL
    assert _form(channel="2", address="Cra 7  # 45-10 apto 301").address == "Cra 7 # 45-10 apto 301"
    sms = _form(channel="3", address="300 123 4567")
    assert (sms.channel.name, sms.address) == ("SMS", "3001234567")
    call = _form(channel="4", address="6014567890")
    assert (call.channel.name, call.address) == ("LLAMADA TELEFONICA", "6014567890")
    assert _form().channel.name == "CORREO ELECTRONICO"
    assert _form(notes=f"  {NOTES}\n  más datos ").notes == f"{NOTES} más datos"


def test_the_filing_messages_fit_row_24_at_their_longest() -> None:
    worst = {
        "last": 99,
        "motive": "x" * 20,
        "length": 999,
        "minimum": NOTES_MIN,
        "email": "x" * 28,
        "maximum": 80,
        "radicado": "RAD0001234567",
    }
    rules = [name for name in P.rules if name.startswith("pqr_")]
    assert len(rules) >= 12
    for name in rules:
        assert len(P.message(name, **worst)) <= 79, name
    for check_id in (filing.VALIDATED, filing.FILED, "pqr_informada"):
        check = P.check(check_id)
        assert check is not None and check.panel == "PQR030" and check.per_request
        assert len(check.todo) <= 67 and len(check.label) <= 30
        assert check.needs_message is None or len(check.needs_message) <= 79


# -- whole calls through the desk ------------------------------------------------------


def _to_filing(services: Services, case: str) -> DeskCall:
    call = DeskCall.answered(services, SHOWCASE[case])
    call.through_interpretation("pqr", "Insiste en radicar una queja", subflow="3")
    assert call.desk.call.step_panel() == "PQR030"
    return call


def _file(call: DeskCall, **changes: str) -> filing.FiledPqr:
    values = {
        "motive": "queja_facturacion",
        "notes": NOTES,
        "channel": "1",
        "address": EMAIL,
        "confirmed": "S",
        **changes,
    }
    return call.desk.pqr.file(**values)


def _pqr_count(services: Services) -> int:
    with read_session(services.engine) as session:
        return session.exec(select(func.count()).select_from(Pqr)).one()


def _events(services: Services, call_id: int) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        ).all()
        return [(row.check, row.result) for row in rows]


def test_a_whole_call_files_a_pqr_and_typifies_it_with_its_cun(
    demo_services: Services,
) -> None:
    services = demo_services
    call = _to_filing(services, "activa")
    before, state_before = _pqr_count(services), call.record.state
    with read_session(services.engine) as session:
        last_radicado = session.exec(select(func.max(Pqr.radicado))).one()
    assert last_radicado is not None

    # Not validated in this call: refused with the procedure's reason, nothing written.
    with pytest.raises(DomainError, match="Valide primero los datos personales"):
        _file(call)
    call.desk.call.record_check(filing.VALIDATED, "cédula y fecha de expedición")
    for bad, rule in (
        ({"motive": "bailar"}, "pqr_motive_unknown"),
        ({"address": "x@y"}, "pqr_email_invalid"),
    ):
        with pytest.raises(DomainError) as refused:
            _file(call, **bad)
        assert refused.value.code == rule
    assert _pqr_count(services) == before
    assert call.record.state.mark_for(filing.FILED, 1) is None
    assert state_before.mark_for(filing.VALIDATED, 1) is None

    filed = _file(call)
    assert _pqr_count(services) == before + 1
    with pytest.raises(DomainError, match="ya está radicada"):
        _file(call)  # a second filing of the same request is refused
    assert _pqr_count(services) == before + 1
    expected_radicado = f"RAD{int(last_radicado[3:]) + 1:010d}"
    assert filed.radicado == expected_radicado
    assert filed.cun is not None and filed.cun.startswith("4410-26-")
    assert filed.due_on == due_on(FILED_ON) == date(2026, 12, 21)
    assert (filed.kind, filed.area, filed.ucc_code) == ("Queja", "Facturación", "PQR-QUE-002")
    assert call.desk.pqr.filed() == filed
    assert call.desk.call.suggested_code() == "PQR-QUE-002"

    with pytest.raises(DomainError):
        call.desk.call.advance()  # the radicado, CUN and term are still to be told
    call.desk.call.record_check("pqr_informada", "informados")
    call.desk.call.advance()
    assert call.record.state.step == 7
    call.typify()
    call_id = call.close().id

    with read_session(services.engine) as session:
        pqr = session.exec(select(Pqr).where(Pqr.radicado == filed.radicado)).one()
        typification = session.exec(
            select(Typification).where(Typification.call_id == call_id)
        ).one()
        logged = session.exec(
            select(AccessLog).where(
                AccessLog.action == "PQR RADICAR", AccessLog.cuenta == call.cuenta
            )
        ).all()
    assert (pqr.cuenta, pqr.cun, pqr.kind, pqr.status) == (
        call.cuenta,
        filed.cun,
        "queja",
        "ABIERTA",
    )
    assert (pqr.subject, pqr.motive) == ("Queja por facturación", "queja_facturacion")
    assert pqr.filed_at.date() == FILED_ON and pqr.due_on == date(2026, 12, 21)
    assert (pqr.response_channel, pqr.response_address) == ("CORREO ELECTRONICO", EMAIL)
    assert (pqr.filed_by, pqr.notes, pqr.call_id) == ("ASESOR01", NOTES, call_id)
    assert (typification.code, typification.cun) == ("PQR-QUE-002", filed.cun)
    assert typification.first_contact is False
    assert len(logged) == 1
    events = _events(services, call_id)
    assert ("pqr_datos_validados", "cédula y fecha de expedición") in events
    assert ("pqr_radicada", f"radicada {filed.radicado}") in events
    assert ("cun_1", filed.cun) in events and ("ucc_1", "PQR-QUE-002") in events
    assert ("pqr_informada", "informados") in events
    assert ("tipificada", "PQR-QUE-002") in events
    names = [name for name, _ in events]
    assert (
        names.index("pqr_datos_validados") < names.index("pqr_radicada") < names.index("tipificada")
    )
    assert names.count("pqr_radicada") == 1


def test_a_blacklisted_account_still_validates_in_step_6(
    demo_services: Services,
) -> None:
    """Step 2 validated the identity for the BLACKLIST rule; filing asks its own check."""
    call = _to_filing(demo_services, "blacklist")
    assert call.record.state.mark_for("identidad_validada", 0) is not None
    with pytest.raises(DomainError, match="Valide primero"):
        _file(call)
    call.desk.call.record_check(filing.VALIDATED, "cédula y dirección verificadas")
    filed = _file(call, motive="1", channel="3", address="3001234567")
    assert filed.cun is not None and filed.response_channel == "SMS"


def test_long_notes_go_whole_to_the_swat_folder_with_the_filing(
    demo_services: Services,
) -> None:
    call = _to_filing(demo_services, "activa")
    call.desk.call.record_check(filing.VALIDATED, "cédula")
    long_notes = "El cliente detalla cobros indebidos mes a mes. " * 8
    with pytest.raises(DomainError):
        _file(call, notes=long_notes, confirmed="N")  # refused: no note left behind
    with read_session(demo_services.engine) as session:
        folders = session.exec(select(NoteFolder).where(NoteFolder.cuenta == call.cuenta)).all()
        assert all(folder.name != "SWAT" for folder in folders)
    filed = _file(call, notes=long_notes)
    assert filed.notes_in_folder
    with read_session(demo_services.engine) as session:
        pqr = session.exec(select(Pqr).where(Pqr.radicado == filed.radicado)).one()
        folder = session.exec(
            select(NoteFolder).where(NoteFolder.cuenta == call.cuenta, NoteFolder.name == "SWAT")
        ).one()
        notes = session.exec(select(Note).where(Note.folder_id == folder.id)).all()
    assert len(pqr.notes) <= filing.PQR_NOTES_MAX and pqr.notes.endswith(filing.SWAT_POINTER)
    assert [note.text for note in notes] == [" ".join(long_notes.split())]
    assert call.desk.pqr.filed() == filed


def test_a_motive_the_matrix_gives_no_cun_files_without_one(
    demo_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from swat_tui.domain.pqr import intents as pqr_intents

    path = tmp_path / "matriz.csv"
    row = "peticion_info,Petición de información,peticion,no,Servicio al cliente,PQR-CON-002"
    path.write_text(f"{','.join(COLUMNS)}\n{row}\n", encoding="utf-8")
    matrix: PqrMatrix = read_matrix(path)
    monkeypatch.setattr(pqr_intents, "load_matrix", lambda: matrix)
    call = _to_filing(demo_services, "activa")
    call.desk.call.record_check(filing.VALIDATED, "cédula")
    filed = _file(call, motive="1", channel="2", address="Calle 10 # 5-20")
    assert filed.cun is None and filed.kind == "Petición"
    assert call.record.state.request_field("cun_{number}") == ""
    assert call.desk.call.suggested_code() == "PQR-CON-002"
    with read_session(demo_services.engine) as session:
        pqr = session.exec(select(Pqr).where(Pqr.radicado == filed.radicado)).one()
    assert pqr.cun is None and pqr.response_channel == "DIRECCION FISICA"
