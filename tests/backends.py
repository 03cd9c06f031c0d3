"""The two store backends the store, domain, CLI and concurrency tests run on.

SQLite is a file of the test's own. PostgreSQL is a database of the test's own on
the throwaway server ``.ci/pg-start`` starts (``SWAT_TEST_PG_URL``, the URL of its
``postgres`` database): each xdist worker migrates one template database once (and
builds one demo template when a test asks for the demo), and each test gets a clone,
which takes a tenth of a second where migrating takes seconds.

Without a server the PostgreSQL half of each test is skipped with the reason; under
``CI=true`` it fails instead, so CI always proves both backends.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

PG_URL_ENV = "SWAT_TEST_PG_URL"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = (SQLITE, POSTGRESQL)
# UI tests (snapshots, Pilot flows) and the tmux/browser tests run on SQLite alone:
# what they prove is the screen, and the store under them is proven by the rest.
SQLITE_ONLY_DIRS = ("tests/ui/", "tests/e2e/", "tests/explorer/")
NO_SERVER = (
    f"PostgreSQL: {PG_URL_ENV} no está definido; arranque un servidor de prueba con "
    '`eval "$(.ci/pg-start)"` (lo hace .ci/run)'
)


def runs_on_both(nodeid: str, marked_sqlite_only: bool) -> bool:
    """Whether a test that uses a store is parametrised over both backends."""
    return not marked_sqlite_only and not nodeid.startswith(SQLITE_ONLY_DIRS)


def require_server() -> str:
    """The server's URL, or skip (fail under ``CI=true``) saying how to get one."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true exige PostgreSQL: {NO_SERVER}")
    pytest.skip(NO_SERVER)


class PgServer:
    """One worker's databases on the test server: templates and per-test clones."""

    def __init__(self, admin_url: str, worker: str) -> None:
        self.admin_url: URL = make_url(admin_url)
        self.prefix = f"swat_{worker}_{os.getpid()}"
        self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self._numbers = itertools.count(1)
        self._templates: dict[str, str] = {}

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server, as the program is given it."""
        return self.admin_url.set(database=database).render_as_string(hide_password=False)

    def new_name(self) -> str:
        return f"{self.prefix}_{next(self._numbers)}"

    def create(self, name: str, template: str | None = None) -> None:
        """Create ``name`` (empty, or a copy of ``template``), replacing any leftover."""
        self.drop(name)
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        with self._admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}{clause}"))

    def drop(self, name: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def template(self, kind: str, build: Callable[[str], None]) -> str:
        """The worker's template ``kind``, built once by ``build(url)``."""
        if kind not in self._templates:
            name = f"{self.prefix}_tpl_{kind}"
            self.create(name)
            build(self.url(name))
            self._templates[kind] = name
        return self._templates[kind]

    def close(self) -> None:
        for name in self._templates.values():
            self.drop(name)
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """This worker's share of the PostgreSQL test server (skips without one)."""
    server = PgServer(require_server(), os.environ.get("PYTEST_XDIST_WORKER", "gw"))
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the parameter ``pytest_generate_tests`` gave, else SQLite."""
    name: str = getattr(request, "param", SQLITE)
    if name == POSTGRESQL:
        require_server()
    return name


@pytest.fixture
def pg_database(request: pytest.FixtureRequest, backend: str) -> Iterator[str | None]:
    """The name of this test's own PostgreSQL database (created empty), or None on SQLite."""
    if backend != POSTGRESQL:
        yield None
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.new_name()
    server.create(name)
    yield name
    server.drop(name)


def migrate(url: str) -> None:
    """Bring the store at ``url`` to the newest schema (a template's builder)."""
    from swat_tui.store.engine import make_engine
    from swat_tui.store.migrate import upgrade

    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def fresh_pg_store(server: PgServer, name: str, kind: str, build: Callable[[str], None]) -> str:
    """Replace database ``name`` with a clone of the worker's ``kind`` template."""
    server.create(name, server.template(kind, build))
    return server.url(name)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that uses a store runs once per backend (see tests/backends.py)."""
    if "backend" not in metafunc.fixturenames:
        return
    if runs_on_both(
        metafunc.definition.nodeid, bool(metafunc.definition.get_closest_marker("sqlite_only"))
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def store_url(tmp_path: Path, pg_database: str | None, request: pytest.FixtureRequest) -> str:
    """URL of a store of this test's own: a SQLite file not created yet, or an empty
    PostgreSQL database."""
    if pg_database is None:
        return f"sqlite:///{tmp_path / 'swat.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.url(pg_database)


@pytest.fixture
def store_engine(
    store_url: str, pg_database: str | None, request: pytest.FixtureRequest
) -> Iterator[Engine]:
    """An engine on the test's store brought to the newest schema (on PostgreSQL, a
    clone of the worker's migrated template)."""
    if pg_database is None:
        from swat_tui.store.engine import make_engine
        from swat_tui.store.migrate import upgrade

        engine = make_engine(store_url)
        upgrade(engine)
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        from swat_tui.store.engine import make_engine

        engine = make_engine(fresh_pg_store(server, pg_database, "schema", migrate))
    yield engine
    engine.dispose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line for the PostgreSQL halves skipped for want of a server (instead of one
    line per test), so the reason is seen and the other skips stay readable."""
    skipped = terminalreporter.stats.get("skipped", [])
    without_server = [r for r in skipped if NO_SERVER in str(getattr(r, "longrepr", ""))]
    if without_server:
        terminalreporter.write_line(f"{len(without_server)} pruebas omitidas: {NO_SERVER}")
    others = len(skipped) - len(without_server)
    if others:
        terminalreporter.write_line(f"{others} pruebas omitidas por otras razones (-rs las lista)")
