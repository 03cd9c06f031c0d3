"""Every way around the BLACKLIST rule found by driving the app is closed.

The rule: no personal or billing information of a blacklisted account until,
in the call, its F7 notes were read AND the caller's identity validated.
"""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.format import HIDDEN
from tests.gates import SEE_ALL
from tests.ui.helpers import (
    answer_call,
    desk_of,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    type_into,
)

SIZE = (80, 24)


def _blacklisted_phone(services: Services) -> str:
    return phone_of(services, "blacklist")


def _holder(services: Services) -> str:
    view = services.accounts.open_panel(SHOWCASE["blacklist"], agent="T", gate=SEE_ALL)
    assert view.holder_name
    return view.holder_name


async def _to_interpretation(pilot: object, app: SwatApp, services: Services) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await answer_call(pilot, _blacklisted_phone(services))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    assert panel_id(app) == "LLM002"


async def test_llm001_does_not_show_the_holder_after_f7(app: SwatApp, services: Services) -> None:
    """The reported leak: welcome script unchecked, account open, F7, F12."""
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, _blacklisted_phone(services))
        await fill(pilot, caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)  # the account opens; step 1 refuses: the script is pending
        assert panel_id(app) == "LLM001" and "incompleto" in message(app)
        assert "NO DAR INFO" in shown(app, "account_info")
        await pilot.press("f7")
        await pilot.pause()
        assert panel_id(app) == "NTS001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "LLM001"
        assert "NO DAR INFO" in shown(app, "account_info")
        assert _holder(services) not in shown(app, "account_info")


async def test_cta001_from_the_menu_follows_the_calls_rule(
    app: SwatApp, services: Services
) -> None:
    """Path (a): F3, option 1, the same cuenta, F7, F12 during a call without identity."""
    async with app.run_test(size=SIZE) as pilot:
        await _to_interpretation(pilot, app, services)
        await pilot.press("f3")
        await pilot.pause()
        await type_into(pilot, "option", "1")
        await enter(pilot)
        await type_into(pilot, "value", str(SHOWCASE["blacklist"]))
        await enter(pilot)
        assert panel_id(app) == "CTA001"
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "CTA001"
        for name in ("holder", "document", "address", "phones", "balance", "rent"):
            assert shown(app, name) == HIDDEN, name
        await pilot.press("f10")
        await pilot.pause()
        assert panel_id(app) == "CTA001" and "BLACKLIST" in message(app)


async def test_identity_cannot_be_validated_before_f7(app: SwatApp, services: Services) -> None:
    """Path (b): the identity field is refused until the F7 notes were read."""
    async with app.run_test(size=SIZE) as pilot:
        await _to_interpretation(pilot, app, services)
        await type_into(pilot, "identity", "cc+fecha")
        await pilot.press("tab")
        await pilot.pause()
        assert message(app) == "Lea primero las notas especiales (F7); después valide la identidad."
        active = desk_of(app).active
        assert active is not None
        record = services.calls.get(active.call_id)
        assert record.state.mark_for("identidad_validada", 0) is None
        assert shown(app, "holder") == "NO DAR INFO. VER F7"


async def test_clearing_the_identity_revokes_it(app: SwatApp, services: Services) -> None:
    """Path (c): clearing the validation masks the account again and step 2 refuses."""
    async with app.run_test(size=SIZE) as pilot:
        await _to_interpretation(pilot, app, services)
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        await type_into(pilot, "identity", "cc+fecha")
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "holder") == _holder(services)
        await type_into(pilot, "identity", "")
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "holder") == "NO DAR INFO. VALIDE IDENTIDAD"  # F7 is still read
        assert "BLACKLIST" in shown(app, "banner") and "Valide" in shown(app, "banner")
        await fill(pilot, sta="s", request="Saldo", br="1")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        assert message(app).startswith("Paso 2 incompleto: BLACKLIST: identidad validada")
        await pilot.press("f10")
        await pilot.pause()
        assert panel_id(app) == "LLM002" and "BLACKLIST" in message(app)
        assert screen(app).field("identity").value == ""
