"""Routes to the call KPI panels (SUP040, SUP041), for their own tests and the legend
test: the demo's week of calls added to the test's store (the UI tests' stores are
built without it), SUPERV01 signed on, menu option 10, the summing worker waited for."""

from __future__ import annotations

from sqlalchemy import Engine
from textual.pilot import Pilot

from swat_tui.config import BOGOTA
from swat_tui.store.demo.call_week import write_call_week
from swat_tui.ui.app import SwatApp
from tests.ui.conftest import DEMO_ACCOUNTS, DEMO_SEED, FIXED_NOW
from tests.ui.helpers import enter, screen, sign_on, type_into


def with_call_week(engine: Engine) -> int:
    """The demo's week of calls, as ``swat demo`` writes it, into a UI test's demo store
    (built without it); how many calls."""
    with engine.begin() as connection:
        return write_call_week(
            connection,
            today=FIXED_NOW.astimezone(BOGOTA).date(),
            seed=DEMO_SEED,
            accounts=DEMO_ACCOUNTS,
        )


async def figures_read(pilot: Pilot[None]) -> None:
    """The panel's worker done and its result painted (no sleeping)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def to_kpi(pilot: Pilot[None]) -> None:
    """SUP040 of SUPERV01 on the default period (the last seven days and today)."""
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    with_call_week(app.services.engine)
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "10")
    await enter(pilot)
    await figures_read(pilot)


async def to_kpi_detail(pilot: Pilot[None], username: str = "ASESOR01") -> None:
    """SUP041 of ``username`` (5 on their row of SUP040)."""
    await to_kpi(pilot)
    app = pilot.app
    assert isinstance(app, SwatApp)
    records = screen(app).all_records  # type: ignore[attr-defined]
    index = next(i for i, record in enumerate(records) if record["usuario"] == username)
    name = screen(app).show_option_on("5", index)  # type: ignore[attr-defined]
    await type_into(pilot, name, "5")
    await enter(pilot)
    await figures_read(pilot)


KPI_ROUTES = {"SUP040": to_kpi, "SUP041": to_kpi_detail}
KPI_REFRESHED = {"SUP040": "Indicadores leídos de nuevo."}
