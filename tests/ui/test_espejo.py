"""The Espejo (F14): RR's alternate work screen, a second session with its own panels."""

from __future__ import annotations

from sqlalchemy import text

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.format import HIDDEN
from tests.ui.helpers import (
    answer_call,
    enter,
    fill,
    panel_id,
    phone_of,
    screen,
    shown,
    sign_on,
    type_into,
)

SIZE = (80, 24)


def _consultas(services: Services, cuenta: int) -> int:
    with services.engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM access_log WHERE cuenta = :c AND action = 'CONSULTA'"),
                {"c": cuenta},
            ).scalar_one()
        )


async def test_consult_another_account_mid_call_and_come_back(
    app: SwatApp, services: Services
) -> None:
    other = SHOWCASE["pqr_pending"]
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        await fill(pilot, sta="s", request="Pregunta por la cuenta de su madre")
        await pilot.press("f14")
        await pilot.pause()
        assert panel_id(app) == "MNU001" and shown(app, "system") == "ESPEJO"
        await type_into(pilot, "option", "1")
        await enter(pilot)
        await type_into(pilot, "value", str(other))
        await enter(pilot)
        assert panel_id(app) == "CTA001" and shown(app, "cuenta") == str(other)
        assert _consultas(services, other) == 1  # logged like any other panel
        await pilot.press("f14")
        await pilot.pause()
        assert panel_id(app) == "LLM002" and shown(app, "system") != "ESPEJO"
        current = screen(app)
        assert current.field("sta").value == "S"
        assert current.field("request").value == "Pregunta por la cuenta de su madre"
        await pilot.press("f14")
        await pilot.pause()
        assert panel_id(app) == "CTA001"  # the Espejo kept its own panels
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f3")  # F3 on the Espejo's menu: back to the main session
        await pilot.pause()
        assert panel_id(app) == "LLM002"


async def test_the_blacklist_rule_holds_in_the_espejo(app: SwatApp, services: Services) -> None:
    cuenta = SHOWCASE["blacklist"]
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "blacklist"))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("f12")  # F7 read, identity not validated yet
        await pilot.pause()
        await pilot.press("f14")
        await pilot.pause()
        await type_into(pilot, "option", "1")
        await enter(pilot)
        await type_into(pilot, "value", str(cuenta))
        await enter(pilot)
        assert panel_id(app) == "CTA001"
        assert shown(app, "holder") == HIDDEN and shown(app, "document") == HIDDEN
        await pilot.press("f3")
        await pilot.pause()
        await type_into(pilot, "option", "3")  # "volver a la llamada" from the Espejo
        await enter(pilot)
        assert panel_id(app) == "LLM002" and shown(app, "system") != "ESPEJO"


async def test_sign_off_forgets_the_espejo(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await pilot.press("f14")
        await pilot.pause()
        await type_into(pilot, "option", "1")
        await enter(pilot)
        assert panel_id(app) == "CTA010"
        await pilot.press("f14")
        await pilot.pause()
        await type_into(pilot, "option", "90")
        await enter(pilot)
        assert panel_id(app) == "SGN001"
        await sign_on(pilot, "ASESOR02")
        await pilot.press("f14")
        await pilot.pause()
        assert panel_id(app) == "MNU001" and shown(app, "system") == "ESPEJO"
