"""Routes to the outbound campaign panel (CMP001), for its own tests and the legend test:
a campaign SAL1 on three demo accounts (the second BLACKLIST), worked by ASESOR01."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
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
    """CMP001 as menu option 14 opens it: SAL1 typed (the only active), no account yet."""
    seed_campaign(pilot)
    await open_campaigns(pilot, user)


async def to_campaign_call(pilot: Pilot[None]) -> None:
    """CMP001 with SAL1's first account taken (Intro): F6 dials it, F12 gives it back."""
    await to_campaigns(pilot)
    await enter(pilot)
