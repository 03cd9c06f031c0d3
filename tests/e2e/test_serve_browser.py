"""``swat serve`` in a real headless browser (Debian's chromium through Playwright).

A demo agent signs on by typing, answers a practice call, opens an account in
it, presses F7 and Shift+F10 (xterm.js sends Shift+F10, Textual reads F22);
then closes the tab in the middle of the call, signs on in a new tab and
takes the call back from REC001, as after a killed terminal. Each step is
proven by what the store holds; the screenshots are kept (paths printed).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Engine, text

from swat_tui.config import DB_URL_ENV
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import make_engine
from tests.e2e.browser import CHROMIUM_ARGS, Served, Tab, require_chromium, until

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
AGENT = "ASESOR01"


@pytest.fixture
def store(template_db: Path, tmp_path: Path) -> Iterator[Engine]:
    """A demo store of this test's own (the call replay check of conftest reads it too)."""
    db = tmp_path / "swat.db"
    shutil.copyfile(template_db, db)
    engine = make_engine(f"sqlite:///{db}")
    yield engine
    engine.dispose()


@pytest.fixture
def served(store: Engine, tmp_path: Path) -> Iterator[Served]:
    env = {k: v for k, v in os.environ.items() if k != DB_URL_ENV}
    env |= {"SWAT_RING_DELAY": "0.2", "SWAT_PRACTICE_SEED": "2026"}  # the same calls each run
    server = Served(store.url.render_as_string(hide_password=False), tmp_path / "serve.log", env)
    yield server
    server.kill()


@pytest.fixture
def browser() -> Iterator[Browser]:
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _row(store: Engine, query: str, **values: Any) -> Any:
    with store.connect() as connection:
        return connection.execute(text(query), values).first()


def _presence(store: Engine) -> Any:
    return _row(
        store,
        "SELECT session, state, call_id, panel FROM agent_presence WHERE username = :u",
        u=AGENT,
    )


def _last_call(store: Engine) -> Any:
    return _row(
        store,
        "SELECT c.id, c.status, c.cuenta, c.current_step, c.answered_at FROM call c"
        " JOIN agent a ON a.id = c.agent_id WHERE a.username = :u ORDER BY c.id DESC",
        u=AGENT,
    )


def _panels(store: Engine, call_id: int) -> list[str]:
    with store.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT \"check\" FROM call_event WHERE call_id = :c AND kind = 'panel' ORDER BY id"
            ),
            {"c": call_id},
        )
        return [row[0] for row in rows]


def _pid(session: str) -> int:
    """The process of a presence token (``machine:pid:random``)."""
    return int(session.split(":")[1])


def _alive(pid: int) -> bool:
    """Running: not gone, and not a zombie its new parent (init) has not reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def _sign_on(tab: Tab, store: Engine, before: str | None) -> str:
    """Type the demo agent's sign-on; the session token its presence row then holds."""
    tab.wait_for("Inicio de sesi")
    tab.keys("asesor01", "Tab", "swat2026", "Enter")
    until(
        lambda: (row := _presence(store)) is not None and row.session != before,
        f"{AGENT} signed on (a presence row of a new session)",
        tab.pause,
    )
    session: str = _presence(store).session
    return session


