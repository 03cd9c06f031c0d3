"""The demo store: deterministic, consistent, realistic, with every showcase case present."""

from __future__ import annotations

import csv
import hashlib
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

import swat_tui.store.demo.writer as writer
from swat_tui.config import BOGOTA
from swat_tui.paths import data_dir
from swat_tui.store.demo import SHOWCASE, DemoSummary, build_demo
from swat_tui.store.demo.showcase import FIRST_CUENTA, MARKUP_HOLDER, MARKUP_NOTE
from swat_tui.store.engine import make_engine, read_session, write_session
from swat_tui.store.migrate import upgrade
from swat_tui.store.models import (
    Account,
    CmRegistration,
    DimeCase,
    Equipment,
    Incident,
    IncidentLink,
    Invoice,
    Note,
    NoteFolder,
    Payment,
    PlantCondition,
    Pqr,
    Service,
    WorkOrder,
)
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import dime as dime_queries
from swat_tui.store.queries import numbering, pqr_filing
from swat_tui.store.queries import visits as visit_queries

TODAY = date(2026, 11, 28)
SEED = 2026
ACCOUNTS = 200
DEMO_TABLES = (
    "account",
    "service",
    "equipment",
    "invoice",
    "payment",
    "discount_campaign",
    "account_discount",
    "incident",
    "note_folder",
    "note",
    "pqr",
    "work_order",
)
CHILD_TABLES = (
    "service",
    "equipment",
    "invoice",
    "payment",
    "account_discount",
    "note_folder",
    "note",
    "pqr",
    "work_order",
)

MOBILE = re.compile(r"^3(0\d|1\d|2[0-3]|5[01])\d{7}$")
FIXED = re.compile(r"^60[1-8]\d{7}$")
ADDRESS = re.compile(
    r"^(CL|CR|AV|DG|TV|AK|AC) \d{1,3}[ABC]? # \d{1,3}[ABC]?-\d{2}"
    r"( TO \d)?( AP \d{3,4}| CA \d{1,2})?$"
)
NODE = re.compile(r"^[A-Z]{3}-[A-Z]{2}-\d{4}$")
EMAIL = re.compile(r"^[a-z]+\.[a-z]+\d{0,2}@[a-z]+(\.[a-z]+)+$")
PERSON_NAME = re.compile(r"^([A-ZÁÉÍÓÚÑ][a-záéíóúüñ]+|del)( ([A-ZÁÉÍÓÚÑ][a-záéíóúüñ]+|del)){2,4}$")
DOCUMENTS = {
    "CC": re.compile(r"^\d{6,10}$"),
    "CE": re.compile(r"^\d{6,7}$"),
    "NIT": re.compile(r"^\d{9}$"),
    "PA": re.compile(r"^[A-Z]{2}\d{7}$"),
}
CUN = re.compile(r"^4410-\d{2}-\d{10}$")
INCIDENT_NUMBER = re.compile(r"^INC\d{9}$")


def _build(
    path: Path, *, accounts: int = ACCOUNTS, seed: int = SEED, today: date = TODAY
) -> tuple[Engine, DemoSummary]:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine, build_demo(engine, accounts=accounts, seed=seed, today=today)


def _fingerprint(path: Path) -> str:
    """A hash of every stored value of every demo table, read back with plain sqlite3."""
    digest = hashlib.sha256()
    connection = sqlite3.connect(path)
    try:
        for table in DEMO_TABLES:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, DemoSummary]]:
    engine, summary = _build(tmp_path_factory.mktemp("demo") / "demo.db")
    yield engine, summary
    engine.dispose()


@pytest.fixture
def session(demo: tuple[Engine, DemoSummary]) -> Iterator[Session]:
    with Session(demo[0]) as session:
        yield session


def _account(session: Session, key: str) -> Account:
    account = session.get(Account, SHOWCASE[key])
    assert account is not None, key
    return account


# ----------------------------------------------------------------- determinism


def test_same_inputs_give_identical_rows(tmp_path: Path) -> None:
    _build(tmp_path / "a.db")[0].dispose()
    _build(tmp_path / "b.db")[0].dispose()
    assert _fingerprint(tmp_path / "a.db") == _fingerprint(tmp_path / "b.db")


