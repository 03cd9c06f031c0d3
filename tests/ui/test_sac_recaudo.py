"""SAC030, recaudo — payments with their channel and whether applied,
a reported payment's path (wait by channel, or escalate), F21+F18's list."""

from __future__ import annotations

from typing import Any

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any


def test_recaudo_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """SAC030 of the account with a payment not applied: the debt and the count of unapplied
    payments, the PSE payment of 27/11 SIN APLICAR above two applied direct debits, and the
    reported-payment and resolution fields empty."""
    assert snap_compare(app, run_before=routes.to_recaudo)


def test_payments_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """SAC031 (F21+F18) of the same account: the same payments list (date, value, channel,
    reference, applied date or SIN APLICAR) on a panel of its own, with the account's state
    of payments on top."""
    assert snap_compare(app, run_before=routes.to_payments)


async def test_a_reported_payment_not_applied_is_told_its_date(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_recaudo(pilot)
        assert panel_id(app) == "SAC030"
        assert "sin aplicar" in shown(app, "upto")
        pending = next(
            p
            for p in desk_of(app).sac.recaudo(SHOWCASE["payment_not_applied"]).payments
            if not p.applied
        )
        # Bad input: a date in the future, an amount with letters; the text stays.
        await fill(pilot, fecha="01012027", valor="1000")
        await enter(pilot)
        assert message(app).startswith("Fecha del pago: no puede ser posterior")
        assert screen(app).field("fecha").value == "01012027"
        await fill(pilot, fecha=pending.paid_on.strftime("%d%m%Y"), valor="ab")
        await enter(pilot)
        assert "sin letras" in message(app)
        await fill(pilot, valor=str(pending.amount))
        await enter(pilot)
        assert shown(app, "found").startswith("Pago recibido sin aplicar: se aplica a más tardar")
        await fill(pilot, inf="s", ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "SAC-REC-001"


async def test_f21_f18_lists_the_payments_and_f12_returns(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_payments(pilot)
        assert panel_id(app) == "SAC031"
        assert screen(app).panel.canvas.records[0]["pa"] == "SIN APLICAR"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "SAC030"


async def test_unresolved_goes_to_dime_and_the_closing_names_the_case(app: SwatApp) -> None:
    """N opens DIM010 for recaudo; the case escalates the request, TIP001 suggests its
    code, and LLM008 shows the DIME number to read to the customer."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_recaudo(pilot)
        await fill(pilot, inf="s", ok="n")
        await enter(pilot)
        assert panel_id(app) == "DIM010"
        assert screen(app).field("a").value == "3"  # Recaudo, preselected
        await fill(
            pilot, reason="Pago por PSE no aplicado", data1="PSE del 27/11, ref 499329291891"
        )
        await enter(pilot)
        number = shown(app, "number")
        assert number.startswith("DIME"), message(app)
        await enter(pilot)
        assert panel_id(app) == "SAC030"
        assert screen(app).field("ok").value == "N"
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("code_in").value == "SAC-DIM-003"
        await enter(pilot)
        assert panel_id(app) == "LLM008", message(app)
        assert shown(app, "typified") == (
            f"Tipificación: SAC-DIM-003 DIME {number} (confirme el caso DIME al cliente)"
        )


async def test_the_cursor_starts_on_the_information_check(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_recaudo(pilot)
        assert app.screen.focused is screen(app).field("inf")
