"""The training store: where training calls, scenario accounts and scorecards live.

Training never touches real records. A trainee's scenario call runs on a store
of its own, built with the demo (the same seed as the real store's, so the
showcase accounts a scenario names are there), where each scenario with inline
rows writes its account fresh before a run. Exports, KPIs and real searches
read the real store, so they never see training.

Where it is: for SQLite, ``training.db`` beside the real store's file; for
PostgreSQL, ``SWAT_TRAINING_DB_URL`` when set, else the real URL with the
database's name + ``_training`` (created once by the operator: this module
never creates a database on a server).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import make_url

from swat_tui.config import BOGOTA, Settings
from swat_tui.domain.bootstrap import (
    DEMO_USERS,
    StoreError,
    open_store,
    store_counts,
    store_errors,
)
from swat_tui.domain.call.ucc import UccCatalog
from swat_tui.domain.services import Services
from swat_tui.domain.training.scenario import Scenario
from swat_tui.store.demo import SHOWCASE, SHOWCASE_MIN_ACCOUNTS
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.queries.accounts import get_account
from swat_tui.store.queries.agents import list_agents
from swat_tui.store.queries.training_profiles import copy_profile
from swat_tui.store.scenario_rows import write_account

TRAINING_DB_URL_ENV = "SWAT_TRAINING_DB_URL"
TRAINING_FILE = "training.db"
TRAINING_SUFFIX = "_training"
TRAINING_MAX_ACCOUNTS = 500  # every showcase account and some others: built in a few seconds


def training_url(real_url: str, *, env: Mapping[str, str] | None = None) -> str:
    """The training store's URL for the real store at ``real_url`` (see the module)."""
    parsed = make_url(real_url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if not database or database == ":memory:":
            return "sqlite://"  # an in-memory real store: an in-memory training one
        path = Path(database).expanduser()
        training = path.with_name(TRAINING_FILE)
        if training == path:  # the real store is itself called training.db
            training = path.with_name(f"{path.stem}{TRAINING_SUFFIX}{path.suffix}")
        return parsed.set(database=str(training)).render_as_string(hide_password=False)
    chosen = (os.environ if env is None else env).get(TRAINING_DB_URL_ENV, "").strip()
    if chosen:
        return chosen
    name = f"{parsed.database or parsed.username or 'swat'}{TRAINING_SUFFIX}"
    return parsed.set(database=name).render_as_string(hide_password=False)


def training_settings(settings: Settings, *, env: Mapping[str, str] | None = None) -> Settings:
    """The real ``settings`` pointed at the training store, with a demo build that has
    the showcase accounts (the real seed, at most the default size)."""
    accounts = min(max(settings.seed_demo_accounts, SHOWCASE_MIN_ACCOUNTS), TRAINING_MAX_ACCOUNTS)
    return replace(
        settings, db_url=training_url(settings.db_url, env=env), seed_demo_accounts=accounts
    )


def open_training_services(
    settings: Settings, *, real: Services | None, env: Mapping[str, str] | None = None
) -> Services:
    """Services on the training store of the real ``settings``: migrated, built with the
    demo on first use, its profiles copied from ``real`` (the demo users without it).

    Raises ``StoreError`` with one Spanish line, e.g. for a PostgreSQL training
    database not created yet (saying how to create it)."""
    trained = training_settings(settings, env=env)
    try:
        engine = open_store(trained)
    except StoreError as error:
        raise _explained(error, trained.db_url) from error
    services = Services.create(engine, trained.clock, td_dir=trained.td_dir)
    with store_errors(engine):
        UccCatalog(engine).ensure_loaded()
        if store_counts(engine)[1] == 0:
            from swat_tui.store.demo import build_demo

            build_demo(
                engine,
                accounts=trained.seed_demo_accounts,
                seed=trained.demo_seed,
                today=trained.clock().astimezone(BOGOTA).date(),
            )
        sync_profiles(services, real)
    return services


def sync_profiles(training: Services, real: Services | None) -> int:
    """Copy every profile of ``real`` (user name, display name, role; never a password)
    into the training store, or the demo users when there is no real store; how many
    were added or changed. Profiles are never removed: training calls point at them."""
    if real is not None:
        with read_session(real.engine) as session:
            profiles = [(a.username, a.display_name, a.role) for a in list_agents(session)]
    else:
        profiles = [(u.username, u.display_name, u.role.value) for u in DEMO_USERS]
    at = training.clock()
    changed = 0
    with write_session(training.engine) as session:
        for username, display_name, role in profiles:
            changed += copy_profile(
                session, username=username, display_name=display_name, role=role, at=at
            )
    return changed


def materialise(services: Services, scenario: Scenario) -> int | None:
    """The cuenta the scenario's call is about, its rows written fresh when it has its
    own; None when the caller has no account. Raises the store's ``AccountInUse`` while
    a call on that account is still open."""
    situation = scenario.account
    if situation.showcase is not None:
        if situation.showcase not in SHOWCASE:
            raise ValueError(f"Cuenta de muestra desconocida: {situation.showcase!r}")
        return SHOWCASE[situation.showcase]
    if situation.rows is None:
        return None
    today = services.clock().astimezone(BOGOTA).date()
    with store_errors(services.engine), write_session(services.engine) as session:
        return write_account(session, situation.rows, today=today)


def _explained(error: StoreError, url: str) -> StoreError:
    """A missing PostgreSQL training database, said with how to create it."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or "no existe" not in str(error):
        return error
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    return StoreError(
        f"La base de entrenamiento {parsed.database!r} no existe en el servidor {where}: "
        f"créela una vez con «createdb {parsed.database}» (o CREATE DATABASE "
        f"{parsed.database};) o indique otra con {TRAINING_DB_URL_ENV}."
    )


__all__ = [
    "TRAINING_DB_URL_ENV",
    "materialise",
    "open_training_services",
    "sync_profiles",
    "training_settings",
    "training_url",
]


def as_the_holder(services: Services, scenario: Scenario, cuenta: int | None) -> Scenario:
    """A holder calling about a showcase account *is* its holder in this training store:
    their name and document are the account's (a demo's names depend on the day it was
    built), so the caller never contradicts what RR shows the trainee."""
    caller = scenario.caller
    if cuenta is None or scenario.account.showcase is None or caller.relation != "titular":
        return scenario
    with read_session(services.engine) as session:
        account = get_account(session, cuenta=cuenta)
        if account is None:
            return scenario
        name, document = account.holder_name, account.document_number
    answers = dict(caller.answers)
    for field, old, new in (
        ("caller_name", caller.name, name),
        ("caller_document", caller.document, document),
    ):
        if answers.get(field, old) == old:
            answers[field] = new
    return replace(scenario, caller=replace(caller, name=name, document=document, answers=answers))
