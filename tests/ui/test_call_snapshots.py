"""Snapshots of the softphone, the call panels, the guide and the call log (80x24 and wide).

Update one by node id and look at it before committing (see test_snapshots.py).
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, go_available, sign_on

Snap = Any


def test_softphone_after_sign_on(snap_compare: Snap, app: SwatApp) -> None:
    """F2 right after sign-on: the agent is in AUX 0 Inicio de sesión (row 2 and the state
    fields), the call block is empty, and the options, AUX reasons and queues are listed."""

    async def run_before(pilot: Pilot[None]) -> None:
        await sign_on(pilot)
        await pilot.press("f2")

    assert snap_compare(app, run_before=run_before)


def test_softphone_ringing(snap_compare: Snap, app: SwatApp) -> None:
    """A call rings while the agent is Disponible: row 2 and the state say TIMBRANDO, the caller's
    number and queue fill the call block, the LLAMADA ENTRANTE banner says 3=Contestar, and
    row 24 announces the call."""

    async def run_before(pilot: Pilot[None]) -> None:
        await go_available(pilot)
        desk_of(app).ring("3001234567", "HOGAR_SOPORTE")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before)


def test_reception(snap_compare: Snap, app: SwatApp) -> None:
    """Step 1 of a call from an account's holder: the welcome script with the agent's name, empty
    caller fields, the calling number as contact number, and the account found by the ANI
    already filled in with the note asking to confirm it."""
    assert snap_compare(app, run_before=routes.to_reception)


def test_interpretation_blacklist(snap_compare: Snap, app: SwatApp) -> None:
    """Step 2 on an account with every novelty: the holder's name is hidden behind NO DAR INFO.
    VER F7, the BLACKLIST banner shows, each novelty has its detail (PQR days and radicado,
    LLS date, aviso and priority, CANCELADO DEBE's meaning) and row 23 asks to read F7 first."""

    async def run_before(pilot: Pilot[None]) -> None:
        await answer_call(pilot, routes._phone(pilot, "everything"))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_branch_step(snap_compare: Snap, app: SwatApp) -> None:
    """Step 3 after choosing SAC: LLM003 shows the branch and request typed in step 2, the three
    SAC options (cartera, facturación, recaudo) with what each covers, and the resolved-in-line
    fields empty."""
    assert snap_compare(app, run_before=routes.to_branch)


def test_pqr_consult(snap_compare: Snap, app: SwatApp, services: Services) -> None:
    """PQR010 after 5 on an overdue petition: the list shows it as VENCIDA sin respuesta, and the
    detail below it gives no CUN, the response channel, the silencio administrativo warning,
    and no visits nor F7 notes in its 30 days."""
    from tests.ui.test_pqr_consult import _to_consult

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_consult(pilot, services, "pqr_overdue")
        await fill(pilot, o_0="5")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_pqr_desist(snap_compare: Snap, app: SwatApp) -> None:
    """PQR020 (the customer desists): the request from step 2, the rights to read (reposición and
    apelación ante la SIC within 10 business days) and the three S fields, all empty."""
    assert snap_compare(app, run_before=routes.to_pqr_desist)


def test_typification(snap_compare: Snap, app: SwatApp) -> None:
    """TIP001 searched for "internet lento": the UCC list narrows to SOP-INT-001 (soporte,
    resolved in line, no CUN) and the code, resolution and notes fields are still empty."""

    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_typification(pilot)
        await fill(pilot, search="internet lento")
        await enter(pilot)

    assert snap_compare(app, run_before=run_before)


def test_call_log(snap_compare: Snap, app: SwatApp) -> None:
    """F13 on the typification of a call on an account with no previous calls: LOG001 shows the
    account and holder, an empty list ending in Final, and row 24 says there are none."""
    assert snap_compare(app, run_before=routes.to_call_log)


def test_closing(snap_compare: Snap, app: SwatApp) -> None:
    """Step 8 after typifying SAC-FAC-002 as first contact: the typification is echoed, the
    closing script names the agent, and the survey question with its 1/2 answer and 1-5 score
    fields is shown, all fields empty."""
    assert snap_compare(app, run_before=routes.to_closing)


def test_guide_panel(snap_compare: Snap, app: SwatApp) -> None:
    """F1 during step 2 at 80x24: GUI001 covers the panel and shows the eight steps with step 1
    OK 4/4 and step 2 current (>> 0/2), its two open checks, and the same next hint as the
    call panel."""

    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_interpretation(pilot)
        await pilot.press("f1")

    assert snap_compare(app, run_before=run_before)


def test_guide_beside_the_panel_when_wide(snap_compare: Snap, app: SwatApp) -> None:
    """At 120x30 the guide is not a panel of its own: the Guía SWAT column stands right of LLM002
    with the eight steps, step 2's open checks and its next hint, while the 80-column panel
    is drawn unchanged at the left."""
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_interpretation)


def test_interrupted_calls(snap_compare: Snap, app: SwatApp) -> None:
    """Signing on with a call left answered by a closed session opens REC001: it says nothing typed
    was lost, lists the call (ANI, no account yet, step 1) with options 1=Reanudar and
    4=Cerrar como abandonada, and row 24 counts one unfinished call."""
    assert snap_compare(app, run_before=routes.to_recovery)


def test_softphone_ringing_wide(snap_compare: Snap, app: SwatApp) -> None:
    """The ringing softphone at 120x30: the same SFT001 as at 80x24 with the guide column beside
    it, step 1 current at 0/4 and its hint to answer on the softphone (F2, 3)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await go_available(pilot)
        desk_of(app).ring("3001234567", "HOGAR_SOPORTE")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)


def test_typification_wide(snap_compare: Snap, app: SwatApp) -> None:
    """TIP001 at 120x30 with no search yet: the UCC list starts at the SAC cartera codes with
    Más... below, long descriptions cut at the column, and the guide column shows steps 1-3
    OK and step 7 current."""
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_typification)


def test_call_log_wide(snap_compare: Snap, app: SwatApp) -> None:
    """LOG001 at 120x30: the empty call log at the left and, beside it, the guide with steps 1-3
    OK, 4-6 not applicable (--) and step 7 current with its check to typify."""
    assert snap_compare(app, terminal_size=(120, 30), run_before=routes.to_call_log)
