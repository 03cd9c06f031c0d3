"""Long F22 notes go to the SWAT folder with the typification, in one intent."""

from __future__ import annotations

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import enter, fill, message, panel_id

LONG_NOTE = "Cliente reporta cobro doble en la factura de octubre; " + "detalle " * 40


async def test_two_refused_typifications_leave_no_note(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_typification(pilot)
        assert panel_id(app) == "TIP001"
        for _ in range(2):
            await fill(pilot, code_in="ZZZ-000", res="1", notes=LONG_NOTE)
            await enter(pilot)
            assert panel_id(app) == "TIP001" and "no existe" in message(app)
        with pytest.raises(DomainError):
            services.notes.folder_notes(SHOWCASE["activa"], "SWAT")
        await fill(pilot, code_in="SAC-FAC-002", res="1")
        await enter(pilot)
        assert panel_id(app) == "LLM008"
    folder = services.notes.folder_notes(SHOWCASE["activa"], "SWAT")
    assert [note.text for note in folder.notes] == [LONG_NOTE.strip()]
