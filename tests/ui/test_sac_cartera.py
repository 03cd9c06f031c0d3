"""SAC010, cartera — aviso final, debt by age, benefits, commitment,
reconnection, and the resolution (N goes to DIME)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import PaymentCommitment, Reconnection
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any


def _commitments(app: SwatApp, cuenta: int) -> list[PaymentCommitment]:
    assert app.services is not None
    with read_session(app.services.engine) as session:
        return list(
            session.exec(select(PaymentCommitment).where(PaymentCommitment.cuenta == cuenta))
        )


def test_cartera_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """SAC010 of the account with an aviso final: the notice date, amount and suspension date, the
    debt by age (1-30 and 31-60 days) with its total, both payment benefits marked CUMPLE with
    their terms, reconnection not applicable, and the F21+F18 chord in the legend."""
    assert snap_compare(app, run_before=routes.to_cartera)


def test_cartera_snapshot_reconnection(snap_compare: Snap, app: SwatApp) -> None:
    """SAC010 of a CANCELADO CREDITO account: no aviso final, a credit balance (negative total),
    the line saying it paid and was not reconnected, and the reconnection field inviting S
    to create the order."""

    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_subflow(pilot, "cancelado_credito", "1", "1")

    assert snap_compare(app, run_before=run_before)


async def test_cartera_shows_the_debt_and_records_a_commitment(app: SwatApp) -> None:
    cuenta = SHOWCASE["aviso_final"]
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_cartera(pilot)
        assert panel_id(app) == "SAC010"
        assert shown(app, "notice").startswith("desde el ")
        assert "CUMPLE" in shown(app, "b1")
        # Bad input: letters in the amount; nothing written, the text stays.
        await fill(pilot, ben="DTO20", fecha="01122026", valor="12O000")
        await enter(pilot)
        assert "sin letras" in message(app)
        assert screen(app).field("valor").value == "12O000"
        assert _commitments(app, cuenta) == []
        # A date beyond the benefit's limit (10 days).
        await fill(pilot, valor="999999", fecha="31122026")
        await enter(pilot)
        assert "máximo el" in message(app)
        assert _commitments(app, cuenta) == []
        view = desk_of(app).sac.cartera(cuenta)
        least = view.benefits[0].benefit.amount_due(view.facts.debt)
        await fill(pilot, fecha="05122026", valor=str(least))
        await enter(pilot)
        assert message(app).startswith("Compromiso registrado"), message(app)
        [row] = _commitments(app, cuenta)
        assert (row.benefit, row.promised_on, row.amount, row.status) == (
            "DTO20",
            date(2026, 12, 5),
            least,
            "VIGENTE",
        )
        assert shown(app, "commit").startswith("Compromiso vigente")
        assert screen(app).field("valor").value == ""
        await fill(pilot, inf="s", ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "SAC-CAR-001"


async def test_a_benefit_not_met_is_refused_with_its_reason(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_subflow(pilot, "benefit_not_met", "1", "1")
        assert panel_id(app) == "SAC010"
        assert "NO CUMPLE" in shown(app, "b1")
        await fill(pilot, ben="DTO20", fecha="01122026", valor="100000")
        await enter(pilot)
        assert message(app).startswith("No cumple el beneficio DTO20: Sin pagos")
        assert _commitments(app, SHOWCASE["benefit_not_met"]) == []


async def test_a_paid_account_requests_its_reconnection(app: SwatApp) -> None:
    cuenta = SHOWCASE["cancelado_credito"]
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_subflow(pilot, "cancelado_credito", "1", "1")
        assert "CANCELADO CREDITO" in shown(app, "paid")
        await fill(pilot, rc="s")
        await enter(pilot)
        assert message(app).startswith("Reconexión solicitada: orden RCX"), message(app)
        assert app.services is not None
        with read_session(app.services.engine) as session:
            [order] = session.exec(select(Reconnection).where(Reconnection.cuenta == cuenta))
        assert order.status == "PENDIENTE" and order.number in shown(app, "recon")
        await fill(pilot, rc="s")
        await enter(pilot)
        assert message(app).startswith("Ya hay una reconexión pendiente")


async def test_resolution_needs_the_information_first(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_cartera(pilot)
        await fill(pilot, ok="s")
        await enter(pilot)
        assert panel_id(app) == "SAC010"
        assert message(app).startswith("Informe primero la cartera"), message(app)


async def _to_blacklisted_cartera(pilot: Pilot[None]) -> None:
    """The BLACKLIST account through step 2 (F7 read, identity validated) to SAC010."""
    await answer_call(pilot, routes._phone(pilot, "blacklist"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await pilot.press("f7")
    await pilot.press("f12")
    await pilot.pause()
    await fill(pilot, identity="cc+fecha exp", sta="s", request="Cuánto debe", br="1")
    await enter(pilot)
    await fill(pilot, g="1")
    await enter(pilot)


def test_cartera_snapshot_blacklist_after_validation(snap_compare: Snap, app: SwatApp) -> None:
    """SAC010 of a BLACKLIST account once F7 was read and the identity validated in step 2:
    the holder's name is shown, and its cartera in full (no aviso final, zero debt by age,
    Cuenta al día, no payment benefits)."""
    assert snap_compare(app, run_before=_to_blacklisted_cartera)


async def test_a_blacklisted_account_shows_its_cartera_only_after_validation(app: SwatApp) -> None:
    cuenta = SHOWCASE["blacklist"]
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_blacklisted_cartera(pilot)
        assert panel_id(app) == "SAC010", message(app)
        assert shown(app, "holder") and shown(app, "total").startswith("$")
        # Outside the call the same account is still masked: the desk refuses it.
        desk = desk_of(app)
        assert desk.active is not None
        from swat_tui.domain.account.disclosure import DisclosureGate
        from swat_tui.domain.errors import DomainError

        desk.ctx.gate = DisclosureGate(lambda: None)
        try:
            desk.sac.cartera(cuenta)
        except DomainError as refused:
            assert "BLACKLIST" in refused.message
        else:
            raise AssertionError("a masked account's cartera was given")
