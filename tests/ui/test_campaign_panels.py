"""The leaders' campaign panels: SUP020 and SUP021 on the demo campaign, at 80x24 and
wide, and an asesor kept out of them (menu typed blind, and the domain itself).

Update a snapshot by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_campaign_panels.py::test_campaigns' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.ui.app import SwatApp
from tests.ui.campaign_routes import settled, to_campaign_indicator, to_campaigns
from tests.ui.helpers import enter, message, panel_id, sign_on, type_into

Snap = Any
WIDE = (130, 30)


def test_campaigns(snap_compare: Snap, app: SwatApp) -> None:
    """SUP020 of SUPERV01: "1 campaña, 1 activas" on row 3, the option 5 line, and the
    demo campaign RETENCION-DIC on row 9 with its name cut with >, activa, its records,
    effective contacts, the % (about half) and goal 80; Final on row 20; the columns'
    meaning on row 21."""
    assert snap_compare(app, run_before=to_campaigns)


def test_campaign_indicator(snap_compare: Snap, app: SwatApp) -> None:
    """SUP021 of RETENCION-DIC: its name on row 3; row 4 in yellow "CASOS CONTACTO
    EFECTIVO: N de M = P % · meta 80 % · faltan K contactos"; the records by status and
    the attempts on row 5; ASESOR01 and ASESOR02 with their attempts, records, contacts
    and %; the plot title on row 12 and the trend on rows 13-21: the yellow goal line at
    80, the green cumulative % rising day by day with white dots, days dd/mm under it."""
    assert snap_compare(app, run_before=to_campaign_indicator)


def test_campaign_indicator_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP021 at 130x30: the panel as at 80x24 on the left, and on the right "Por día:
    RETENCION-DIC (meta 80 %)" over a table of every day (attempts, contacts, cumulative %),
    the same numbers the plot draws."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_campaign_indicator)


async def test_a_leader_opens_a_campaign_and_comes_back(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaigns(pilot)
        await type_into(pilot, "o_0", "4")
        await enter(pilot)
        assert message(app) == "Opción 4 no válida: use 5 (ver indicador)."
        await type_into(pilot, "o_0", "")
        await enter(pilot)
        assert message(app).startswith("Digite 5 junto a una campaña")
        await to_campaign_indicator_from_list(pilot)
        assert panel_id(app) == "SUP021"
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"


async def to_campaign_indicator_from_list(pilot: Any) -> None:
    await type_into(pilot, "o_0", "5")
    await enter(pilot)
    await settled(pilot)


@pytest.mark.parametrize("user", ["ASESOR01", "FORMA01"])
async def test_other_roles_reach_no_campaign(app: SwatApp, user: str) -> None:
    """Option 9 typed blind is refused by the menu; the domain refuses the service too."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, user)
        await type_into(pilot, "option", "9")
        await enter(pilot)
        assert panel_id(app) != "SUP020"
        assert app.supervisor is not None
        desk: SupervisorDesk = app.supervisor
        with pytest.raises(DomainError) as refused:
            desk.campaigns.campaigns()
        assert refused.value.code == "CPF2217"
        with pytest.raises(DomainError):
            desk.campaigns.indicator("RETENCION-DIC")