def test_another_seed_or_day_gives_other_rows(tmp_path: Path) -> None:
    _build(tmp_path / "a.db")[0].dispose()
    _build(tmp_path / "b.db", seed=SEED + 1)[0].dispose()
    _build(tmp_path / "c.db", today=TODAY + timedelta(days=1))[0].dispose()
    prints = {_fingerprint(tmp_path / name) for name in ("a.db", "b.db", "c.db")}
    assert len(prints) == 3


def test_direct_sqlite_path_stores_what_core_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path / "direct.db")[0].dispose()
    monkeypatch.setattr(writer, "DIRECT_SQLITE", False)
    _build(tmp_path / "core.db")[0].dispose()
    assert _fingerprint(tmp_path / "direct.db") == _fingerprint(tmp_path / "core.db")


def test_child_process_generation_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "BATCH_ACCOUNTS", 64)  # several batches through the pipe
    _build(tmp_path / "local.db")[0].dispose()
    monkeypatch.setattr(writer, "CHILD_PROCESS_MIN_ACCOUNTS", 0)
    seen: list[tuple[int, int]] = []
    engine = make_engine(f"sqlite:///{tmp_path / 'child.db'}")
    upgrade(engine)
    build_demo(
        engine,
        accounts=ACCOUNTS,
        seed=SEED,
        today=TODAY,
        progress=lambda done, total: seen.append((done, total)),
    )
    engine.dispose()
    assert seen == [(64, 200), (128, 200), (192, 200), (200, 200)]
    assert _fingerprint(tmp_path / "child.db") == _fingerprint(tmp_path / "local.db")


def test_a_failing_child_process_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "CHILD_PROCESS_MIN_ACCOUNTS", 0)
    monkeypatch.setattr("sys.executable", "/bin/false")
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    upgrade(engine)
    with pytest.raises(RuntimeError, match="demo generator process failed"):
        build_demo(engine, accounts=ACCOUNTS, seed=SEED, today=TODAY)
    engine.dispose()


# ----------------------------------------------------------------- summary and keys


def test_summary_counts_what_was_written(demo: tuple[Engine, DemoSummary]) -> None:
    engine, summary = demo
    assert summary.accounts == ACCOUNTS
    assert summary.seconds >= 0
    with engine.connect() as connection:
        for table in DEMO_TABLES:
            stored = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            assert summary.rows.get(table, 0) == stored, table
    assert summary.rows["account"] == ACCOUNTS
    assert 4 <= summary.rows["discount_campaign"] <= 6


def test_cuentas_are_consecutive_eight_digit_numbers(session: Session) -> None:
    cuentas = session.exec(select(Account.cuenta).order_by(col(Account.cuenta))).all()
    assert cuentas == list(range(FIRST_CUENTA, FIRST_CUENTA + ACCOUNTS))


def test_every_related_row_points_at_an_existing_account(demo: tuple[Engine, DemoSummary]) -> None:
    with demo[0].connect() as connection:
        for table in CHILD_TABLES:
            orphans = connection.exec_driver_sql(
                f"SELECT count(*) FROM {table} t LEFT JOIN account a ON a.cuenta = t.cuenta "
                "WHERE a.cuenta IS NULL"
            ).scalar()
            assert orphans == 0, table
        wrong_folder = connection.exec_driver_sql(
            "SELECT count(*) FROM note n JOIN note_folder f ON f.id = n.folder_id "
            "WHERE f.cuenta != n.cuenta"
        ).scalar()
        assert wrong_folder == 0
        bad_campaign = connection.exec_driver_sql(
            "SELECT count(*) FROM account_discount d LEFT JOIN discount_campaign c "
            "ON c.id = d.campaign_id WHERE c.id IS NULL"
        ).scalar()
        assert bad_campaign == 0
        bad_matriz = connection.exec_driver_sql(
            "SELECT count(*) FROM account a LEFT JOIN account m ON m.cuenta = a.cuenta_matriz "
            "WHERE a.cuenta_matriz IS NOT NULL AND m.cuenta IS NULL"
        ).scalar()
        assert bad_matriz == 0


# ----------------------------------------------------------------- showcase


