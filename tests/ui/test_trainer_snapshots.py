"""Snapshots of the trainer's area and the trainee's own training, at 80x24 and wide.

The training store is opened (and built with the demo) before each picture, under the
fixed clock. Update one by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_trainer_snapshots.py::test_catalogue' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.domain.training import assignments
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, type_into
from tests.ui.training_routes import (
    scored_call,
    to_assign,
    to_catalogue,
    to_my_training,
    training_services,
)

Snap = Any  # the snap_compare fixture
WIDE = (120, 30)


def test_catalogue(snap_compare: Snap, app: SwatApp) -> None:
    """TRN001 of FORMA01: the filters on row 3 (empty), "32 escenarios" on row 4, the
    options 1/5/9, then the first 12 scenarios in id order with level, práct./cert.,
    branch/sub-flow (CERT-01-5 and CIE-01 with two sub-flows joined by +) and the title
    cut with > where it continues; Más... on row 20; no detail row (no file has errors)."""
    assert snap_compare(app, run_before=to_catalogue)


def test_catalogue_filtered_wide(snap_compare: Snap, app: SwatApp) -> None:
    """TRN001 at 120x30 filtered by rama SAC and nivel 1: the panel as at 80x24 on the
    left with "6 de 32 escenarios con estos filtros." on row 4, the six SAC level-1
    scenarios and Final; the Guía SWAT column on the right."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_catalogue(pilot)
        await type_into(pilot, "rama", "SAC")
        await type_into(pilot, "n", "1")
        await enter(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_assign_a_series(snap_compare: Snap, app: SwatApp) -> None:
    """TRN002 for CERT-01-3: its id and title, level 2 · certificación · tiempo objetivo,
    "Serie completa (S/N):" with N typed and the series CERT-01 listed (cut with >), the
    trainees field with the cursor, and the assignable asesores ASESOR01, ASESOR02."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_assign(pilot, "CERT-01-3")

    assert snap_compare(app, run_before=run_before)


def test_assigned(snap_compare: Snap, app: SwatApp) -> None:
    """TRN002 after Intro with ASESOR01 typed for PQR-CON-01 (no series: no S/N field):
    row 24 says "Escenario PQR-CON-01 asignado a ASESOR01." and the field is empty again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_assign(pilot, "PQR-CON-01")
        await type_into(pilot, "trainees", "ASESOR01")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_my_training(snap_compare: Snap, app: SwatApp) -> None:
    """TRN020 of ASESOR01 with two scenarios assigned by FORMA01 (pending: 2, in the
    order they will ring, SOP-PUN-01 first, each with its title cut with >, from whom and
    when, 28/11/26 09:30) and one scored call of PQR-CON-01:
    date, time, 100 points, Sí, práctica and its title; Final on row 20."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_my_training(pilot)
        app = pilot.app
        assert isinstance(app, SwatApp)
        services = training_services(app)
        assignments.assign(
            services.engine,
            scenario_ids=["SOP-PUN-01", "VIS-CGO-01"],
            trainees=["ASESOR01"],
            by="FORMA01",
            now=services.clock(),
        )
        scored_call(services, "PQR-CON-01", app)
        await pilot.press("f5")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before)


def test_my_training_wide(snap_compare: Snap, app: SwatApp) -> None:
    """TRN020 at 120x30 before any training: pending "Ninguno", no results and the detail
    row saying so; the Guía SWAT column on the right."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_my_training)
