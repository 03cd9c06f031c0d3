"""Routes to the outbound campaign panel (CMP001), for its own tests and the legend test:
a campaign SAL1 on three demo accounts (the second BLACKLIST), worked by ASESOR01
(the demo store has its own campaign beside it)."""

from __future__ import annotations

from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import write_session
from swat_tui.store.models import Campaign
from swat_tui.ui.app import SwatApp
from tests.outbound import seed
from tests.ui.helpers import enter, sign_on, type_into

CUENTAS = ("activa", "blacklist", "cancelado")


def seed_campaign(pilot: Pilot[None]) -> None:
    """Campaign SAL1 in the app's store: its accounts in the order of ``CUENTAS``."""
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    seed.campaign(app.services.engine, tuple(SHOWCASE[name] for name in CUENTAS))


async def open_campaigns(pilot: Pilot[None], user: str = "ASESOR01") -> None:
    """Signed on as ``user``, menu option 14, and the active campaigns read (a worker)."""
    await sign_on(pilot, user)
    await type_into(pilot, "option", "14")
    await enter(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def to_campaigns(pilot: Pilot[None], user: str = "ASESOR01") -> None:
    """CMP001 as menu option 14 opens it, SAL1 typed beside the demo's campaign; no
    account taken yet."""
    seed_campaign(pilot)
    await open_campaigns(pilot, user)
    await type_into(pilot, "campaign", seed.CODE)


def close_every_campaign(pilot: Pilot[None]) -> None:
    """No campaign is active (the demo's closed): an agent has nothing to call."""
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    with write_session(app.services.engine) as session:
        for campaign in session.exec(select(Campaign)):
            campaign.status = "cerrada"
            session.add(campaign)


async def to_campaign_call(pilot: Pilot[None]) -> None:
    """CMP001 with SAL1's first account taken (Intro): F6 dials it, F12 gives it back."""
    await to_campaigns(pilot)
    await enter(pilot)
