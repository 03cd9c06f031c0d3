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
    """SGN001 as the program starts: system, subsystem and display on the right, empty user
    and password fields, the Claro banner, only F3=Salir in the legend and no message."""
    assert snap_compare(app)


def test_sign_on_wrong_password(snap_compare: Snap, app: SwatApp) -> None:
    """A wrong password: the user stays typed, the password field is emptied, and row 24 gives
    CPF1107 with the user's name."""

    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot, password="equivocada")

    assert snap_compare(app, run_before=run_before)


def test_sign_on_profile_disabled(snap_compare: Snap, app: SwatApp) -> None:
    """Three wrong passwords for ASESOR02: row 24 gives CPF1394, the profile disabled after 3
    attempts and the advice to call the supervisor."""

    async def run_before(pilot: Pilot[None]) -> None:
        for _ in range(3):
            await sign_on(pilot, user="ASESOR02", password="equivocada")

    assert snap_compare(app, run_before=run_before)


def test_main_menu(snap_compare: Snap, app: SwatApp) -> None:
    """MNU001 of an agent: the options 1 (consult an account), 2 (softphone), 3 (back to the
    call), 8 (their own training, TRN020), 10 (their process confirmations, CNF001) and 90
    (sign off), the agent's full name, the command line, and AUX 0 on row 2."""

    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)

    assert snap_compare(app, run_before=run_before)


def test_account_search_with_letters(snap_compare: Snap, app: SwatApp) -> None:
    """CTA010 with letters in an account number: the typed value stays in the field and row 24
    says an account takes digits only."""

    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        await type_into(pilot, "value", "1000ABC1")
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


@pytest.mark.parametrize("page", [1, 2])
def test_account_list(snap_compare: Snap, app: SwatApp, services: Any, page: int) -> None:
    """CTA020 for a document with 15 accounts: page 1 lists the first ten with Más..., page 2
    (Page Down) the last five with Final; the search and the count stay on row 3."""
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
    """CTA001 of each showcase account: Estado and Situación of its status, the services with
    their state and TV technology, the BLACKLIST banner with every personal field masked
    (blacklist, everything), the Novedades line of its pending PQR, LLS/OT or aviso (and
    "... y N novedades más" where they do not fit), and markup in data shown as typed."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE[case])

    assert snap_compare(app, run_before=run_before)


@pytest.mark.parametrize("case", ["blacklist", "everything"])
def test_account_panel_after_reading_notes(snap_compare: Snap, app: SwatApp, case: str) -> None:
    """CTA001 of a BLACKLIST account after F7 and F12: the personal data are shown, and the
    banner turns into the reminder that F7 was read outside a call and the identity must be
    validated before informing."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE[case])
        await pilot.press("f7")
        await pilot.press("f12")

    assert snap_compare(app, run_before=run_before)


def test_special_notes(snap_compare: Snap, app: SwatApp) -> None:
    """NTS001 of the account whose data hold markup: the holder's name and the note show
    [bold], [link=...] and [red] literally (nothing rendered as style or link)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["markup"])
        await pilot.press("f7")

    assert snap_compare(app, run_before=run_before)


def test_special_note_too_long(snap_compare: Snap, app: SwatApp) -> None:
    """A 5000-character special note: the text stays in the field and row 24 says the limit is
    1000 and to create the SWAT folder with F6."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        pilot.app.screen.field("note").value = "x" * 5000  # type: ignore[attr-defined]
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


def test_new_folder(snap_compare: Snap, app: SwatApp) -> None:
    """NTS002 (F7 then F6) on an account without folders: the name SWAT is proposed and
    selected under the cursor (typing replaces it), the naming rule is stated and the
    existing folders are (ninguna)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7", "f6")

    assert snap_compare(app, run_before=run_before)


def test_folder_notes(snap_compare: Snap, app: SwatApp) -> None:
    """NTS003 of the SWAT folder (typed in lower case): its two long notes wrapped under the
    note column with date, time and user, Final, and the new-note line up to 10.000
    characters."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["swat_folder"])
        await pilot.press("f7")
        await type_into(pilot, "folder", "swat")
        await pilot.press("enter")

    assert snap_compare(app, run_before=run_before)


def test_inventory(snap_compare: Snap, app: SwatApp) -> None:
    """INV001 (F10) of a NAGRA account: the three services with plan and technology, and the
    cable modem, decoder and smart card with serial, model, state and installation date."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["tv_nagra"])
        await pilot.press("f10")

    assert snap_compare(app, run_before=run_before)


def test_terminal_too_small(snap_compare: Snap, app: SwatApp) -> None:
    """At 70x20 no panel is drawn: only the request for an 80x24 terminal and the current size."""
    assert snap_compare(app, terminal_size=(70, 20))


def test_wide_terminal_centres_the_panel(snap_compare: Snap, app: SwatApp) -> None:
    """At 110x30, too narrow for the guide column (it needs 118), the 80x24 CTA001 of the
    everything account is centred, whole, with nothing beside it."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_account(pilot, SHOWCASE["everything"])

    assert snap_compare(app, terminal_size=(110, 30), run_before=run_before)


def test_signed_password_field_hides_the_password(snap_compare: Snap, app: SwatApp) -> None:
    """The password typed on SGN001 shows as bullets, one per character, never in clear; the
    user is shown as typed."""

    async def run_before(pilot: Pilot[None]) -> None:
        await type_into(pilot, "user", "asesor01")
        await type_into(pilot, "password", PASSWORD)

    assert snap_compare(app, run_before=run_before)
