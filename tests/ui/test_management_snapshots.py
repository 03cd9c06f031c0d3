"""Snapshots of the management model's panels (SUP030-SUP032) on the demo store, at
80x24 and wide (120x30). The demo's leaders have about four weeks of practices with
gaps and five ideas, one in each status or more; the clock is Saturday 28/11/26 09:30.
Update one by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_management_snapshots.py::test_adherence' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, type_into
from tests.ui.management_routes import to_adherence, to_ideas, to_record_practice

Snap = Any  # the snap_compare fixture
WIDE = (120, 30)


def test_adherence(snap_compare: Snap, app: SwatApp) -> None:
    """SUP030 of SUPERV01, this week (S, 0 back; the S selected under the cursor: M
    typed replaces it): "semana del 23/11/26 al 29/11/26" on row 3; the total on row 4;
    the nine practices with frequency, done, due, adherence with a decimal comma, goal
    100% and Cumple/BAJO/- (Confirmación de proceso 4 of 5, BAJO; Círculo de mejora and
    Reuniones barómetro 0 0 -: their fortnight and semester still run, so nothing is
    late yet); the leaders COORD01 and SUPERV01 on rows 16-17 with how many of their
    practices are under goal; Final."""
    assert snap_compare(app, run_before=to_adherence)


def test_adherence_last_month_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP030 at 120x30 for the month before (M, 1 back: "mes del 01/10/26 al 31/10/26"):
    the panel as at 80x24 on the left; the demo's practices start on 26/10, so most
    read BAJO (about 20 %). On the right, "Detalle por líder": COORD01's seven practices
    and SUPERV01's six, each done/due and %, red under the goal, green at it or with
    nothing due (barómetro 0/0 -)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_adherence(pilot)
        await type_into(pilot, "p", "M")
        await type_into(pilot, "b", "1")
        await enter(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_record_practice(snap_compare: Snap, app: SwatApp) -> None:
    """SUP031 of SUPERV01: date 28/11/26 and time 09:30 filled in, the cursor on the
    practice number; "Sus prácticas" lists the supervisor's six (1, 3, 5, 6, 7, 9) with
    frequency and approximate duration; row 24 says what to type."""
    assert snap_compare(app, run_before=to_record_practice)


def test_record_practice_refused_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP031 at 120x30 after Intro with practice 1 at 10:00 (after the clock's 09:30):
    the practice's name and frequency shown beside its number, 15 min filled in, the
    time field in reverse red and row 24 "La práctica no puede quedar en el futuro
    (28/11/26 10:00)."; nothing was written."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_record_practice(pilot)
        await type_into(pilot, "n", "1")
        await type_into(pilot, "ht", "10:00")
        await enter(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_ideas(snap_compare: Snap, app: SwatApp) -> None:
    """SUP032 of SUPERV01: "5 ideas: ..." by status on row 3, the two empty input lines
    for a new idea, the options 2/3/4, then the demo's five ideas newest first with
    number, title (cut with > where it continues), status, who moved it last (or raised
    it) and that day; Final."""
    assert snap_compare(app, run_before=to_ideas)


def test_ideas_wide(snap_compare: Snap, app: SwatApp) -> None:
    """SUP032 of ASESOR01 at 120x30 after raising "Pausa activa a media mañana": row 24
    "Idea 6 registrada como Propuesta.", the new idea first in the list (ASESOR01,
    28/11/26), "6 ideas" on row 3; the Guía SWAT column on the right."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_ideas(pilot, "ASESOR01")
        await type_into(pilot, "title", "Pausa activa a media mañana")
        await enter(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)
