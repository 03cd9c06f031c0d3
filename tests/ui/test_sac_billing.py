"""SAC020 facturación (Paradigma, extra charges, resend, delivery),
SAC021 the rent (F13+F15) and SAC022 the campaigns (F24+T)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.domain.billing.views import RentPart, RentView
from swat_tui.domain.procedure import load_procedure
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import InvoiceDeliveryChange
from swat_tui.ui.app import SwatApp
from swat_tui.ui.screens.sac.rent import total_line
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any
P = load_procedure()


def _changes(app: SwatApp) -> list[InvoiceDeliveryChange]:
    assert app.services is not None
    with read_session(app.services.engine) as session:
        return list(session.exec(select(InvoiceDeliveryChange)))


async def _to_billing_of(pilot: Pilot[None], case: str) -> None:
    await routes.to_subflow(pilot, case, "1", "2")


def test_billing_snapshot_ppv_charges(snap_compare: Snap, app: SwatApp) -> None:
    """SAC020 of the account with PPV charges: the last invoice (value, extra charges, PENDIENTE),
    digital delivery ENTREGADA to the e-mail, the first three extra charges with Más... and the
    count and sum over the last 3 invoices, and the chord legend (F13+F15, F24+T, F9)."""
    assert snap_compare(app, run_before=routes.to_billing)


def test_billing_snapshot_invoice_physical(snap_compare: Snap, app: SwatApp) -> None:
    """SAC020 of the account with a physical invoice returned: delivery FÍSICA, state DEVUELTA and
    the postal address it was sent to, its one LDN extra charge, and the action fields
    (resend digital, change delivery) empty."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_billing_of(pilot, "invoice_physical")

    assert snap_compare(app, run_before=run_before)


def test_rent_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """SAC021 (F13+F15) of the account whose campaign ends: each service's rent with VAT (internet
    exempt) and the total, and the last three invoices with the HOGAR3P discount and the
    variation between them."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_billing_of(pilot, "campaign_ending")
        await pilot.press("f13", "f15")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before)


def test_campaigns_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """SAC022 (F24+T) of the same account: its current campaign HOGAR3P with less than 1 month
    left, and the four campaigns it can take with discount, end date and conditions."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_billing_of(pilot, "campaign_ending")
        await pilot.press("f24", "t")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before)


async def test_rent_opens_with_f13_f15_and_f12_returns(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "campaign_ending")
        assert panel_id(app) == "SAC020"
        await pilot.press("f13", "f15")
        await pilot.pause()
        assert panel_id(app) == "SAC021"
        view = desk_of(app).billing.rent(SHOWCASE["campaign_ending"])
        assert shown(app, "total").startswith("Renta mensual (IVA 19% incluido)")
        assert shown(app, "total").rstrip().endswith(f"{view.total:,}".replace(",", "."))
        assert "HOGAR3P 20%" in shown(app, "h1")
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "SAC020"
        await pilot.press("f24", "t")
        await pilot.pause()
        assert panel_id(app) == "SAC022"
        assert shown(app, "e1").startswith("HOGAR3P") and "menos de 1 mes" in shown(app, "e1")


