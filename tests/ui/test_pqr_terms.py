"""A PQR's term is 15 Colombian business days, and an
unanswered one past it shows as at risk of silencio administrativo positivo."""

from __future__ import annotations

from swat_tui.calendar_co import add_business_days
from swat_tui.domain.account.views import PendingPqr
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.gates import SEE_ALL
from tests.ui.helpers import open_account, panel_id, shown


def _pqr(services: Services, case: str) -> PendingPqr:
    view = services.accounts.open_panel(SHOWCASE[case], agent="T", gate=SEE_ALL)
    (pqr,) = view.pending_pqrs
    return pqr


def test_the_due_date_is_fifteen_business_days_after_filing(services: Services) -> None:
    for case in ("pqr_pending", "pqr_due_soon", "pqr_overdue"):
        pqr = _pqr(services, case)
        assert pqr.due_on == add_business_days(pqr.filed_at.date(), 15), case


def test_overdue_and_due_soon_are_told_apart(services: Services) -> None:
    assert _pqr(services, "pqr_overdue").overdue
    soon = _pqr(services, "pqr_due_soon")
    assert not soon.overdue and 0 <= soon.business_days_left <= 5
    assert not _pqr(services, "pqr_pending").overdue


async def test_cta001_warns_of_silencio_administrativo_positivo(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(pilot, SHOWCASE["pqr_overdue"])
        assert panel_id(app) == "CTA001"
        text = " ".join(shown(app, f"flag{index}") for index in range(1, 6))
        assert "PQR VENCIDA" in text and "SILENCIO ADMINISTRATIVO POSITIVO" in " ".join(
            text.split()
        )
