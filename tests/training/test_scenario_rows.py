"""A scenario's inline account rows: their problems, and what the app reads once written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from swat_tui.domain.account.notes import NoteService
from swat_tui.domain.account.service import AccountService
from swat_tui.domain.pqr.consult import consult_pqrs
from swat_tui.domain.services import Services
from swat_tui.domain.training.scenario import AccountRows
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Account, CmRegistration, Pqr, Typification
from swat_tui.store.queries import accounts, avisos, cartera, numbering, plant, scenario_accounts
from swat_tui.store.scenario_rows import (
    ACCOUNT,
    SECTIONS,
    AccountInUse,
    ScenarioRowsInvalid,
    known_fields,
    row_problems,
    write_account,
)
from tests.conftest import FIXED_NOW
from tests.desk_calls import DeskCall
from tests.gates import SEE_ALL

CUENTA = 90_000_101
TODAY = FIXED_NOW.date()


def full_rows(**account: object) -> AccountRows:
    """An account with a row in every section."""
    return AccountRows(
        account={
            "cuenta": CUENTA,
            "holder_name": "Luz Marina Cárdenas",
            "document_number": "52345678",
            "phone_mobile": "3015550101",
            "email": "luz.cardenas@correo.com.co",
            "activated_days_ago": 900,
            **account,
        },
        related={
            "services": (
                {"kind": "internet"},
                {"kind": "tv", "tv_technology": "NAGRA"},
            ),
            "equipment": (
                {"kind": "modem", "cm_state": "offline", "after_restart": "offline"},
                {"kind": "decoder", "serial": "KCFSA800ABCDEF01"},
            ),
            "notes": (
                {"text": "CLIENTE PIDE LLAMAR DESPUÉS DE LAS 6 PM", "days_ago": 10},
                {"text": "Visita reprogramada dos veces", "folder": "swat"},
            ),
            "pqrs": (
                {"subject": "Cobro de un mes no usado", "kind": "queja", "days_ago": 30},
                {"subject": "Copia del contrato", "kind": "peticion", "status": "CERRADA"},
            ),
            "visits": (
                {"kind": "LLS", "status": "AGENDADA", "slot_days_ahead": 3, "slot_window": "14-16"},
            ),
            "invoices": (
                {"amount": 149_800, "days_ago": 40, "paid_days_ago": 30},
                {"amount": 149_800, "days_ago": 10, "due_days_ahead": 5, "delivery": "digital"},
            ),
            "payments": ({"amount": 149_800, "days_ago": 30, "channel": "Efecty"},),
            "avisos": ({"description": "Corte de fibra en el nodo", "reported": True},),
            "dime": (
                {
                    "area": "Facturación",
                    "subject": "Ajuste por cobro doble",
                    "follow_up": "Facturación valida los pagos.",
                },
            ),
        },
    )


def write(engine: Engine, rows: AccountRows, today: date = TODAY) -> int:
    with write_session(engine) as session:
        return write_account(session, rows, today=today)


# ----------------------------------------------------------------- problems


def test_the_sections_are_the_documented_ones() -> None:
    assert SECTIONS == (
        "services",
        "equipment",
        "notes",
        "pqrs",
        "visits",
        "invoices",
        "payments",
        "avisos",
        "dime",
    )


def test_every_row_of_the_full_account_has_no_problem() -> None:
    rows = full_rows()
    assert row_problems(ACCOUNT, rows.account) == []
    for section, section_rows in rows.related.items():
        for row in section_rows:
            assert row_problems(section, row) == [], (section, row)


@pytest.mark.parametrize(
    ("section", "row", "field", "says"),
    [
        (ACCOUNT, {"holder_name": "X", "document_number": "1"}, "cuenta", "obligatorio"),
        (
            ACCOUNT,
            {"cuenta": 10_000_001, "holder_name": "X", "document_number": "1"},
            "cuenta",
            "entre 90.000.000 y 99.999.999",
        ),
        (
            ACCOUNT,
            {"cuenta": CUENTA, "holder_name": "X", "document_number": "1", "estado": "x"},
            "estado",
            "campo desconocido",
        ),
        (
            ACCOUNT,
            {"cuenta": CUENTA, "holder_name": "X", "document_number": 52345678},
            "document_number",
            "texto",
        ),
        (
            ACCOUNT,
            {"cuenta": CUENTA, "holder_name": "X", "document_number": "1", "blacklist": 1},
            "blacklist",
            "true o false",
        ),
        (
            ACCOUNT,
            {"cuenta": CUENTA, "holder_name": "X", "document_number": "1", "status": "ACTIVO"},
            "status",
            "CANCELADO DEBE",
        ),
        (
            ACCOUNT,
            {"cuenta": "90000101", "holder_name": "X", "document_number": "1"},
            "cuenta",
            "número entero",
        ),
        (
            ACCOUNT,
            {"cuenta": CUENTA, "holder_name": "X" * 81, "document_number": "1"},
            "holder_name",
            "a lo sumo 80",
        ),
        (
            ACCOUNT,
            {
                "cuenta": CUENTA,
                "holder_name": "X",
                "document_number": "1",
                "phone_mobile": "301 555",
            },
            "phone_mobile",
            "dígitos",
        ),
        ("services", {"kind": "movil"}, "kind", "internet, tv, voz"),
        ("services", {"kind": "internet", "tv_technology": "DVB"}, "tv_technology", "tv"),
        ("equipment", {}, "kind", "obligatorio"),
        ("notes", {"text": ""}, "text", "vacío"),
        ("pqrs", {"subject": "x", "days_ago": -3}, "days_ago", "entre 0 y"),
        ("pqrs", {"subject": "x", "days_ago": 3, "days_ahead": 1}, "days_ahead", "no los dos"),
        ("pqrs", {"subject": "x", "status": "abierta"}, "status", "ABIERTA"),
        ("visits", {"kind": "LLS", "slot_window": "8-10"}, "slot_window", "08-10"),
        ("visits", {"kind": "OT", "status": "RESUELTA"}, "status", "AGENDADA"),
        ("invoices", {"amount": 1.5}, "amount", "número entero"),
        ("invoices", {"amount": 100, "period": "02/2026"}, "period", "AAAA-MM"),
        ("payments", {"amount": 100, "applied_days_ago": "2"}, "applied_days_ago", "días"),
        ("avisos", {"description": "x", "priority": 5}, "priority", "entre 1 y 4"),
        ("dime", {"subject": "x"}, "area", "obligatorio"),
        ("dime", {"area": "x", "subject": "y", "status": "CERRADA"}, "status", "CERRADO"),
    ],
)
def test_a_row_problem_names_the_field(
    section: str, row: dict[str, object], field: str, says: str
) -> None:
    problems = row_problems(section, row)
    assert [message for name, message in problems if name == field], problems
    assert any(says in message for name, message in problems if name == field), problems


def test_an_unknown_section_is_one_problem() -> None:
    [(field, message)] = row_problems("facturas", {"amount": 1})
    assert field == "" and "facturas" in message and "invoices" in message


def test_an_unknown_field_lists_the_known_ones() -> None:
    [(_, message)] = row_problems("payments", {"amount": 1, "canal": "PSE"})
    for name in known_fields("payments"):
        assert name in message


def test_rows_with_problems_are_not_written(store_engine: Engine) -> None:
    rows = AccountRows(account={"cuenta": CUENTA, "holder_name": "X"})
    with pytest.raises(ScenarioRowsInvalid, match="document_number"):
        write(store_engine, rows)
    with read_session(store_engine) as session:
        assert session.get(Account, CUENTA) is None


# ----------------------------------------------------------------- what the app reads


def test_every_section_is_read_back_by_the_app(
    store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    assert write(store_engine, full_rows()) == CUENTA
    panel = AccountService(store_engine, fixed_clock).open_panel(
        CUENTA, agent="ASESOR01", gate=SEE_ALL
    )
    assert panel.holder_name == "Luz Marina Cárdenas"
    assert panel.status == "ACTIVA" and panel.city == "Bogotá"
    assert panel.activated_on == TODAY - timedelta(days=900)
    assert panel.monthly_rent == 79_900 + 69_900  # the default plans' prices
    assert [line.kind for line in panel.services] == ["internet", "tv"]
    assert len(panel.pending_pqrs) == 1  # the CERRADA one is not pending
    assert len(panel.pending_visits) == 1
    assert [dime.area for dime in panel.open_dime_cases] == ["Facturación"]
    assert [aviso.description for aviso in panel.open_incidents] == ["Corte de fibra en el nodo"]

    inventory = AccountService(store_engine, fixed_clock).inventory(
        CUENTA, agent="ASESOR01", gate=SEE_ALL
    )
    assert len(inventory.equipment) == 2

    notes = NoteService(store_engine, fixed_clock)
    special = notes.special_notes(CUENTA, agent="ASESOR01")
    assert [line.text for line in special.notes] == ["CLIENTE PIDE LLAMAR DESPUÉS DE LAS 6 PM"]
    assert [line.text for line in notes.folder_notes(CUENTA, "SWAT").notes] == [
        "Visita reprogramada dos veces"
    ]

    pqrs = consult_pqrs(store_engine, fixed_clock, CUENTA, agent="ASESOR01", gate=SEE_ALL)
    by_subject = {line.subject: line for line in pqrs.lines}
    overdue = by_subject["Cobro de un mes no usado"]
    assert overdue.overdue  # filed 30 calendar days ago: past its 15 business days
    with read_session(store_engine) as session:
        stored = {
            p.subject: p for p in session.exec(select(Pqr).where(col(Pqr.cuenta) == CUENTA)).all()
        }
        assert stored["Cobro de un mes no usado"].cun is not None
        assert stored["Copia del contrato"].cun is None  # a peticion: no CUN by default
        assert stored["Cobro de un mes no usado"].radicado.startswith("RAD")

        unpaid = cartera.unpaid_invoices(session, cuenta=CUENTA)
        assert [invoice.due_on for invoice in unpaid] == [TODAY + timedelta(days=5)]
        assert unpaid[0].sent_to == "luz.cardenas@correo.com.co"  # digital: the email
        [payment] = cartera.payments_of(session, cuenta=CUENTA)
        assert payment.channel == "Efecty" and payment.applied_on == TODAY - timedelta(days=30)

        modem = next(e for e in accounts.equipment_of(session, cuenta=CUENTA) if e.kind == "modem")
        assert modem.id is not None
        conditions = plant.conditions_of(session, equipment_ids=[modem.id])
        assert [c.cm_state for c in conditions.values()] == ["offline"]
        registered = session.exec(
            select(CmRegistration.node).where(col(CmRegistration.cuenta) == CUENTA)
        ).all()
        assert list(registered) == [panel.node]

        aviso = panel.open_incidents[0]
        incident = avisos.by_number(session, number=aviso.number)
        assert incident is not None and incident.id is not None
        [link] = avisos.links_of_account(session, cuenta=CUENTA, incident_id=incident.id)
        assert link.agent == "IVR"  # reported before: the next call is a repeat call


def test_the_visit_slot_is_in_the_window_asked(
    store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    write(store_engine, full_rows())
    panel = AccountService(store_engine, fixed_clock).open_panel(
        CUENTA, agent="ASESOR01", gate=SEE_ALL
    )
    [visit] = panel.pending_visits
    assert visit.number.startswith("LLS") and visit.status == "AGENDADA"
    assert visit.slot_start is not None
    assert visit.slot_start.date() == TODAY + timedelta(days=3)
    assert visit.slot_start.hour == 14


def test_numbers_come_from_the_counters(store_engine: Engine) -> None:
    write(store_engine, full_rows())
    with read_session(store_engine) as session:
        counters = numbering.counters(session.connection())
    assert {"RAD", "LLS", "DIME", "INC"} <= set(counters)


# ----------------------------------------------------------------- the refresh


def _count(session: Session, name: str) -> int:
    table = SQLModel.metadata.tables[name]
    statement = sa_select(func.count()).select_from(table).where(table.c.cuenta == CUENTA)
    return int(session.execute(statement).scalar_one())


def test_writing_again_deletes_and_inserts_the_situation(
    store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    write(store_engine, full_rows())
    with read_session(store_engine) as session:
        first_radicados = set(
            session.exec(select(Pqr.radicado).where(col(Pqr.cuenta) == CUENTA)).all()
        )
    smaller = AccountRows(
        account={**full_rows().account, "status": "CANCELADO DEBE", "blacklist": True},
        related={"pqrs": ({"subject": "Otra queja", "days_ago": 2},)},
    )
    write(store_engine, smaller)
    with read_session(store_engine) as session:
        account = session.get(Account, CUENTA)
        assert account is not None and account.status == "CANCELADO DEBE" and account.blacklist
        pqrs = session.exec(select(Pqr).where(col(Pqr.cuenta) == CUENTA)).all()
        assert [p.subject for p in pqrs] == ["Otra queja"]
        assert pqrs[0].radicado not in first_radicados  # a new number, never one reused
        for table in sorted(scenario_accounts.CLEARED_TABLES - {"pqr"}):
            assert _count(session, table) == 0, table
    panel = AccountService(store_engine, fixed_clock).open_panel(
        CUENTA, agent="ASESOR01", gate=SEE_ALL
    )
    assert panel.open_incidents == ()  # its own node's aviso went with the rest


def test_every_table_with_a_cuenta_is_cleared_or_kept_on_purpose() -> None:
    """A new table with a cuenta must be put on one list: is it the account's situation
    (written fresh by a scenario) or the record of its calls?"""
    with_cuenta = {t.name for t in SQLModel.metadata.sorted_tables if "cuenta" in t.c}
    assert with_cuenta == scenario_accounts.CLEARED_TABLES | scenario_accounts.KEPT_TABLES


def test_an_open_call_on_the_account_blocks_the_refresh(demo_services: Services) -> None:
    write(demo_services.engine, full_rows())
    call = DeskCall.answered(demo_services, CUENTA)
    call.reception()  # the account is opened on the call
    with pytest.raises(AccountInUse, match=f"{CUENTA}.*llamada abierta"):
        write(demo_services.engine, full_rows(status="CANCELADO"))
    with read_session(demo_services.engine) as session:
        account = session.get(Account, CUENTA)
        assert account is not None and account.status == "ACTIVA"


def test_the_record_of_a_finished_call_stays(demo_services: Services) -> None:
    write(demo_services.engine, full_rows())
    call = DeskCall.answered(demo_services, CUENTA)
    call.through_interpretation("pqr", "Pregunta por su queja", subflow="1")
    call.desk.pqr.consult(CUENTA)
    call.desk.call.record_check("pqr_consultada", "informada")
    call.desk.call.advance()
    call.typify("PQR-CON-001")
    ended = call.close()
    write(demo_services.engine, full_rows(status="CANCELADO"))
    with read_session(demo_services.engine) as session:
        assert (
            session.exec(select(Typification).where(col(Typification.call_id) == ended.id)).first()
            is not None
        )