def test_showcase_keys_are_the_first_cuentas() -> None:
    assert set(SHOWCASE) >= {
        "activa",
        "cancelado_debe",
        "cancelado",
        "cancelado_credito",
        "cartera_castigada",
        "blacklist",
        "pqr_pending",
        "visit_scheduled",
        "visit_unscheduled",
        "everything",
        "aviso",
        "markup",
        "many_accounts_document",
        "shared_phone",
        "no_services",
    }
    assert min(SHOWCASE.values()) == FIRST_CUENTA
    assert max(SHOWCASE.values()) < FIRST_CUENTA + 64
    assert len(set(SHOWCASE.values())) == len(SHOWCASE)


@pytest.mark.parametrize(
    ("key", "status", "balance_sign"),
    [
        ("activa", "ACTIVA", None),
        ("cancelado_debe", "CANCELADO DEBE", 1),
        ("cancelado", "CANCELADO", 0),
        ("cancelado_credito", "CANCELADO CREDITO", -1),
        ("cartera_castigada", "CARTERA CASTIGADA", 1),
    ],
)
def test_one_showcase_account_per_status(
    session: Session, key: str, status: str, balance_sign: int | None
) -> None:
    account = _account(session, key)
    assert account.status == status
    assert not account.blacklist
    if balance_sign is not None:
        assert (account.balance > 0) - (account.balance < 0) == balance_sign
    services = session.exec(select(Service.kind).where(Service.cuenta == account.cuenta)).all()
    assert sorted(services) == ["internet", "tv", "voz"]
    assert account.monthly_rent > 0


def _special_notes(session: Session, cuenta: int) -> list[str]:
    return list(
        session.exec(
            select(Note.text).where(Note.cuenta == cuenta, col(Note.folder_id).is_(None))
        ).all()
    )


def _open_pqrs(session: Session, cuenta: int) -> list[Pqr]:
    return list(
        session.exec(select(Pqr).where(Pqr.cuenta == cuenta, Pqr.status == "ABIERTA")).all()
    )


def _orders(session: Session, cuenta: int) -> list[WorkOrder]:
    return list(session.exec(select(WorkOrder).where(WorkOrder.cuenta == cuenta)).all())


def test_blacklisted_showcase_has_the_fraud_note(session: Session) -> None:
    account = _account(session, "blacklist")
    assert account.blacklist and account.status == "ACTIVA"
    notes = _special_notes(session, account.cuenta)
    assert any("SUPLANTACION" in text and "VALIDAR" in text for text in notes)


def test_pqr_pending_was_filed_exactly_twelve_days_ago(session: Session) -> None:
    cuenta = SHOWCASE["pqr_pending"]
    [pqr] = _open_pqrs(session, cuenta)
    assert pqr.filed_at.tzinfo is not None
    assert pqr.filed_at.astimezone(BOGOTA).date() == TODAY - timedelta(days=12)
    assert pqr.due_on > TODAY - timedelta(days=12)
    assert pqr.radicado
    assert _account(session, "pqr_pending").status == "ACTIVA"


def _assert_scheduled(order: WorkOrder) -> None:
    assert order.slot_start is not None and order.slot_end is not None
    assert order.slot_end - order.slot_start == timedelta(hours=2)
    assert order.slot_start.astimezone(BOGOTA).date() > TODAY


def test_visit_showcases(session: Session) -> None:
    [scheduled] = _orders(session, SHOWCASE["visit_scheduled"])
    assert (scheduled.kind, scheduled.status) == ("LLS", "AGENDADA")
    _assert_scheduled(scheduled)
    [unscheduled] = _orders(session, SHOWCASE["visit_unscheduled"])
    assert (unscheduled.kind, unscheduled.status) == ("OT", "PENDIENTE")
    assert unscheduled.slot_start is None and unscheduled.slot_end is None


def test_everything_showcase_has_every_flag(session: Session) -> None:
    account = _account(session, "everything")
    assert account.status == "CANCELADO DEBE" and account.blacklist
    assert account.balance > 0
    assert _special_notes(session, account.cuenta)
    assert len(_open_pqrs(session, account.cuenta)) == 1
    orders = {(o.kind, o.status): o for o in _orders(session, account.cuenta)}
    assert set(orders) == {("LLS", "AGENDADA"), ("OT", "PENDIENTE")}
    _assert_scheduled(orders[("LLS", "AGENDADA")])