def test_a_browser_tab_signs_on_takes_a_call_and_a_closed_tab_leaves_it_for_rec001(
    browser: Browser, store: Engine, served: Served, tmp_path: Path
) -> None:
    cuenta = SHOWCASE["activa"]
    tab = Tab(browser, served.url)
    first_session = _sign_on(tab, store, before=None)
    child = _pid(first_session)
    cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
    assert b"sqlite" not in cmdline  # the store URL travels in the environment only
    tab.wait_for("MNU001")

    # Disponible, the practice call rings, option 3 answers it.
    tab.keys("F2")
    tab.wait_for("SFT001")
    tab.keys("1", "Enter")
    until(lambda: _last_call(store) is not None, "a practice call rang", tab.pause)
    tab.wait_for("LLAMADA ENTRANTE")
    tab.keys("3", "Enter")
    until(lambda: _last_call(store).answered_at is not None, "the call answered", tab.pause)
    call_id: int = _last_call(store).id
    tab.wait_for("LLM001")

    # Step 1: the caller and the account; step 2: the request.
    tab.keys("S", "Tab", "Carlos Ñañez", "Tab", "80111222", "Tab", "1", "Tab")
    tab.keys(*["Backspace"] * 10, "3001234567", "Tab", str(cuenta), "Enter")
    until(lambda: _last_call(store).cuenta == cuenta, "the account opened in the call", tab.pause)
    tab.wait_for("LLM002")
    tab.keys("S", "Tab", "Cobro no reconocido", "Tab", "1", "Enter")
    until(lambda: _last_call(store).current_step == 3, "step 2 complete", tab.pause)
    tab.wait_for("LLM003")

    # F7: the account's special notes, read on record.
    tab.keys("F7")
    until(
        lambda: _row(
            store,
            "SELECT 1 FROM access_log WHERE username = :u AND cuenta = :c AND action = 'F7'",
            u=AGENT,
            c=cuenta,
        ),
        "F7 read the notes (access log)",
        tab.pause,
    )
    until(lambda: _presence(store).panel == "NTS001", "F7 opened NTS001", tab.pause)
    tab.keys("F12")
    until(lambda: _presence(store).panel == "LLM003", "F12 back on LLM003", tab.pause)

    # Shift+F10 is F22 on a 5250 keyboard: the typification opens.
    tab.keys("Shift+F10")
    until(lambda: _presence(store).panel == "TIP001", "Shift+F10 opened TIP001", tab.pause)
    assert _panels(store, call_id)[-1] == "TIP001"
    tab.wait_for("TIP001")
    tab.screenshot(tmp_path / "serve-tip001.png")

    # The agent closes the tab in the middle of the call: its process ends, the call
    # stays open and the presence row stays, as after a killed terminal.
    tab.close()
    until(
        lambda: not _alive(child), "the closed tab's swat process ended", lambda: time.sleep(0.05)
    )
    call = _last_call(store)
    assert (call.id, call.status, call.cuenta, call.current_step) == (
        call_id,
        "in_progress",
        cuenta,
        3,
    )
    assert _presence(store).session == first_session

    # A new tab: sign-on offers the call on REC001; option 1 takes it back.
    tab = Tab(browser, served.url)
    second_session = _sign_on(tab, store, before=first_session)
    tab.wait_for("REC001")
    tab.screenshot(tmp_path / "serve-rec001.png")
    tab.keys("1", "Enter")
    until(lambda: _presence(store).call_id == call_id, "the call resumed", tab.pause)
    assert _presence(store).session == second_session
    tab.wait_for("LLM003")

    # Ctrl+C stops the server, and the open tab's process with it, without a traceback.
    assert served.stop() == 0, served.output()
    output = served.output()
    assert "Traceback" not in output and "detenido" in output, output
    until(
        lambda: not _alive(_pid(second_session)),
        "the open tab's swat process ended with the server",
        lambda: time.sleep(0.05),
    )


def test_a_killed_server_takes_its_tabs_apps_with_it(
    browser: Browser, store: Engine, served: Served
) -> None:
    """``swat serve`` killed outright (SIGKILL: no Ctrl+C, nothing told to its tabs):
    the open tab's swat process ends within seconds instead of living on, heartbeating
    a session nobody can reach (its parent watch sees it re-parented)."""
    tab = Tab(browser, served.url)
    child = _pid(_sign_on(tab, store, before=None))
    tab.wait_for("MNU001")
    os.kill(served.process.pid, signal.SIGKILL)  # the server alone, not its group
    served.process.wait()
    deadline = time.monotonic() + 15
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "the tab's swat process outlived its killed server"
