"""``set_fields`` refuses a field the display file does not have (a typo is a bug, not a no-op)."""

from __future__ import annotations

import pytest

from swat_tui.ui.app import SwatApp
from tests.ui.helpers import screen, shown, sign_on


async def test_set_fields_refuses_an_unknown_field(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        menu = screen(app)
        menu.set_fields({"agent_name": "Otra Persona"})
        assert shown(app, "agent_name") == "Otra Persona"
        with pytest.raises(KeyError, match="agent_nmae"):
            menu.set_fields({"agent_nmae": "x"})
        menu.set_present_fields({"talk": "00:10"})  # shared call-header fields: skipped
