"""SUP040 and SUP041, the call KPIs, driven by keys on the demo store (its week of calls)."""

from __future__ import annotations

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, message, panel_id, screen, shown, sign_on, type_into
from tests.ui.kpi_routes import figures_read, to_kpi, to_kpi_detail


async def test_the_supervisor_sees_each_asesor_and_the_total(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_kpi(pilot)
        assert panel_id(app) == "SUP040"
        records = screen(app).all_records  # type: ignore[attr-defined]
        assert [record["usuario"] for record in records] == ["ASESOR01", "ASESOR02"]
        assert shown(app, "total").lstrip().startswith("TOTAL")
        assert "llamadas terminadas del 21/11/2026 al 28/11/2026" in shown(app, "summary")


async def test_another_period_and_a_bad_one(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_kpi(pilot)
        await type_into(pilot, "desde", "01012026")
        await type_into(pilot, "hasta", "31012026")
        await enter(pilot)
        await figures_read(pilot)
        assert screen(app).all_records == []  # type: ignore[attr-defined]
        assert message(app).startswith("No hay llamadas terminadas en el período")
        await type_into(pilot, "desde", "31022026")
        await enter(pilot)
        assert message(app) == "Fecha «31022026» no válida: use DDMMAAAA (por ejemplo 28112026)."


async def test_option_5_opens_the_detail(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_kpi_detail(pilot, "ASESOR02")
        assert panel_id(app) == "SUP041"
        assert shown(app, "who").startswith("ASESOR02 Andrés Rincón")
        assert shown(app, "sn1").strip() == "1"


async def test_an_asesor_reaches_none_of_it(app: SwatApp) -> None:
    """An asesor's 10 is their own process confirmations (CNF001), never the leaders'
    KPIs; the desk refuses the KPIs to an asesor however the panel is reached."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "ASESOR01")
        await type_into(pilot, "option", "10")
        await enter(pilot)
        assert panel_id(app) == "CNF001"
        assert app.supervisor is not None
        with pytest.raises(DomainError) as refused:
            app.supervisor.kpi.agents(app.supervisor.kpi.default_period())
        assert refused.value.code == "CPF2217"
