"""Faults of the store: a server that stops in the middle of a call, and a store that
cannot be used at all (no database, a wrong password, no server, a newer schema, an
old server). The agent keeps what was typed and the call goes on; a command says one
line, exits 2, shows no traceback and never the password."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.store.demo.showcase import SHOWCASE
from swat_tui.store.engine import make_engine
from swat_tui.store.errors import UNAVAILABLE_MESSAGE, StoreBusy, StoreError
from swat_tui.store.migrate import require_supported
from tests.backends import require_server
from tests.desk_calls import DeskCall
from tests.ui.conftest import ui_settings

PG_START = Path(__file__).resolve().parent.parent / ".ci" / "pg-start"


def _swat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "swat_tui.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "SWAT_DB_URL"},
    )


def _one_clean_line(result: subprocess.CompletedProcess[str], password: str | None) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr + result.stdout
    if password:
        assert password not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("swat: error: "), result.stderr
    return lines[0]


@pytest.fixture
def server_url() -> str:
    """The test server's admin URL (with its password): PostgreSQL only."""
    return require_server()


def test_a_database_that_does_not_exist_is_one_line(server_url: str) -> None:
    url = make_url(server_url).set(database="no_existe_swat")
    line = _one_clean_line(
        _swat("--db", url.render_as_string(hide_password=False), "users", "list"),
        url.password and str(url.password),
    )
    assert "'no_existe_swat' no existe" in line


def test_a_wrong_password_is_one_line_that_does_not_repeat_it(server_url: str) -> None:
    url = make_url(server_url).set(password="Clave-Equivocada-77")
    line = _one_clean_line(
        _swat("--db", url.render_as_string(hide_password=False), "db", "upgrade"),
        "Clave-Equivocada-77",
    )
    assert "rechazó el usuario 'swat' o su contraseña" in line


def test_a_server_that_does_not_answer_is_one_line(server_url: str) -> None:
    url = make_url(server_url).set(port=1)  # nothing listens there
    line = _one_clean_line(
        _swat("--db", url.render_as_string(hide_password=False), "users", "list"),
        url.password and str(url.password),
    )
    assert "127.0.0.1:1 no responde" in line


def test_a_schema_newer_than_the_program_is_refused(store_engine: Engine, store_url: str) -> None:
    with store_engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999_futuro'"))
    for command in (("users", "list"), ("db", "upgrade")):
        line = _one_clean_line(_swat("--db", store_url, *command), make_url(store_url).password)
        assert "revisión '0999_futuro', más nueva que este programa" in line


def test_a_postgresql_older_than_13_is_refused(
    store_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store_engine.dialect.name != "postgresql":
        pytest.skip("the server's version is PostgreSQL's")
    with store_engine.connect():
        pass  # the dialect reads the server's version on the first connect
    monkeypatch.setattr(store_engine.dialect, "server_version_info", (12, 18))
    with pytest.raises(StoreError, match=r"PostgreSQL 12\.18 no es compatible"):
        require_supported(store_engine, None)


@pytest.fixture
def own_server(server_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A PostgreSQL cluster of this test's own, which it stops and starts: (url, dir)."""
    del server_url  # only to skip (or fail under CI) without a server
    started = subprocess.run([str(PG_START)], capture_output=True, text=True, check=True)
    values = dict(
        line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines()
    )
    url, folder = values["SWAT_TEST_PG_URL"], values["SWAT_TEST_PG_DIR"]
    yield url, folder
    subprocess.run([str(PG_START), "--stop", folder], check=False)


@pytest.mark.slow
def test_a_server_stopped_mid_call_loses_nothing_and_the_call_goes_on(
    own_server: tuple[str, str], tmp_path: Path
) -> None:
    """The write that meets the stopped server is refused with one row-24 text and
    changes nothing; once the server is back the same write goes through, and what
    was written before the stop is all there."""
    url, folder = own_server
    services: Services = open_services(replace(ui_settings(tmp_path / "x.db"), db_url=url))
    try:
        call = DeskCall.answered(services, SHOWCASE["aviso_final"])
        call.desk.call.set_field("caller_name", "Antes de la caída")
        subprocess.run([str(PG_START), "--down", folder], check=True)

        with pytest.raises(StoreBusy) as refused:
            call.desk.call.set_field("caller_document", "1020304050")
        assert refused.value.message == UNAVAILABLE_MESSAGE
        assert call.record.caller_document is None  # the desk's call is as it was

        subprocess.run([str(PG_START), "--up", folder], check=True)
        call.desk.call.set_field("caller_document", "1020304050")
        call_id = call.record.id
    finally:
        services.close()

    again = make_engine(url)
    try:
        with again.connect() as connection:
            stored = connection.execute(
                text("SELECT caller_name, caller_document FROM call WHERE id = :id"),
                {"id": call_id},
            ).one()
    finally:
        again.dispose()
    assert tuple(stored) == ("Antes de la caída", "1020304050")


def test_a_connection_the_server_dropped_is_replaced_before_the_next_intent(
    demo_services: Services,
) -> None:
    """A pooled connection killed by the server (a restart, an idle timeout, a DBA)
    is pinged before it is lent, found dead and replaced: the agent never sees it."""
    engine = demo_services.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("a server's connection")
    call = DeskCall.answered(demo_services, SHOWCASE["aviso_final"])
    dba = create_engine(engine.url, poolclass=NullPool)
    try:
        with dba.connect() as connection:
            killed = (
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND application_name = 'swat-tui'"
                    )
                )
                .scalars()
                .all()
            )
    finally:
        dba.dispose()
    assert killed and all(killed), "the desk's pool held a connection to drop"
    call.desk.call.set_field("caller_name", "Después del corte")
    assert call.record.caller_name == "Después del corte"
