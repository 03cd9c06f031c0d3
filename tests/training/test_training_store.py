"""The training store: where it is, how it opens, and that training never reaches the real one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlalchemy import select as sa_select
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import StoreError
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.training.scenario import (
    AccountRows,
    AccountSituation,
    Caller,
    ExpectedHandling,
    Mode,
    Scenario,
)
from swat_tui.domain.training.training_store import (
    TRAINING_DB_URL_ENV,
    materialise,
    open_training_services,
    sync_profiles,
    training_settings,
    training_url,
)
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role
from swat_tui.store.models import Account
from swat_tui.store.queries.agents import get_agent
from swat_tui.store.queries.training_profiles import NO_PASSWORD
from swat_tui.store.scenario_rows import AccountInUse
from tests.backends import PgServer
from tests.desk_calls import DeskCall
from tests.ui.conftest import ui_settings

CUENTA = 90_000_202
DOCUMENT = "79111222"
PHONE = "3124445566"


def scenario(account: AccountSituation) -> Scenario:
    return Scenario(
        id="PRUEBA-01",
        title="Prueba",
        level=1,
        objectives=("consultar PQR",),
        mode=Mode.PRACTICE,
        account=account,
        caller=Caller("Rosa Pinto", DOCUMENT, "titular", PHONE, "tranquilo"),
        expected=(ExpectedHandling("Pregunta por su queja", "pqr", "consultar"),),
        target_seconds=300,
    )


INLINE = AccountSituation(
    rows=AccountRows(
        account={
            "cuenta": CUENTA,
            "holder_name": "Rosa Pinto",
            "document_number": DOCUMENT,
            "phone_mobile": PHONE,
        },
        related={
            "services": ({"kind": "internet"},),
            "pqrs": ({"subject": "Cobro doble", "days_ago": 20},),
        },
    )
)


# ----------------------------------------------------------------- where it is


def test_sqlite_training_store_is_beside_the_real_file(tmp_path: Path) -> None:
    real = f"sqlite:///{tmp_path / 'datos' / 'swat.db'}"
    assert training_url(real) == f"sqlite:///{tmp_path / 'datos' / 'training.db'}"
    named = f"sqlite:///{tmp_path / 'training.db'}"
    assert training_url(named) == f"sqlite:///{tmp_path / 'training_training.db'}"
    assert training_url("sqlite://") == "sqlite://"


def test_postgresql_training_store_is_the_database_name_plus_training() -> None:
    real = "postgresql+psycopg://swat:s3cr3t@db.local:5433/swat"
    url = make_url(training_url(real, env={}))
    assert (url.database, url.host, url.port, url.password) == (
        "swat_training",
        "db.local",
        5433,
        "s3cr3t",
    )
    chosen = "postgresql+psycopg://otro@db2/entrenamiento"
    assert training_url(real, env={TRAINING_DB_URL_ENV: chosen}) == chosen


def test_training_settings_keep_the_seed_and_build_the_showcase(tmp_path: Path) -> None:
    real = replace(ui_settings(tmp_path / "swat.db"), seed_demo_accounts=0)
    trained = training_settings(real)
    assert trained.demo_seed == real.demo_seed and trained.clock is real.clock
    assert trained.seed_demo_accounts >= 64  # SHOWCASE_MIN_ACCOUNTS
    big = training_settings(replace(real, seed_demo_accounts=1_000_000))
    assert big.seed_demo_accounts == 500  # a training store is built in a few seconds


def test_a_missing_postgresql_training_database_says_how_to_create_it(
    pg_server: PgServer,
) -> None:
    real = Settings(db_url=pg_server.url("swat_no_such_db"))
    with pytest.raises(StoreError) as raised:
        open_training_services(real, real=None, env={})
    message = str(raised.value)
    assert "swat_no_such_db_training" in message and "createdb" in message
    assert "\n" not in message
    password = make_url(pg_server.url("x")).password
    if password:
        assert password not in message


# ----------------------------------------------------------------- opening it


@pytest.fixture
def stores(
    demo_services: Services, pg_database: str | None, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Services, Services]]:
    """The real demo store and its training store, opened as the app opens them."""
    url = demo_services.engine.url.render_as_string(hide_password=False)
    settings = replace(ui_settings(tmp_path / "swat.db"), db_url=url)
    server: PgServer | None = None
    if pg_database is not None:
        server = request.getfixturevalue("pg_server")
        server.create(f"{pg_database}_training")
    training = open_training_services(settings, real=demo_services, env={})
    yield demo_services, training
    training.close()
    if server is not None:
        server.drop(f"{pg_database}_training")


def test_the_training_store_has_the_showcase_and_the_profiles_without_passwords(
    stores: tuple[Services, Services], tmp_path: Path
) -> None:
    real, training = stores
    assert training.engine.url != real.engine.url
    if real.engine.dialect.name == "sqlite":
        assert training.engine.url.database == str(tmp_path / "training.db")
    with read_session(training.engine) as session:
        for cuenta in SHOWCASE.values():
            assert session.get(Account, cuenta) is not None
        agent = get_agent(session, username="ASESOR01")
        assert agent is not None and agent.password_hash == NO_PASSWORD
    with pytest.raises(DomainError):
        training.auth.sign_on("ASESOR01", "swat2026")


def test_profiles_are_synced_by_user_name(stores: tuple[Services, Services]) -> None:
    real, training = stores
    real.auth.create_agent("ASESOR09", "Nueva Asesora", Role.ASESOR, "clave-2026")
    assert sync_profiles(training, real) == 1
    assert sync_profiles(training, real) == 0
    with read_session(training.engine) as session:
        agent = get_agent(session, username="ASESOR09")
        assert agent is not None and agent.display_name == "Nueva Asesora"
        assert agent.password_hash == NO_PASSWORD


def test_opening_again_does_not_rebuild(stores: tuple[Services, Services], tmp_path: Path) -> None:
    real, training = stores
    materialise(training, scenario(INLINE))
    url = real.engine.url.render_as_string(hide_password=False)
    again = open_training_services(
        replace(ui_settings(tmp_path / "swat.db"), db_url=url), real=real, env={}
    )
    try:
        with read_session(again.engine) as session:
            assert session.get(Account, CUENTA) is not None
    finally:
        again.close()


# ----------------------------------------------------------------- materialise


def test_materialise_gives_the_cuenta_of_each_kind_of_scenario(
    stores: tuple[Services, Services],
) -> None:
    _, training = stores
    assert (
        materialise(training, scenario(AccountSituation(showcase="pqr_overdue")))
        == (SHOWCASE["pqr_overdue"])
    )
    assert materialise(training, scenario(AccountSituation())) is None
    assert materialise(training, scenario(INLINE)) == CUENTA
    with read_session(training.engine) as session:
        account = session.get(Account, CUENTA)
        assert account is not None and account.document_number == DOCUMENT


def test_materialise_refuses_while_a_call_on_the_account_is_open(
    stores: tuple[Services, Services],
) -> None:
    _, training = stores
    materialise(training, scenario(INLINE))
    DeskCall.answered(training, CUENTA).reception()
    with pytest.raises(AccountInUse):
        materialise(training, scenario(INLINE))


# ----------------------------------------------------------------- isolation


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: int(
                connection.execute(sa_select(func.count()).select_from(table)).scalar_one()
            )
            for table in SQLModel.metadata.sorted_tables
        }


def test_training_never_touches_the_real_store(stores: tuple[Services, Services]) -> None:
    real, training = stores
    before = _row_counts(real.engine)
    cuenta = materialise(training, scenario(INLINE))
    assert cuenta == CUENTA
    call = DeskCall.answered(training, CUENTA, ani=PHONE)
    call.through_interpretation("pqr", "Pregunta por su queja", subflow="1")
    call.desk.pqr.consult(CUENTA)
    call.desk.call.record_check("pqr_consultada", "informada")
    call.desk.call.advance()
    call.typify("PQR-CON-001")
    call.close()
    assert _row_counts(real.engine) == before
    for kind, text in (("documento", DOCUMENT), ("telefono", PHONE), ("cuenta", str(CUENTA))):
        with pytest.raises(DomainError):
            real.accounts.search(real.accounts.parse_query(kind, text))
    found = training.accounts.search(training.accounts.parse_query("documento", DOCUMENT))
    assert [row.cuenta for row in found.rows] == [CUENTA]