def test_aviso_showcase_node_has_an_open_masiva(session: Session) -> None:
    """Only the showcase accounts meant to carry an aviso are on a node with one."""
    with_aviso = ("aviso", "everything", "aviso_repeat")
    for case in with_aviso:
        node = _account(session, case).node
        open_on_node = session.exec(
            select(Incident).where(Incident.node == node, Incident.status == "ABIERTO")
        ).all()
        assert any(i.kind == "masiva" for i in open_on_node), case
    others = session.exec(
        select(Account.node).where(
            col(Account.cuenta).in_([c for k, c in SHOWCASE.items() if k not in with_aviso])
        )
    ).all()
    assert node not in others
    open_elsewhere = session.exec(
        select(func.count())
        .select_from(Incident)
        .where(col(Incident.node).in_(others), Incident.status == "ABIERTO")
    ).one()
    assert open_elsewhere == 0


def test_support_showcase_accounts_have_their_plant_and_agenda(session: Session) -> None:
    """The support showcase cases: each plant condition on its account's devices, the
    repeat caller's earlier report of the aviso, the zones of the visit cases."""
    conditions = {
        (row.cuenta, row.kind): condition
        for condition, row in session.exec(
            select(PlantCondition, Equipment).where(
                PlantCondition.equipment_id == Equipment.id,
                col(Equipment.cuenta).in_(SHOWCASE.values()),
            )
        ).all()
    }
    modem = {key: conditions.get((SHOWCASE[key], "modem")) for key in SHOWCASE}
    assert (modem["cm_offline"].cm_state, modem["cm_offline"].after_restart) == (  # type: ignore[union-attr]
        "offline",
        "offline",
    )
    assert modem["cm_init"].after_restart == "online"  # type: ignore[union-attr]
    assert modem["cm_levels"].levels == "snr_bajo"  # type: ignore[union-attr]
    assert modem["cm_upstream"].levels == "us_alto"  # type: ignore[union-attr]
    mismatch = modem["serial_mismatch"]
    assert mismatch is not None and mismatch.seen_serial
    rr_serial = session.exec(
        select(Equipment.serial).where(Equipment.id == mismatch.equipment_id)
    ).one()
    assert mismatch.seen_serial != rr_serial and len(mismatch.seen_serial) == len(rr_serial)
    decoder = conditions[(SHOWCASE["decoder_alarm"], "decoder")]
    assert decoder.alarm and decoder.alarm.startswith("E16")
    assert modem["activa"] is None  # showcase accounts draw nothing
    unprovisioned = session.exec(
        select(Service.kind).where(
            Service.cuenta == SHOWCASE["not_provisioned"], col(Service.provisioned).is_(False)
        )
    ).all()
    assert unprovisioned == ["voz"]
    [report] = session.exec(
        select(IncidentLink).where(IncidentLink.cuenta == SHOWCASE["aviso_repeat"])
    ).all()
    assert report.call_id is None and report.agent == "IVR"
    assert _account(session, "agenda_full").node.startswith("BOG-US-")
    assert _account(session, "visit_needed").node.startswith("BOG-CH-")


def test_markup_is_stored_literally(demo: tuple[Engine, DemoSummary]) -> None:
    cuenta = SHOWCASE["markup"]
    with demo[0].connect() as connection:
        name = connection.exec_driver_sql(
            "SELECT holder_name FROM account WHERE cuenta = ?", (cuenta,)
        ).scalar()
        notes = connection.exec_driver_sql(
            "SELECT text FROM note WHERE cuenta = ? AND folder_id IS NULL", (cuenta,)
        ).scalars()
        assert name == MARKUP_HOLDER == "Ana [bold]Ruiz[/] Muñoz"
        assert MARKUP_NOTE in list(notes)
    assert "[link=http://x]clic[/link] y [red]rojo[/]" in MARKUP_NOTE


