"""``swat serve``: its options, the line it prints, its errors and its stop (no browser:
tests/e2e/test_serve_browser.py drives one)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.cli.web_server import SwatServer, app_command, local_url
from swat_tui.config import DB_URL_ENV, Settings

runner = CliRunner()
PASSWORD_URL = "postgresql+psycopg://swat:s3cr3t-pw@db.example/swat"


def test_help_names_every_option_in_spanish() -> None:
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for option in ("--host", "--port", "--public-url", "--db"):
        assert option in result.stdout
    assert "127.0.0.1" in result.stdout and "8000" in result.stdout
    assert "navegadores" in result.stdout


def test_the_line_it_prints_masks_the_password_and_the_tabs_get_the_url_by_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import swat_tui.domain.bootstrap

    class Opened:
        def close(self) -> None:
            pass

    opened: list[str] = []

    def open_services(settings: Settings) -> Opened:
        opened.append(settings.db_url)
        return Opened()

    monkeypatch.setattr(swat_tui.domain.bootstrap, "open_services", open_services)
    servers: list[SwatServer] = []

    def bound(self: SwatServer, debug: bool = False) -> None:
        servers.append(self)
        self._listening()

    monkeypatch.setattr(SwatServer, "serve", bound)
    monkeypatch.setenv(DB_URL_ENV, "restored after the test")
    result = runner.invoke(app, ["serve", "--db", PASSWORD_URL, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert opened == [PASSWORD_URL]  # the store is opened (and seeded) before listening
    [line, stopped] = result.stdout.splitlines()
    assert "http://127.0.0.1:8123" in line and "swat:***@db.example/swat" in line
    assert "s3cr3t" not in result.output and stopped == "swat serve: detenido."
    # Each tab's swat finds the store in its environment, not on its command line.
    assert os.environ[DB_URL_ENV] == PASSWORD_URL
    [server] = servers
    assert server.command == app_command() and "s3cr3t" not in server.command
    assert (server.host, server.port, server.public_url) == (
        "127.0.0.1",
        8123,
        local_url("127.0.0.1", 8123),
    )


def test_each_tab_runs_this_same_program() -> None:
    """Through a shell, as textual-serve runs it; the shell ``exec``s the app, so the
    app's parent is the server (a killed server is seen: ui/parent_watch.py)."""
    result = subprocess.run(
        f"{app_command()} serve --help",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert result.returncode == 0 and "--public-url" in result.stdout


def test_an_ipv6_host_is_bracketed_in_urls() -> None:
    assert local_url("::1", 8000) == "http://[::1]:8000"
    assert local_url("0.0.0.0", 80) == "http://0.0.0.0:80"


def test_a_public_url_without_scheme_is_one_line() -> None:
    result = runner.invoke(app, ["serve", "--public-url", "swat.example.co"])
    assert result.exit_code == 2
    assert result.stderr.startswith("swat: error: --public-url debe empezar por http")


def _small_store(url: str) -> str:
    """A demo store of five accounts at ``url`` (SQLite or PostgreSQL)."""
    built = runner.invoke(app, ["demo", "--db", url, "--accounts", "5", "--seed", "1"])
    assert built.exit_code == 0, built.output
    return url


def test_a_port_in_use_is_one_line_without_traceback(store_url: str) -> None:
    url = _small_store(store_url)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            app, ["serve", "--port", str(port)], obj=Settings(db_url=url, seed_demo_accounts=0)
        )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"swat: error: No se puede escuchar en http://127.0.0.1:{port}: el puerto ya está en uso."
    ]


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_it_serves_the_page_through_the_public_url_and_stops_cleanly(
    store_url: str, tmp_path: Path, stop: signal.Signals
) -> None:
    url = _small_store(store_url)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != DB_URL_ENV}
    command = [sys.executable, "-m", "swat_tui.cli.main", "serve", "--db", url]
    public = "https://swat.example.co"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port), "--public-url", f"{public}/"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    try:
        deadline = time.monotonic() + 30
        while "escuchando" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            html = page.read().decode()
        # Behind a TLS proxy the page's websocket goes to the public URL, over wss.
        assert '"wss://swat.example.co/ws"' in html
        server.send_signal(stop)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output = log.read_text(encoding="utf-8")
    assert f"escuchando en http://127.0.0.1:{port}, publicado como {public} (" in output
    assert output.rstrip().endswith("swat serve: detenido.") and "Traceback" not in output
    password = make_url(url).password  # the PostgreSQL test server's has one
    assert password is None or str(password) not in output
