"""Account search, the account panel (BLACKLIST rule, cases, avisos) and F10."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from swat_tui.config import BOGOTA
from swat_tui.domain.account.query import AccountQuery, parse_query
from swat_tui.domain.account.service import AccountService, tenure_months
from swat_tui.domain.errors import DomainError
from swat_tui.store.models import (
    AccessLog,
    Account,
    Equipment,
    Incident,
    Pqr,
    Service,
    WorkOrder,
)
from swat_tui.store.queries import accounts as account_queries
from tests.conftest import FIXED_NOW
from tests.gates import SEE_ALL, nothing_read

OPEN_CUENTA = 10000001
BLACKLISTED = 10000002


def _account(cuenta: int, **changes: object) -> Account:
    values: dict[str, object] = {
        "cuenta": cuenta,
        "holder_name": f"Titular {cuenta}",
        "document_type": "CC",
        "document_number": "79123456",
        "phone_mobile": None,
        "phone_fixed": None,
        "email": "titular@example.com",
        "address": "CL 45 # 12-30",
        "city": "Bogotá",
        "department": "Cundinamarca",
        "estrato": 3,
        "node": "BOG-CH-001",
        "status": "ACTIVA",
        "balance": 0,
        "monthly_rent": 129900,
        "billing_cutoff_day": 15,
        "activated_on": date(2023, 5, 20),
    }
    values.update(changes)
    return Account.model_validate(values)


@pytest.fixture
def store(store_engine: Engine) -> Engine:
    utc_now = FIXED_NOW.astimezone(UTC)
    with Session(store_engine) as session:
        session.add(_account(OPEN_CUENTA, phone_mobile="3001234567", phone_fixed="6012345678"))
        session.add(
            _account(
                BLACKLISTED, blacklist=True, status="CANCELADO DEBE", phone_mobile="3109876543"
            )
        )
        for offset in range(12):  # same holder, many accounts: paging
            session.add(
                _account(
                    20000000 + offset,
                    document_number="52111222",
                    phone_fixed="6012345678" if offset == 11 else None,
                )
            )
        session.add(
            _account(30000000, document_type="NIT", document_number="9001234567", node="MED-PO-002")
        )
        session.add_all(
            [
                Service(
                    cuenta=OPEN_CUENTA,
                    kind="tv",
                    plan_name="TV Avanzada",
                    plan_code="TVA",
                    tv_technology="DVB",
                    status="ACTIVO",
                    activated_on=date(2023, 5, 20),
                ),
                Service(
                    cuenta=OPEN_CUENTA,
                    kind="internet",
                    plan_name="Internet 300 Mbps",
                    plan_code="I300",
                    status="ACTIVO",
                    activated_on=date(2023, 5, 20),
                ),
                Equipment(
                    cuenta=OPEN_CUENTA,
                    kind="modem",
                    serial="ABCD1234",
                    model="Technicolor",
                    status="INSTALADO",
                    installed_on=date(2023, 5, 21),
                ),
                # Filed 23:30 in Bogotá the day before: already the 10th in UTC.
                Pqr(
                    cuenta=OPEN_CUENTA,
                    radicado="R-1",
                    cun="4436-26-0000000001",
                    kind="queja",
                    subject="Cobro doble",
                    status="ABIERTA",
                    filed_at=datetime(2026, 3, 9, 23, 30, tzinfo=BOGOTA),
                    due_on=date(2026, 3, 31),
                    filed_by="JPEREZ",
                ),
                Pqr(
                    cuenta=OPEN_CUENTA,
                    radicado="R-2",
                    kind="peticion",
                    subject="Cambio plan",
                    status="ABIERTA",
                    filed_at=utc_now - timedelta(days=20),
                    due_on=date(2026, 3, 12),
                    filed_by="JPEREZ",
                ),
                Pqr(
                    cuenta=OPEN_CUENTA,
                    radicado="R-3",
                    kind="queja",
                    subject="Vieja",
                    status="CERRADA",
                    filed_at=utc_now - timedelta(days=90),
                    due_on=date(2025, 12, 31),
                    filed_by="JPEREZ",
                ),
                WorkOrder(
                    cuenta=OPEN_CUENTA,
                    kind="LLS",
                    number="LLS-1",
                    status="AGENDADA",
                    reason="Sin señal",
                    created_at=utc_now - timedelta(days=2),
                    slot_start=datetime(2026, 3, 11, 8, tzinfo=BOGOTA),
                    slot_end=datetime(2026, 3, 11, 12, tzinfo=BOGOTA),
                ),
                WorkOrder(
                    cuenta=OPEN_CUENTA,
                    kind="OT",
                    number="OT-1",
                    status="PENDIENTE",
                    reason="Traslado",
                    created_at=utc_now - timedelta(days=1),
                ),
                WorkOrder(
                    cuenta=OPEN_CUENTA,
                    kind="OT",
                    number="OT-0",
                    status="COMPLETADA",
                    reason="Instalación",
                    created_at=utc_now - timedelta(days=300),
                ),
                Incident(
                    number="INC000000002",
                    node="BOG-CH-001",
                    priority=3,
                    kind="puntual",
                    description="x",
                    status="ABIERTO",
                    opened_at=utc_now,
                ),
                Incident(
                    number="INC000000001",
                    node="BOG-CH-001",
                    priority=1,
                    kind="masiva",
                    description="x",
                    status="ABIERTO",
                    opened_at=utc_now,
                ),
                Incident(
                    number="INC000000003",
                    node="BOG-CH-001",
                    priority=1,
                    kind="masiva",
                    description="x",
                    status="CERRADO",
                    opened_at=utc_now,
                ),
                Incident(
                    number="INC000000004",
                    node="MED-PO-002",
                    priority=1,
                    kind="masiva",
                    description="x",
                    status="ABIERTO",
                    opened_at=utc_now,
                ),
            ]
        )
        session.commit()
    return store_engine


@pytest.fixture
def accounts(store: Engine, fixed_clock: Callable[[], datetime]) -> AccountService:
    return AccountService(store, fixed_clock)


# -- parsing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("1", " 12345678 ", AccountQuery("cuenta", "12345678")),
        ("cuenta", "12345678", AccountQuery("cuenta", "12345678")),
        ("2", "cc 79.123.456", AccountQuery("documento", "79123456", "CC")),
        ("2", "CC79123456", AccountQuery("documento", "79123456", "CC")),
        ("2", "PA ab12345", AccountQuery("documento", "AB12345", "PA")),
        ("2", "79123456", AccountQuery("documento", "79123456")),
        ("3", "300 123 4567", AccountQuery("telefono", "3001234567")),
        ("3", "+57 (601) 234-5678", AccountQuery("telefono", "6012345678")),
        ("3", "2345678", AccountQuery("telefono", "2345678")),
        ("", "12345678", AccountQuery("cuenta", "12345678")),
        (None, "3001234567", AccountQuery("telefono", "3001234567")),
        ("", "1012345678", AccountQuery("documento", "1012345678")),
        ("", "CE 123456", AccountQuery("documento", "123456", "CE")),
    ],
)
def test_parse_query_accepts(kind: str | None, text: str, expected: AccountQuery) -> None:
    assert parse_query(kind, text) == expected


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("1", "", "Digite la cuenta."),
        ("1", "1234567A", "La cuenta solo admite dígitos."),
        ("1", "1234567", "La cuenta debe tener 8 dígitos."),
        ("1", "123456789", "La cuenta debe tener 8 dígitos."),
        ("2", "  ", "Digite el documento."),
        ("2", "AB12345", "Solo el pasaporte admite letras: digite PA y el número."),
        ("2", "123", "Documento inválido: de 5 a 12 dígitos."),
        ("2", "CC 12AB", "Documento CC inválido: 5 a 10 dígitos."),
        ("3", "", "Digite el teléfono."),
        ("3", "300-ABC", "El teléfono solo admite dígitos."),
        ("3", "5001234567", "Teléfono inválido"),
        ("3", "12345", "Teléfono inválido"),
        ("", "", "Digite cuenta, documento o teléfono."),
        ("9", "12345678", "Tipo de consulta inválido"),
    ],
)
def test_parse_query_refuses(kind: str, text: str, message: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_query(kind, text)
    assert caught.value.message.startswith(message)
    assert len(caught.value.message) <= 79


def test_seven_digit_phone_tries_every_area_code() -> None:
    candidates = AccountQuery("telefono", "2345678").phone_candidates()
    assert "6012345678" in candidates and "6042345678" in candidates
    assert AccountQuery("telefono", "3001234567").phone_candidates() == ("3001234567",)


# -- search ----------------------------------------------------------------------------


def test_search_by_cuenta(accounts: AccountService) -> None:
    page = accounts.search(parse_query("1", str(OPEN_CUENTA)))
    assert [row.cuenta for row in page.rows] == [OPEN_CUENTA]
    assert page.rows[0].document == "CC 79123456"
    assert (page.total, page.has_more) == (1, False)


def test_search_by_document_pages_in_cuenta_order(accounts: AccountService) -> None:
    query = parse_query("2", "52111222")
    first = accounts.search(query, limit=10)
    assert first.total == 12 and first.has_more
    assert [row.cuenta for row in first.rows] == [20000000 + n for n in range(10)]
    second = accounts.search(query, offset=10, limit=10)
    assert [row.cuenta for row in second.rows] == [20000010, 20000011]
    assert (second.offset, second.has_more) == (10, False)


def test_search_by_document_type_narrows(accounts: AccountService) -> None:
    assert accounts.search(parse_query("2", "NIT 9001234567")).total == 1
    with pytest.raises(DomainError, match="No hay cuentas que coincidan con el documento CE"):
        accounts.search(parse_query("2", "CE 9001234567"))


def test_search_by_phone_matches_mobile_or_fixed(accounts: AccountService) -> None:
    assert [row.cuenta for row in accounts.search(parse_query("3", "3001234567")).rows] == [
        OPEN_CUENTA
    ]
    fixed = accounts.search(parse_query("3", "6012345678"))
    assert [row.cuenta for row in fixed.rows] == [OPEN_CUENTA, 20000011]
    assert accounts.search(parse_query("3", "2345678")).total == 2


def test_search_without_match_says_what_was_searched(accounts: AccountService) -> None:
    with pytest.raises(DomainError) as caught:
        accounts.search(parse_query("3", "3209999999"))
    assert caught.value.message == "No hay cuentas que coincidan con el teléfono 3209999999."


def test_search_rows_of_a_blacklisted_account_hide_the_holder(accounts: AccountService) -> None:
    row = accounts.search(parse_query("1", str(BLACKLISTED))).rows[0]
    assert "Titular" not in row.holder_name and "VER F7" in row.holder_name
    assert "79123456" not in row.document


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_phone_search_uses_the_indexes(store: Engine) -> None:
    with store.connect() as connection:
        for statement in (
            account_queries._cuentas_with_phone(["3001234567"]),
            select(Account).where(  # the page query as a whole
                col(Account.cuenta).in_(account_queries._cuentas_with_phone(["3001234567"]))
            ),
        ):
            compiled = statement.compile(store, compile_kwargs={"literal_binds": True})
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
            details = " | ".join(str(row[-1]) for row in plan)
            assert "SCAN account" not in details, details
            assert "ix_account_phone_mobile" in details and "ix_account_phone_fixed" in details


# -- panel -----------------------------------------------------------------------------


def _log(engine: Engine) -> list[tuple[str, int, str, datetime]]:
    with Session(engine) as session:
        rows = session.exec(select(AccessLog).order_by(col(AccessLog.id))).all()
        return [(row.username, row.cuenta, row.action, row.at) for row in rows]


def test_open_panel_logs_the_consultation(accounts: AccountService, store: Engine) -> None:
    accounts.open_panel(OPEN_CUENTA, agent="ASESOR01", gate=nothing_read())
    assert _log(store) == [("ASESOR01", OPEN_CUENTA, "CONSULTA", FIXED_NOW)]


def test_open_panel_shows_everything_for_a_normal_account(accounts: AccountService) -> None:
    view = accounts.open_panel(OPEN_CUENTA, agent="ASESOR01", gate=nothing_read())
    assert view.details_visible and view.holder_name == f"Titular {OPEN_CUENTA}"
    assert (view.document, view.monthly_rent, view.phone_fixed) == (
        "CC 79123456",
        129900,
        "6012345678",
    )
    assert view.status_meaning
    assert view.tenure_months == 33  # 2023-05-20 .. 2026-03-10
    assert [service.kind for service in view.services] == ["internet", "tv"]
    assert [(pqr.radicado, pqr.days_open) for pqr in view.pending_pqrs] == [("R-2", 20), ("R-1", 1)]
    assert view.pending_pqrs[1].filed_at.tzinfo is not None
    assert view.pending_pqrs[1].filed_at.utcoffset() == timedelta(hours=-5)
    visits = {visit.number: visit for visit in view.pending_visits}
    assert set(visits) == {"LLS-1", "OT-1"}
    assert visits["LLS-1"].scheduled and not visits["OT-1"].scheduled
    assert visits["LLS-1"].slot_start == datetime(2026, 3, 11, 8, tzinfo=BOGOTA)
    assert [(aviso.number, aviso.priority, aviso.kind) for aviso in view.open_incidents] == [
        ("INC000000001", 1, "masiva"),
        ("INC000000002", 3, "puntual"),
    ]
    assert view.open_incidents[0].priority_name == "crítica"


def test_blacklisted_panel_hides_details_until_notes_are_read(accounts: AccountService) -> None:
    hidden = accounts.open_panel(BLACKLISTED, agent="ASESOR01", gate=nothing_read())
    assert hidden.blacklist and not hidden.details_visible
    personal = (
        hidden.holder_name,
        hidden.document,
        hidden.phone_mobile,
        hidden.phone_fixed,
        hidden.email,
        hidden.address,
        hidden.estrato,
        hidden.balance,
        hidden.monthly_rent,
        hidden.billing_cutoff_day,
        hidden.activated_on,
        hidden.tenure_months,
    )
    assert personal == (None,) * len(personal)
    assert (hidden.city, hidden.node, hidden.status) == ("Bogotá", "BOG-CH-001", "CANCELADO DEBE")
    assert hidden.status_meaning == "Desconectada por mora"
    shown = accounts.open_panel(BLACKLISTED, agent="ASESOR01", gate=SEE_ALL)
    assert shown.details_visible and shown.holder_name == f"Titular {BLACKLISTED}"
    assert shown.phone_mobile == "3109876543"


def test_unknown_cuenta(accounts: AccountService, store: Engine) -> None:
    with pytest.raises(DomainError) as caught:
        accounts.open_panel(99999999, agent="ASESOR01", gate=SEE_ALL)
    assert caught.value.message == "La cuenta 99999999 no existe."
    assert _log(store) == []


def test_inventory_lists_equipment_and_logs_f10(accounts: AccountService, store: Engine) -> None:
    view = accounts.inventory(OPEN_CUENTA, agent="ASESOR02", gate=SEE_ALL)
    assert [item.serial for item in view.equipment] == ["ABCD1234"]
    assert len(view.services) == 2
    assert _log(store) == [("ASESOR02", OPEN_CUENTA, "F10", FIXED_NOW)]


@pytest.mark.parametrize(
    ("activated", "today", "months"),
    [
        (date(2026, 1, 31), date(2026, 3, 1), 1),
        (date(2026, 3, 10), date(2026, 3, 10), 0),
        (date(2020, 3, 10), date(2026, 3, 10), 72),
        (date(2026, 4, 1), date(2026, 3, 10), 0),
    ],
)
def test_tenure_months(activated: date, today: date, months: int) -> None:
    assert tenure_months(activated, today) == months
