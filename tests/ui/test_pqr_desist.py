"""The customer desists; rights read, desistance recorded, in order."""

from __future__ import annotations

from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown


async def test_desisting_needs_the_rights_first_and_records_the_path(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_pqr_desist(pilot)
        assert panel_id(app) == "PQR020"
        assert "apelación ante la SIC" in " ".join(shown(app, f"rights{i}") for i in (1, 2, 3))
        await fill(pilot, des="s")
        await enter(pilot)
        assert panel_id(app) == "PQR020"
        assert message(app).startswith("Lea primero al cliente sus derechos")
        await fill(pilot, der="s", des="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        # The path suggests its typification (data/branch_routes.toml), editable.
        assert screen(app).field("code_in").value == "PQR-DES-001"
        assert screen(app).field("res").value == "1"
        assert message(app).startswith("Código sugerido por la gestión: PQR-DES-001")
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.mark_for("pqr_derechos", 1) is not None
        assert state.mark_for("pqr_desistida", 1) is not None


async def test_a_customer_who_insists_goes_on_to_filing(app: SwatApp) -> None:
    """Found in tmux: PQR020 said "radique la PQR (F22)", but filing is PQR030 and the
    sub-flow could not be changed. S in "insiste en radicar" takes the request there."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_pqr_desist(pilot)
        await fill(pilot, der="s", ins="s")
        await enter(pilot)
        assert panel_id(app) == "PQR030", message(app)
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.subflow == "radicar"
        assert state.mark_for("pqr_desistida", 1) is None


async def test_after_desisting_the_request_cannot_be_filed(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_pqr_desist(pilot)
        await fill(pilot, der="s")
        await enter(pilot)  # rights recorded; desistance pending
        await fill(pilot, des="s")
        screen(app).field_completed("des", "s")  # type: ignore[attr-defined]  # as the field is left
        await pilot.pause()
        await fill(pilot, ins="s")
        await enter(pilot)
        assert panel_id(app) == "PQR020"
        assert message(app).startswith("Ya registró el desistimiento")
