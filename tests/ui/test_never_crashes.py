"""The app never crashes: an error nobody foresaw is one row-24 line and a
log entry without locals; a store another process holds locked is a row-24 message
with what was typed kept, and the next try writes it."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from swat_tui.config import Settings
from swat_tui.domain.services import Services
from swat_tui.error_log import error_log_path
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.errors import BUSY_MESSAGE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.guard import UNEXPECTED
from tests.ui.helpers import desk_of, enter, message, open_account, panel_id, screen, type_into

SIZE = (80, 24)
NOTE = "Cliente pide no llamar despues de las 8 pm"


async def test_an_unexpected_error_is_one_line_and_the_session_goes_on(
    app: SwatApp, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F5 on CTA001 with the desk failing in a way nobody foresaw: row 24 says so, the
    log has the traceback but not the failing frame's locals, and F3 still works."""
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        assert panel_id(app) == "CTA001"

        def broken(cuenta: int) -> None:
            password = "Clave-secreta-123"  # a local the crash report used to print
            raise RuntimeError(f"fallo inesperado en {cuenta} ({len(password)})")

        monkeypatch.setattr(desk_of(app).accounts, "panel", broken)
        await pilot.press("f5")
        await pilot.pause()
        assert app.is_running
        assert message(app) == UNEXPECTED and len(UNEXPECTED) <= 79
        assert any("RuntimeError" in error for error in app.unexpected_errors)
        logged = error_log_path().read_text(encoding="utf-8")
        assert "fallo inesperado en" in logged and "Clave-secreta-123" not in logged
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"


async def test_a_locked_store_keeps_the_note_typed_and_the_next_try_writes_it(
    app: SwatApp, services: Services, settings: Settings
) -> None:
    """Another process holds BEGIN IMMEDIATE on the SQLite file while Intro saves an F7
    note: the app went down with OperationalError before; now row 24 says the store is
    busy, the note stays typed, and Intro once the lock is gone writes it."""
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        await pilot.pause()
        assert panel_id(app) == "NTS001"
        await type_into(pilot, "note", NOTE)
        locker = sqlite3.connect(settings.db_url.removeprefix("sqlite:///"), timeout=0)
        locker.isolation_level = None
        locker.execute("BEGIN IMMEDIATE")
        try:
            await enter(pilot)  # waits out the busy timeout, then refuses
            assert app.is_running
            assert message(app) == BUSY_MESSAGE
            assert screen(app).field("note").value == NOTE
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        await enter(pilot)
        assert message(app) == "Nota especial grabada."
        assert screen(app).field("note").value == ""
        assert app.unexpected_errors == []
    with services.engine.connect() as connection:
        saved = connection.execute(
            text("SELECT count(*) FROM note WHERE cuenta = :c AND text LIKE :t"),
            {"c": SHOWCASE["activa"], "t": f"%{NOTE[:20]}%"},
        ).scalar_one()
    assert saved == 1
