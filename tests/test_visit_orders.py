"""The rules of a new visit order (LLS/OT) and of the CGO form,
on a migrated store with rows of the test's own."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.visit import cgo, orders
from swat_tui.domain.visit.orders import OrderForm
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Account, CgoForm, Incident, WfmSlot, WorkOrder
from tests.conftest import FIXED_NOW
from tests.store_rows import account_row

CUENTA = 20000001
NODE = "BOG-US-0401"
TOMORROW = date(2026, 3, 11)  # FIXED_NOW is Tuesday 10/03/2026
GOOD: dict[str, str] = {
    "kind": "lls",
    "reason": "Internet sin servicio",
    "symptom": "Módem offline",
    "contact_name": "Ana Pérez",
    "contact_phone": "301 555 0000",
    "address": "CL 45A # 12-08",
    "confirmed": "s",
    "access_notes": "Portería 24 horas",
}


def _form(**changes: str) -> OrderForm:
    values: dict[str, Any] = {**GOOD, **changes}
    return OrderForm.checked(**values)


def _seed(engine: Engine, *, capacity: int = 1, aviso: bool = False) -> None:
    with write_session(engine) as session:
        session.add(account_row(CUENTA, node=NODE))
        start = datetime(2026, 3, 11, 8, tzinfo=BOGOTA)
        session.add(
            WfmSlot(
                zone="BOG-US",
                day=TOMORROW,
                arrival_window="08-10",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                capacity=capacity,
                booked=0,
            )
        )
        if aviso:
            session.add(
                Incident(
                    number="INC000312345",
                    node=NODE,
                    kind="masiva",
                    priority=2,
                    description="Corte de fibra",
                    status="ABIERTO",
                    opened_at=FIXED_NOW - timedelta(hours=1),
                )
            )


def _create(engine: Engine, **changes: str) -> WorkOrder:
    with write_session(engine) as session:
        account = session.get(Account, CUENTA)
        assert account is not None
        order = orders.create_order(
            session, account, _form(**changes), call_id=None, agent="AGT001", now=FIXED_NOW
        )
        session.expunge(order)
        return order


def test_a_good_form_is_cleaned() -> None:
    form = _form(reason="  Internet   sin servicio ")
    assert (form.kind, form.reason, form.contact_phone) == (
        "LLS",
        "Internet sin servicio",
        "3015550000",
    )
    assert _form(contact_phone="6014567").contact_phone == "6014567"  # a landline


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        ({"kind": "XX"}, "visit_kind", "Tipo de visita 'XX' no válido: LLS u OT."),
        ({"reason": " "}, "visit_reason", "Digite el motivo de la visita."),
        ({"symptom": ""}, "visit_symptom", "Digite el síntoma que reporta el cliente."),
        (
            {"contact_name": ""},
            "visit_contact",
            "Digite quién recibe al técnico (persona de contacto).",
        ),
        ({"contact_phone": ""}, "visit_phone", "Digite el teléfono de contacto."),
        (
            {"contact_phone": "30l5550000"},
            "visit_phone",
            "Teléfono '30l5550000' no válido: solo números, 7 o 10 dígitos.",
        ),
        (
            {"contact_phone": "30155500"},
            "visit_phone",
            "Teléfono de 8 dígitos: debe tener 7 (fijo) o 10 (celular).",
        ),
        (
            {"address": ""},
            "visit_address",
            "Digite la dirección de la visita confirmada con el cliente.",
        ),
        (
            {"confirmed": "N"},
            "visit_confirmed",
            "Confirme la dirección con el cliente: digite S en Confirmada.",
        ),
        (
            {"reason": "x" * 121},
            "visit_reason",
            "Motivo: máximo 120 caracteres (tiene 121).",
        ),
        (
            {"access_notes": "x" * 201},
            "visit_notes",
            "Notas de acceso: máximo 200 caracteres (tiene 201).",
        ),
    ],
)
def test_each_bad_field_is_refused_with_its_message(
    changes: dict[str, str], code: str, message: str
) -> None:
    with pytest.raises(DomainError) as refused:
        _form(**changes)
    assert (refused.value.code, refused.value.message) == (code, message)
    assert len(message) <= MESSAGE_WIDTH


def test_an_order_gets_its_number_and_status(store_engine: Engine) -> None:
    _seed(store_engine)
    first = _create(store_engine)
    assert (first.number, first.status, first.kind) == ("LLS000000001", "PENDIENTE", "LLS")
    ot = _create(store_engine, kind="OT")
    assert ot.number == "OT0000000001"
    assert (first.contact_phone, first.created_by, first.access_notes) == (
        "3015550000",
        "AGT001",
        "Portería 24 horas",
    )


def test_a_second_open_order_of_the_same_kind_is_refused(store_engine: Engine) -> None:
    _seed(store_engine)
    first = _create(store_engine)
    with pytest.raises(DomainError) as refused:
        _create(store_engine)
    assert refused.value.message == (
        f"La cuenta ya tiene la LLS {first.number} PENDIENTE: reagéndela o cancélela."
    )


def test_no_visit_under_an_open_mass_aviso(store_engine: Engine) -> None:
    _seed(store_engine, aviso=True)
    with pytest.raises(DomainError) as refused:
        _create(store_engine)
    message = "Nodo con aviso INC000312345 abierto: no se agenda visita; asocie la llamada."
    assert (refused.value.code, refused.value.message) == ("visit_aviso", message)
    assert len(message) <= MESSAGE_WIDTH
    with read_session(store_engine) as session:
        assert session.exec(select(WorkOrder)).all() == []


@pytest.mark.parametrize(
    ("windows", "days", "message"),
    [
        ("", "LUN", "Digite las franjas que prefiere el cliente: 08-10 10-12 14-16 16-18."),
        ("9-11", "LUN", "Franja '9-11' no existe: use 08-10 10-12 14-16 16-18."),
        ("08-10", "", "Digite los días que prefiere el cliente (p. ej. LUN MIE o 12/03)."),
        ("08-10", "L" * 41, "Días: máximo 40 caracteres."),
    ],
)
def test_bad_cgo_preferences_are_refused(windows: str, days: str, message: str) -> None:
    with pytest.raises(DomainError) as refused:
        cgo.CgoRequest.checked(windows=windows, days=days)
    assert refused.value.message == message


def test_cgo_preferences_keep_the_agenda_s_order() -> None:
    request = cgo.CgoRequest.checked(windows="16-18, 08-10", days=" lun  mie ")
    assert (request.windows, request.days) == ("08-10 16-18", "LUN MIE")


def test_the_management_time_is_two_business_days_skipping_holidays() -> None:
    assert cgo.MANAGEMENT_BUSINESS_DAYS == 2
    assert cgo.due_at(FIXED_NOW) == datetime(2026, 3, 12, 18, tzinfo=BOGOTA)  # Tue -> Thu
    friday = datetime(2026, 3, 20, 10, tzinfo=BOGOTA)  # Monday 23/03 is San José
    assert cgo.due_at(friday) == datetime(2026, 3, 25, 18, tzinfo=BOGOTA)


def test_a_cgo_form_only_when_no_window_is_free(store_engine: Engine) -> None:
    _seed(store_engine)
    order = _create(store_engine)
    request = cgo.CgoRequest.checked(windows="08-10", days="LUN")

    def file() -> CgoForm:
        with write_session(store_engine) as session:
            account = session.get(Account, CUENTA)
            assert account is not None
            row = session.get(WorkOrder, order.id)
            assert row is not None
            form = cgo.file_form(
                session,
                account,
                row,
                request,
                zone="BOG-US",
                call_id=None,
                agent="A",
                now=FIXED_NOW,
            )
            session.expunge(form)
            return form

    with pytest.raises(DomainError) as refused:
        file()
    assert (
        refused.value.message
        == "Hay 1 franjas libres en 7 días (la primera 11/03 08-10): agende una."
    )
    with write_session(store_engine) as session:
        slot = session.exec(select(WfmSlot)).one()
        slot.booked = slot.capacity
        session.add(slot)
    form = file()
    assert (form.number, form.status, form.preferred_windows) == (
        "CGO000000001",
        "PENDIENTE",
        "08-10",
    )
    assert form.due_at.astimezone(BOGOTA) == datetime(2026, 3, 12, 18, tzinfo=BOGOTA)
    with pytest.raises(DomainError, match="ya tiene el formulario CGO000000001"):
        file()
    with read_session(store_engine) as session:
        assert [f.number for f in cgo.pending_forms(session)] == ["CGO000000001"]
