"""Every panel at 80x24 (fixed clock and seed), and every flag combination of CTA001.

Update a snapshot by node id only, and look at it before committing:
``uv run pytest 'tests/ui/test_snapshots.py::test_account_panel[blacklist]' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.gates import SEE_ALL
from tests.ui.helpers import PASSWORD, open_account, sign_on, type_into

Snap = Any  # the snap_compare fixture


def test_sign_on(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app)


def test_sign_on_wrong_password(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot, password="equivocada")

    assert snap_compare(app, run_before=run_before)


def test_sign_on_profile_disabled(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        for _ in range(3):
            await sign_on(pilot, user="ASESOR02", password="equivocada")

    assert snap_compare(app, run_before=run_before)


def test_main_menu(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)

    assert snap_compare(app, run_before=run_before)


def test_account_search_with_letters(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        await type_into(pilot, "value", "1000ABC1")
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


@pytest.mark.parametrize("page", [1, 2])
def test_account_list(snap_compare: Snap, app: SwatApp, services: Any, page: int) -> None:
    document = services.accounts.open_panel(
        SHOWCASE["many_accounts_document"], agent="TEST", gate=SEE_ALL
    ).document

    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        await type_into(pilot, "by", "2")
        await type_into(pilot, "value", document.split()[-1])
        await pilot.press("enter")
        if page == 2:
            await pilot.press("pagedown")

    assert snap_compare(app, run_before=run_before)


ACCOUNT_CASES = [
    "activa",
    "cancelado_debe",
    "cancelado",
    "cancelado_credito",
    "cartera_castigada",
    "blacklist",
    "pqr_pending",
    "visit_scheduled",
    "visit_unscheduled",
    "everything",
    "aviso",
    "markup",
]


@pytest.mark.parametrize("case", ACCOUNT_CASES)
def test_account_panel(snap_compare: Snap, app: SwatApp, case: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE[case])

    assert snap_compare(app, run_before=run_before)


@pytest.mark.parametrize("case", ["blacklist", "everything"])
def test_account_panel_after_reading_notes(snap_compare: Snap, app: SwatApp, case: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE[case])
        await pilot.press("f7")
        await pilot.press("f12")

    assert snap_compare(app, run_before=run_before)


def test_special_notes(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["markup"])
        await pilot.press("f7")

    assert snap_compare(app, run_before=run_before)


def test_special_note_too_long(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        pilot.app.screen.field("note").value = "x" * 5000  # type: ignore[attr-defined]
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


def test_new_folder(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7", "f6")

    assert snap_compare(app, run_before=run_before)


def test_folder_notes(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["swat_folder"])
        await pilot.press("f7")
        await type_into(pilot, "folder", "swat")
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


def test_inventory(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["tv_nagra"])
        await pilot.press("f10")

    assert snap_compare(app, run_before=run_before)


def test_terminal_too_small(snap_compare: Snap, app: SwatApp) -> None:
    assert snap_compare(app, terminal_size=(70, 20))


def test_wide_terminal_centres_the_panel(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["everything"])

    assert snap_compare(app, terminal_size=(110, 30), run_before=run_before)


def test_signed_password_field_hides_the_password(snap_compare: Snap, app: SwatApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await type_into(pilot, "user", "asesor01")
        await type_into(pilot, "password", PASSWORD)

    assert snap_compare(app, run_before=run_before)
