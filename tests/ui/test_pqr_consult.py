"""Consulting the account's PQRs in step 6 (PQR010)."""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, fill, message, panel_id, phone_of, shown, to_interpretation

SIZE = (80, 24)


async def _to_consult(pilot: object, services: Services, case: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await to_interpretation(pilot, phone_of(services, case))
    await fill(pilot, pqr="s", sta="s", request="Pregunta por su reclamo", br="4")
    await enter(pilot)
    assert panel_id(pilot.app) == "LLM003"  # type: ignore[arg-type]
    await fill(pilot, g="1")
    await enter(pilot)


async def test_the_consult_lists_the_pqr_with_its_term_and_shows_it_whole(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _to_consult(pilot, services, "pqr_overdue")
        assert panel_id(app) == "PQR010"
        assert shown(app, "next").startswith("Informe al cliente sus PQR")
        canvas = app.screen.panel.canvas  # type: ignore[attr-defined]
        row = canvas.plain().splitlines()[6]
        assert "RAD" in row and "ABIERTA" in row and "VENCIDA" in row
        await fill(pilot, o_0="5")
        await enter(pilot)
        assert shown(app, "detail2").startswith("Asunto: ")
        assert "silencio administrativo positivo" in shown(app, "detail3")
        assert app.screen.focused is app.screen.field("ok")  # type: ignore[attr-defined]
        await fill(pilot, ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)


async def test_the_consult_of_a_blacklisted_account_waits_for_the_rule(
    app: SwatApp, services: Services
) -> None:
    """The desk refuses the PQR list of a masked account, and logs a consult it gives."""
    import pytest

    from swat_tui.domain.errors import DomainError
    from swat_tui.store.demo import SHOWCASE
    from tests.ui.helpers import desk_of

    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "blacklist"))
        assert panel_id(app) == "LLM002"
        desk = desk_of(app)
        with pytest.raises(DomainError, match="BLACKLIST"):
            desk.pqr.consult(SHOWCASE["blacklist"])
        lines = desk.pqr.consult(SHOWCASE["pqr_overdue"]).lines  # another account: not masked
        assert lines and lines[0].overdue