def test_one_document_holds_fifteen_accounts(session: Session) -> None:
    first = _account(session, "many_accounts_document")
    same = session.exec(
        select(Account)
        .where(Account.document_number == first.document_number)
        .order_by(col(Account.cuenta))
    ).all()
    assert len(same) == 15
    assert same[0].cuenta == first.cuenta
    assert [a.cuenta for a in same] == list(range(first.cuenta, first.cuenta + 15))
    assert {(a.document_type, a.holder_name) for a in same} == {("CC", first.holder_name)}
    assert len({a.address for a in same}) == 15


def test_three_accounts_share_a_mobile(session: Session) -> None:
    first = _account(session, "shared_phone")
    sharing = session.exec(select(Account).where(Account.phone_mobile == first.phone_mobile)).all()
    assert len(sharing) == 3
    assert len({a.document_number for a in sharing}) == 3


def test_matriz_without_services_and_its_apartment(session: Session) -> None:
    matriz = _account(session, "no_services")
    assert matriz.document_type == "NIT" and matriz.cuenta_matriz is None
    assert session.exec(select(Service).where(Service.cuenta == matriz.cuenta)).all() == []
    assert session.exec(select(Invoice).where(Invoice.cuenta == matriz.cuenta)).all() == []
    unit = _account(session, "building_unit")
    assert unit.cuenta_matriz == matriz.cuenta
    assert unit.address.startswith(matriz.address + " AP ")
    assert unit.node == matriz.node


def test_apartments_of_a_building_have_distinct_addresses(session: Session) -> None:
    units = session.exec(
        select(Account.cuenta_matriz, Account.address).where(
            col(Account.cuenta_matriz).is_not(None)
        )
    ).all()
    assert units
    assert len(set(units)) == len(units)


def test_swat_folder_showcase(session: Session) -> None:
    cuenta = SHOWCASE["swat_folder"]
    [folder] = session.exec(select(NoteFolder).where(NoteFolder.cuenta == cuenta)).all()
    assert folder.name == "SWAT"
    notes = session.exec(select(Note).where(Note.folder_id == folder.id)).all()
    assert len(notes) == 2 and all(len(n.text) > 100 for n in notes)


@pytest.mark.parametrize("technology", ["DVB", "ATSC", "NAGRA", "TVBOX", "FIBRA"])
def test_tv_technology_showcases(session: Session, technology: str) -> None:
    cuenta = SHOWCASE[f"tv_{technology.lower()}"]
    tv = session.exec(select(Service).where(Service.cuenta == cuenta, Service.kind == "tv")).one()
    assert tv.tv_technology == technology
    kinds = session.exec(select(Equipment.kind).where(Equipment.cuenta == cuenta)).all()
    assert ("smart_card" in kinds) == (technology in ("DVB", "NAGRA"))
    assert "decoder" in kinds


def test_small_builds_have_no_showcase(tmp_path: Path) -> None:
    engine, summary = _build(tmp_path / "small.db", accounts=30)
    with Session(engine) as session:
        names = session.exec(select(Account.holder_name)).all()
    engine.dispose()
    assert summary.rows["account"] == len(names) == 30
    assert MARKUP_HOLDER not in names


# ----------------------------------------------------------------- formats


def _cities() -> dict[str, dict[str, str]]:
    with (data_dir() / "cities.csv").open(encoding="utf-8") as handle:
        return {row["city"]: row for row in csv.DictReader(handle)}


def test_account_fields_have_colombian_formats(session: Session) -> None:
    cities = _cities()
    accounts = session.exec(select(Account)).all()
    for a in accounts:
        city = cities[a.city]
        assert a.department == city["department"]
        assert NODE.match(a.node) and a.node.startswith(city["node_prefix"] + "-"), a.node
        assert ADDRESS.match(a.address), a.address
        assert a.phone_mobile is None or MOBILE.match(a.phone_mobile), a.phone_mobile
        if a.phone_fixed is not None:
            assert FIXED.match(a.phone_fixed) and a.phone_fixed.startswith(city["area_code"])
        assert a.email is None or EMAIL.match(a.email), a.email
        assert DOCUMENTS[a.document_type].match(a.document_number), a.document_number
        if a.document_type != "NIT" and a.cuenta != SHOWCASE["markup"]:
            assert PERSON_NAME.match(a.holder_name), a.holder_name
        assert 1 <= a.estrato <= 6
        assert a.billing_cutoff_day in (1, 5, 10, 15, 20, 25)
        assert TODAY - timedelta(days=12 * 366) <= a.activated_on <= TODAY
    assert any(re.search(r"[áéíóúñ]", a.holder_name) for a in accounts)
    statuses = {a.status for a in accounts}
    assert statuses == {
        "ACTIVA",
        "CANCELADO DEBE",
        "CANCELADO",
        "CANCELADO CREDITO",
        "CARTERA CASTIGADA",
    }
    random_part = [a for a in accounts if a.cuenta >= FIRST_CUENTA + 64]
    assert sum(a.status == "ACTIVA" for a in random_part) > len(random_part) / 2