async def test_resend_flow_records_the_resend_and_the_typification_code(app: SwatApp) -> None:
    cuenta = SHOWCASE["invoice_digital"]
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "invoice_digital")
        assert panel_id(app) == "SAC020"
        assert shown(app, "deliv").startswith("DIGITAL") and shown(app, "dstat").startswith(
            "ENTREGADA"
        )
        number = shown(app, "number").strip()
        # Not confirmed yet: refused, nothing written, what was typed stays.
        await fill(pilot, a="1", dest="cliente@correo.com")
        await enter(pilot)
        assert message(app) == P.message("billing_confirm")
        assert screen(app).field("dest").value == "cliente@correo.com"
        assert _changes(app) == []
        await fill(pilot, c="s")
        await enter(pilot)
        assert message(app) == P.message("billing_resent")
        (change,) = _changes(app)
        assert (change.cuenta, change.action, change.destination) == (
            cuenta,
            "REENVIO",
            "cliente@correo.com",
        )
        assert screen(app).field("a").value == ""
        assert shown(app, "change").startswith("Último reenvío")
        assert (
            change.invoice_id is not None
            and number == desk_of(app).billing.last_invoice(cuenta).number
        )
        await fill(pilot, ok="s", res="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "SAC-FAC-012"


async def test_a_bad_email_is_refused_and_the_text_stays(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "invoice_physical")
        await fill(pilot, a="2", d="d", dest="cliente@correo", c="s")
        await enter(pilot)
        assert message(app) == P.message("billing_email_invalid")
        assert screen(app).field("dest").value == "cliente@correo"
        assert screen(app).field("a").value == "2"
        assert _changes(app) == []
        await fill(pilot, a="7")
        await enter(pilot)
        assert message(app) == P.message("billing_action_choice")
        await fill(pilot, a="", res="x")
        await enter(pilot)
        assert message(app) == P.message("resolved_choice")
        assert panel_id(app) == "SAC020"


async def test_an_account_with_no_invoices_says_so(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "new_account")
        assert panel_id(app) == "SAC020"
        assert message(app) == P.message("billing_no_invoices")
        await fill(pilot, a="1", dest="cliente@correo.com", c="s")
        await enter(pilot)
        assert message(app) == P.message("billing_no_invoices")
        assert screen(app).field("dest").value == "cliente@correo.com"
        assert _changes(app) == []


async def _rent_of_blacklisted_before_validation(pilot: Pilot[None]) -> None:
    """Step 2 of a call about a blacklisted account, F7 not read: its rent panel opened."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await answer_call(pilot, routes._phone(pilot, "blacklist"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    assert panel_id(app) == "LLM002"
    await screen(app).open_panel("SAC021", SHOWCASE["blacklist"], "")
    await pilot.pause()


def test_rent_snapshot_blacklist_refused(snap_compare: Snap, app: SwatApp) -> None:
    """SAC021 of a BLACKLIST account before F7 and validation: no holder, no rent lines and no
    invoices (only the headings), and row 24 says not to give information until F7 is read and
    the identity validated."""
    assert snap_compare(app, run_before=_rent_of_blacklisted_before_validation)


async def test_billing_of_a_blacklisted_account_is_refused_before_validation(
    app: SwatApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _rent_of_blacklisted_before_validation(pilot)
        assert panel_id(app) == "SAC021"
        assert message(app) == P.message("blacklist_gate")
        assert shown(app, "p1") == "" and shown(app, "total") == ""
        await pilot.press("f12")
        await pilot.pause()
        await screen(app).open_panel("SAC022", SHOWCASE["blacklist"], "")
        await pilot.pause()
        assert panel_id(app) == "SAC022" and message(app) == P.message("blacklist_gate")
        assert shown(app, "e1") == ""


async def test_not_resolved_opens_the_dime_for_facturacion_and_escalates(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "ppv_charges")
        await fill(pilot, ok="s", res="n")
        await enter(pilot)
        assert panel_id(app) == "DIM010", message(app)
        assert screen(app).field("a").value == "1"  # Facturación, chosen by SAC020
        await fill(
            pilot,
            reason="No reconoce el evento PPV",
            data1="Periodo 2026-11, evento PPV de $ 45.000 que el cliente no pidió.",
        )
        await enter(pilot)
        assert message(app).startswith("Caso "), message(app)
        await enter(pilot)
        assert panel_id(app) == "SAC020"
        assert screen(app).field("res").value == "N"
        assert desk_of(app).call.request_escalated()
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "SAC-DIM-001"


async def test_resend_offers_the_email_on_file(app: SwatApp) -> None:
    """Typing 1 (resend) and leaving the field offers the account's email to confirm."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_billing(pilot)
        email = desk_of(app).accounts.panel(SHOWCASE["ppv_charges"]).email
        assert email
        app.screen.set_focus(screen(app).field("a"))
        await pilot.press("1", "tab")
        await pilot.pause()
        assert screen(app).field("dest").value == email
        assert app.screen.focused is screen(app).field("dest")


async def test_after_a_resend_the_cursor_goes_to_what_the_step_still_asks(app: SwatApp) -> None:
    """Found in tmux: after the resend the cursor stayed on "Confirmado", so the S and
    Tab S typed next filled the wrong fields."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_billing(pilot)
        await fill(pilot, a="1", dest="cliente@correo.com.co", c="s")
        await enter(pilot)
        assert message(app).startswith("Factura reenviada"), message(app)
        assert app.screen.focused is screen(app).field("ok")


async def test_every_extra_charge_can_be_read_with_page_down(app: SwatApp) -> None:
    """Found reviewing SAC020: only two of eight charges could be seen ("... y 6 más");
    the charges are a subfile now, AvPág shows the rest."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_billing(pilot)
        first = [r["cdesc"] for r in screen(app).panel.canvas.records]
        assert len(first) == 3 and shown(app, "more") == "Más..."
        await pilot.press("pagedown")
        await pilot.pause()
        second = [r["cdesc"] for r in screen(app).panel.canvas.records]
        assert second and not set(second) & set(first)
        assert shown(app, "chgsum").startswith("8 cobros adicionales en las últimas 3 facturas")


async def test_the_cursor_starts_on_what_the_step_asks(app: SwatApp) -> None:
    """Found in tmux: SAC020 put the cursor on Acción, so the S typed for "informada"
    went into the optional action (a digits field) and was refused."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_billing(pilot)
        assert app.screen.focused is screen(app).field("ok")


# -- the rent's line says about IVA what its IVA column shows ------------------------------


def _view(*parts: RentPart, estrato: int = 3) -> RentView:
    return RentView(cuenta=1, estrato=estrato, iva_percent=19, parts=parts, history=())


INTERNET = RentPart("internet", "Internet 100 Megas", 69900, 0, exempt=True)
TV = RentPart("tv", "TV Avanzada", 50336, 9564)


@pytest.mark.parametrize(
    ("view", "label", "iva"),
    [
        (_view(INTERNET, TV), "Renta mensual (IVA 19% incluido)", "$ 9.564"),
        (_view(INTERNET, estrato=2), "Renta mensual (exenta de IVA, estrato 2)", "exento"),
        (_view(), "Renta mensual", "$ 0"),
        (_view(RentPart("tv", "Plan sin tarifa", 0, 0)), "Renta mensual", "$ 0"),
    ],
)
def test_the_rent_line_claims_no_iva_it_does_not_show(view: RentView, label: str, iva: str) -> None:
    line = total_line(view)
    assert line[:40].rstrip() == label
    assert line[41:].split() == [
        *_amount_words(view.base),
        *iva.split(),
        *_amount_words(view.total),
    ]


def _amount_words(value: int) -> list[str]:
    return ["$", f"{value:,}".replace(",", ".")]


async def test_an_internet_only_account_of_estrato_3_pays_no_iva(app: SwatApp) -> None:
    """cm_init: internet alone, estrato 3 — SAC021 said "(IVA 19% incluido)" beside $ 0."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_billing_of(pilot, "cm_init")
        await pilot.press("f13", "f15")
        await pilot.pause()
        assert panel_id(app) == "SAC021"
        total = shown(app, "total")
        assert total.startswith("Renta mensual (exenta de IVA, estrato 3)")
        assert total.split()[-3] == "exento" and "19%" not in total
