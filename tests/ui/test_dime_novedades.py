"""Later calls of an account see its open DIME cases."""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.gates import SEE_ALL, nothing_read
from tests.ui.helpers import open_account, panel_id, shown


def test_the_account_view_carries_its_open_dime_cases(services: Services) -> None:
    view = services.accounts.open_panel(SHOWCASE["dime_open"], agent="T", gate=SEE_ALL)
    (case,) = view.open_dime_cases
    assert (case.area, case.status) == ("Facturación", "ABIERTO")
    assert case.number.startswith("DIME")
    assert (
        services.accounts.open_panel(SHOWCASE["activa"], agent="T", gate=SEE_ALL).open_dime_cases
        == ()
    )


def test_a_masked_account_hides_its_dime_cases(services: Services) -> None:
    view = services.accounts.open_panel(SHOWCASE["dime_open"], agent="T", gate=nothing_read())
    assert view.details_visible  # not blacklisted: nothing to hide
    from swat_tui.domain.account.disclosure import mask
    from swat_tui.domain.account.views import Access

    assert mask(view, Access.MASKED).open_dime_cases == ()


async def test_cta001_lists_the_open_dime_case(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(pilot, SHOWCASE["dime_open"])
        assert panel_id(app) == "CTA001"
        text = " ".join(shown(app, f"flag{index}") for index in range(1, 6))
        assert "DIME ABIERTO DIME" in text and "(Facturación)" in text