def test_monthly_rent_is_what_sac021_shows(session: Session) -> None:
    """The rent the demo bills is the plans plus the equipment beyond what they include,
    exactly what F13+F15 (SAC021) adds up for the account."""
    from swat_tui.domain.billing.rent import default_catalog, rent_view_in

    catalog = default_catalog()
    for service in session.exec(select(Service)).all():
        assert (service.tv_technology is not None) == (service.kind == "tv")
    billed = ("ACTIVA", "CANCELADO DEBE", "CANCELADO CREDITO")  # the services still bill
    accounts = session.exec(select(Account).where(col(Account.status).in_(billed))).all()
    assert len(accounts) > 100
    for account in accounts:
        assert account.monthly_rent == rent_view_in(session, account, catalog=catalog).total, (
            account.cuenta
        )


def test_equipment_serials_are_unique_and_match_services(session: Session) -> None:
    equipment = session.exec(select(Equipment)).all()
    serials = [e.serial for e in equipment]
    assert len(serials) == len(set(serials))
    assert {e.kind for e in equipment} == {"modem", "decoder", "smart_card"}
    modems = {e.cuenta for e in equipment if e.kind == "modem"}
    internet = set(session.exec(select(Service.cuenta).where(Service.kind == "internet")).all())
    assert modems == internet
    for e in equipment:
        assert re.match(r"^[A-Z0-9]{4,10}[0-9A-F]{8}$|^0[01]\d{10}$", e.serial), e.serial
    decoders = [e for e in equipment if e.kind == "decoder"]
    assert any(d.model == "Motorola DCX3200" for d in decoders) or any(
        "ATSC" in d.model or "Motorola" in d.model for d in decoders
    )


def test_invoices_and_payments_cover_the_last_three_months(session: Session) -> None:
    invoices = session.exec(select(Invoice)).all()
    cutoff = dict(session.exec(select(Account.cuenta, Account.billing_cutoff_day)).all())
    assert len({i.number for i in invoices}) == len(invoices)
    for invoice in invoices:
        assert re.match(r"^\d{4}-\d{2}$", invoice.period)
        assert TODAY - timedelta(days=92) < invoice.issued_on <= TODAY
        assert invoice.due_on > invoice.issued_on
        assert invoice.issued_on.day == cutoff[invoice.cuenta]
        assert invoice.delivery in ("fisica", "digital")
        assert invoice.amount >= invoice.extra_charges >= 0
    assert any(i.extra_charges > 0 for i in invoices)
    channels = {p.channel for p in session.exec(select(Payment)).all()}
    assert channels <= {
        "Efecty",
        "PSE",
        "Baloto",
        "Bancolombia",
        "Punto de pago Claro",
        "Débito automático",
    }
    assert len(channels) >= 4


def test_cases_and_avisos_have_their_formats(session: Session) -> None:
    incidents = session.exec(select(Incident)).all()
    assert any(i.status == "ABIERTO" for i in incidents)
    assert any(i.status == "CERRADO" for i in incidents)
    for incident in incidents:
        assert INCIDENT_NUMBER.match(incident.number)
        assert 1 <= incident.priority <= 4 and incident.kind in ("masiva", "puntual")
        assert (incident.closed_at is None) == (incident.status == "ABIERTO")
    for pqr in session.exec(select(Pqr)).all():
        assert pqr.cun is None or CUN.match(pqr.cun), pqr.cun
        if pqr.status == "ABIERTA":
            days = (TODAY - pqr.filed_at.astimezone(BOGOTA).date()).days
            assert 1 <= days <= 40
    for order in session.exec(select(WorkOrder)).all():
        if order.status == "AGENDADA":
            _assert_scheduled(order)
        if order.status == "PENDIENTE":
            assert order.slot_start is None


