"""Snapshots of CMP001 (outbound campaign), at 80x24 and wide.

Update one by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_outbound_snapshots.py::test_account_taken' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.ui.helpers import enter, type_into
from tests.ui.outbound_routes import to_campaign_call, to_campaigns

Snap = Any  # the snap_compare fixture
WIDE = (120, 30)


def test_campaign_chosen(snap_compare: Snap, app: Any) -> None:
    """CMP001 from menu option 14, SAL1 typed in Campaña: row 5 lists "SAL1 (3 por
    llamar)" and the demo's RETENCION-DIC, the account rows blank, the results 1-6 on
    rows 14-15, row 24 "Digite la campaña y pulse Intro..."; no F6 in the legend (no
    account yet)."""
    assert snap_compare(app, run_before=to_campaigns)


def test_account_taken(snap_compare: Snap, app: Any) -> None:
    """Intro took SAL1's first account: cuenta 10000001 with its holder, numbers
    3105550000 / 6015550000, 0 attempts, "-" as last result, 1 in "Marcar", F6=Marcar
    in the legend, row 24 "Cuenta 10000001: F6 marca..."."""
    assert snap_compare(app, run_before=to_campaign_call)


def test_blacklisted_account_wide(snap_compare: Snap, app: Any) -> None:
    """120x30, after a no-answer on the first account (recorded; ACW on row 2): the
    second is BLACKLIST — holder "NO DAR INFO. VER F7", the red banner on row 8 and the
    numbers masked to their last two digits; the guide column on the right."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_campaign_call(pilot)
        await pilot.press("f6")
        await pilot.pause()
        await type_into(pilot, "r", "2")
        await enter(pilot)
        await enter(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_recall_refused(snap_compare: Snap, app: Any) -> None:
    """Dialled (row 2 EN LLAMADA, "N.º 1: EN LLAMADA"), result 6 with a time already
    past: row 24 in red "Volver a llamar el 28/11 08:00: esa hora ya pasó...", the date
    field marked, everything typed (6, the date, 08:00, the note) still there."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_campaign_call(pilot)
        await pilot.press("f6")
        await pilot.pause()
        await type_into(pilot, "r", "6")
        await type_into(pilot, "rdate", "28112026")
        await type_into(pilot, "rtime", "08:00")
        await type_into(pilot, "note", "Pide que lo llamen en la mañana")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)
