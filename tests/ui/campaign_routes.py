"""Routes to the leaders' campaign panels (SUP020, SUP021) as SUPERV01 on the demo store,
for their own tests and the legend test. Each waits for the panel's store worker."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.ui.helpers import enter, sign_on, type_into


async def settled(pilot: Pilot[None]) -> None:
    """The campaign panels' reads done and painted (their workers, group ``read-*``,
    then the plot mounted); nothing to wait for on any other panel."""
    reads = [worker for worker in pilot.app.workers if worker.group.startswith("read-")]
    for worker in reads:
        await worker.wait()
    await pilot.pause()
    if reads:
        await pilot.pause()


async def to_campaigns(pilot: Pilot[None]) -> None:
    """SUPERV01's SUP020 (menu option 9): the demo campaign RETENCION-DIC."""
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "9")
    await enter(pilot)
    await settled(pilot)


async def to_campaign_indicator(pilot: Pilot[None]) -> None:
    """SUP021 of RETENCION-DIC (option 5 on its row of SUP020)."""
    await to_campaigns(pilot)
    await type_into(pilot, "o_0", "5")
    await enter(pilot)
    await settled(pilot)


CAMPAIGN_ROUTES = {"SUP020": to_campaigns, "SUP021": to_campaign_indicator}