def test_every_blacklisted_account_has_a_special_note(session: Session) -> None:
    blacklisted = session.exec(select(Account.cuenta).where(Account.blacklist)).all()
    assert len(blacklisted) >= 2
    for cuenta in blacklisted:
        assert _special_notes(session, cuenta), cuenta


def test_every_zone_of_the_store_has_a_wfm_agenda_and_one_is_full(session: Session) -> None:
    """The agenda covers each dispatch zone of the accounts' nodes; the
    plan's full zone has no free place (a visit there goes to the CGO form)."""
    from swat_tui.store.demo.agenda import load_plan
    from swat_tui.store.models import WfmSlot
    from swat_tui.store.queries.agenda import zone_of

    slots = session.exec(select(WfmSlot)).all()
    zones = {zone_of(node) for node in session.exec(select(Account.node)).all()}
    assert zones <= {slot.zone for slot in slots}
    full = load_plan().full_zone
    assert full in zones
    assert all(s.booked == s.capacity for s in slots if s.zone == full)
    assert any(s.booked < s.capacity for s in slots if s.zone != full)
    assert all(0 <= s.booked <= s.capacity for s in slots)


def test_every_installed_modem_is_registered_on_its_node(session: Session) -> None:
    """The CMTS registry the Diagnosticador reads the neighbours from lists exactly the
    installed modems, each on its account's node."""
    installed = session.exec(
        select(Account.node, Equipment.cuenta, Equipment.id, Equipment.serial).where(
            Equipment.cuenta == Account.cuenta,
            Equipment.kind == "modem",
            Equipment.status == "INSTALADO",
        )
    ).all()
    registered = session.exec(
        select(
            CmRegistration.node,
            CmRegistration.cuenta,
            CmRegistration.equipment_id,
            CmRegistration.serial,
        )
    ).all()
    assert installed and sorted(registered) == sorted(installed)


# ----------------------------------------------------------------- numbers after the demo


def test_the_first_numbers_after_the_demo_follow_its_highest(store_engine: Engine) -> None:
    """The demo bulk-writes its numbers without the counters; it leaves each counter at
    the highest number it wrote, so the first an agent takes after ``swat demo`` is new."""
    build_demo(store_engine, accounts=ACCOUNTS, seed=SEED, today=TODAY)
    with read_session(store_engine) as session:
        written = {
            "orders": list(session.exec(select(WorkOrder.number))),
            "DIME": list(session.exec(select(DimeCase.number))),
            "INC": list(session.exec(select(Incident.number))),
            "RAD": list(session.exec(select(Pqr.radicado))),
            "CUN": [cun for cun in session.exec(select(Pqr.cun)) if cun],
        }
    highest: dict[str, int] = {}
    for prefix, numbers in (
        ("LLS", [n for n in written["orders"] if n.startswith("LLS")]),
        ("OT", [n for n in written["orders"] if n.startswith("OT")]),
        ("DIME", written["DIME"]),
        ("INC", written["INC"]),
        ("RAD", written["RAD"]),
    ):
        assert numbers, prefix  # the demo writes every kind
        highest[prefix] = max(int(number[len(prefix) :]) for number in numbers)
    for cun in written["CUN"]:  # one counter per provider and year
        highest[cun[:8]] = max(highest.get(cun[:8], 0), int(cun[8:]))
    assert len(highest) > 5

    with write_session(store_engine) as session:
        assert numbering.counters(session.connection()) == highest
        first = {
            "LLS": visit_queries.next_number(session, kind="LLS"),
            "OT": visit_queries.next_number(session, kind="OT"),
            "DIME": dime_queries.next_number(session),
            "INC": aviso_queries.next_incident_number(session),
            "RAD": pqr_filing.next_radicado(session),
        }
    every = {*written["orders"], *written["DIME"], *written["INC"], *written["RAD"]}
    widths = {"LLS": 9, "OT": 10, "DIME": 8, "INC": 9, "RAD": 10}
    for prefix, number in first.items():
        assert number == f"{prefix}{highest[prefix] + 1:0{widths[prefix]}d}"
        assert number not in every
