"""The BLACKLIST rule: a refused value never becomes a validation later, and
every banner says where the rule stands (CTA001 in the call, from the menu and in the
Espejo; LLM002)."""

from __future__ import annotations

from sqlalchemy import text
from textual.pilot import Pilot

from swat_tui.domain.account.views import Access
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.labels import BLACKLIST_BANNER, BLACKLIST_BANNERS
from tests.gates import SEE_ALL
from tests.ui.helpers import (
    answer_call,
    consult_account,
    desk_of,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    type_into,
    type_keys,
)

SIZE = (80, 24)
CUENTA = SHOWCASE["blacklist"]


async def _blacklisted_call_at_step_2(pilot: Pilot[None], services: Services) -> None:
    await answer_call(pilot, phone_of(services, "blacklist"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    assert panel_id(pilot.app) == "LLM002"  # type: ignore[arg-type]


async def _cta001(pilot: Pilot[None]) -> None:
    """Menu option 1 and the blacklisted cuenta: its account panel."""
    await consult_account(pilot, CUENTA)
    assert panel_id(pilot.app) == "CTA001"  # type: ignore[arg-type]


def _events(services: Services, check: str) -> int:
    with services.engine.connect() as connection:
        return int(
            connection.execute(
                text('SELECT count(*) FROM call_event WHERE "check" = :c'), {"c": check}
            ).scalar_one()
        )


async def test_a_refused_identity_is_never_recorded_by_leaving_the_panel(
    app: SwatApp, services: Services
) -> None:
    """S typed in "identidad validada" before F7 is refused; F7, F12 and F3 record
    nothing, the field comes back empty, and CTA001 from the menu stays masked."""
    holder = services.accounts.open_panel(CUENTA, agent="T", gate=SEE_ALL).holder_name
    assert holder
    async with app.run_test(size=SIZE) as pilot:
        await _blacklisted_call_at_step_2(pilot, services)
        await type_keys(pilot, "identity", "S")
        await pilot.press("tab")
        await pilot.pause()
        assert message(app).startswith("Lea primero las notas especiales (F7)")
        await pilot.press("f7")
        await pilot.pause()
        assert panel_id(app) == "NTS001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "LLM002"
        assert screen(app).field("identity").value == ""  # the refused S is gone
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        active = desk_of(app).active
        assert active is not None
        assert active.record.state.mark_for("identidad_validada", 0) is None
        assert _events(services, "identidad_validada") == 0
        await _cta001(pilot)
        assert holder not in screen(app).panel.canvas.plain()
        assert shown(app, "banner").strip() == BLACKLIST_BANNERS[Access.IDENTITY_PENDING]


async def test_every_banner_says_where_the_rule_stands(app: SwatApp, services: Services) -> None:
    """F7 not read: VER F7; read in the call: validate the identity (LLM002, CTA001 from
    the menu and in the Espejo, all masked); validated: said so, and shown."""
    holder = services.accounts.open_panel(CUENTA, agent="T", gate=SEE_ALL).holder_name
    assert holder
    async with app.run_test(size=SIZE) as pilot:
        await _blacklisted_call_at_step_2(pilot, services)
        assert shown(app, "banner").strip() == BLACKLIST_BANNER
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        pending = BLACKLIST_BANNERS[Access.IDENTITY_PENDING]
        assert shown(app, "banner").strip() == pending
        await pilot.press("f3")
        await pilot.pause()
        await _cta001(pilot)
        assert shown(app, "banner").strip() == pending
        assert holder not in screen(app).panel.canvas.plain()
        await pilot.press("f14")
        await pilot.pause()
        await _cta001(pilot)
        assert shown(app, "system") == "ESPEJO"
        assert shown(app, "banner").strip() == pending  # not "VER F7": F7 was read
        assert holder not in screen(app).panel.canvas.plain()
        await pilot.press("f14")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await type_into(pilot, "option", "3")  # back to the call
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        await type_keys(pilot, "identity", "cedula y fecha")
        await pilot.press("tab")
        await pilot.pause()
        validated = BLACKLIST_BANNERS[Access.VALIDATED]
        assert shown(app, "banner").strip() == validated
        await pilot.press("f3")
        await pilot.pause()
        await _cta001(pilot)
        assert shown(app, "banner").strip() == validated
        assert holder in screen(app).panel.canvas.plain()
