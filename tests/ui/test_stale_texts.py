"""A panel shows the state it is in, always.

After every change (a field typed, a sub-panel closed, an intent recorded)
row 24 and the "Siguiente" line are recomputed from the procedure state.
"""

from __future__ import annotations

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import (
    answer_call,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    to_interpretation,
    type_keys,
)

SIZE = (80, 24)


async def test_llm002_after_f7_says_what_is_left_and_drops_the_old_error(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "blacklist"))
        assert panel_id(app) == "LLM002"
        assert shown(app, "holder") == "NO DAR INFO. VER F7"
        await fill(pilot, identity="cedula y fecha")
        await fill(pilot, sta="s")  # leaving the identity field: refused, F7 first
        assert "Lea primero las notas especiales (F7)" in message(app)
        await pilot.press("f7")
        await pilot.pause()
        assert panel_id(app) == "NTS001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "LLM002"
        assert message(app) == ""  # the refusal no longer holds
        assert "VER F7" not in shown(app, "holder")
        assert "VALIDE IDENTIDAD" in shown(app, "holder")
        assert "VER F7" not in shown(app, "banner") and "valide" in shown(app, "banner").lower()
        assert shown(app, "next").startswith("Valide la identidad")
        assert shown(app, "f7_info") == "leídas en esta llamada"  # not "se marca al leer F7"


async def test_llm001_forgets_the_callers_account_when_another_is_typed(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        assert screen(app).field("cuenta").value == str(SHOWCASE["activa"])
        assert "corresponde a esta cuenta" in shown(app, "ani_match")
        await fill(pilot, caller_name="Ana", caller_document="52123456", rel="1")
        await type_keys(pilot, "cuenta", str(SHOWCASE["pqr_pending"]))
        await pilot.pause()
        assert "corresponde a esta cuenta" not in shown(app, "ani_match")
        assert shown(app, "next") == "Lea el guion de bienvenida."  # still pending, not typed
        await enter(
            pilot
        )  # the script still to read: the typed account opens; step 1 refuses to go on
        assert panel_id(app) == "LLM001" and "incompleto" in message(app)
        opened = shown(app, "account_info")
        assert opened.startswith("Titular:")
        await type_keys(pilot, "cuenta", str(SHOWCASE["activa"]))
        await pilot.pause()
        assert shown(app, "account_info") != opened  # no longer the opened account's holder
        assert "Intro" in shown(app, "account_info")


async def test_siguiente_says_intro_once_everything_is_typed(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "activa"))
        assert panel_id(app) == "LLM002"
        await fill(pilot, sta="s", request="Pregunta por su factura")
        assert shown(app, "next").startswith("Registre la solicitud")
        await type_keys(pilot, "br", "1")
        await pilot.pause()
        assert shown(app, "next").startswith("Pulse Intro")
        await pilot.press("backspace")  # the cursor is still in "Rama"
        await pilot.pause()
        assert shown(app, "next").startswith("Registre la solicitud")


async def test_llm002_shows_the_open_aviso_and_makes_it_a_check(
    app: SwatApp, services: Services
) -> None:
    """The aviso's INC number and priority in step 2, acknowledged with S."""
    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "aviso"))
        assert panel_id(app) == "LLM002"
        assert shown(app, "avi_label").startswith("Aviso abierto en el nodo")
        assert shown(app, "aviso_info").startswith("INC") and " P" in shown(app, "aviso_info")
        assert screen(app).field("avi").display
        await fill(pilot, sta="s", request="Sin internet", br="2")
        await enter(pilot)
        assert panel_id(app) == "LLM002" and "Aviso" in message(app)
        await fill(pilot, avi="s")
        await enter(pilot)
        assert panel_id(app) == "LLM003", message(app)


async def test_tip001_siguiente_says_intro_once_code_and_resolution_are_in(
    app: SwatApp,
) -> None:
    from tests.ui import test_legend_keys as routes

    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        assert shown(app, "next").startswith("Tipifique")
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert screen(app).field("code_in").value
        assert shown(app, "next") == "Pulse Intro para registrar la tipificación."


async def test_llm008_siguiente_says_intro_once_the_protocol_is_typed(app: SwatApp) -> None:
    from tests.ui import test_legend_keys as routes

    async with app.run_test(size=SIZE) as pilot:
        await routes.to_closing(pilot)
        assert panel_id(app) == "LLM008"
        await fill(pilot, inf="s", mas="n", bye="s", srv="1", sc="5")
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "next") == "Pulse Intro para terminar la llamada."


async def test_on_the_softphone_a_ringing_call_says_3_not_f2(app: SwatApp) -> None:
    from tests.ui.helpers import desk_of, go_available

    async with app.run_test(size=SIZE) as pilot:
        await go_available(pilot)
        assert panel_id(app) == "SFT001"
        desk_of(app).ring("3001234567", "HOGAR_SAC")
        await pilot.pause()
        assert message(app) == "Llamada entrante de 3001234567 (HOGAR_SAC): 3=Contestar."


async def test_another_request_starts_llm002_empty_and_cannot_reuse_the_typified_one(
    app: SwatApp,
) -> None:
    """Found driving a call: after 'otra solicitud: S' LLM002 showed the first request
    and "Paso 2 completo", and Intro took the typified request back to step 3."""
    from tests.ui import test_legend_keys as routes
    from tests.ui.helpers import desk_of

    async with app.run_test(size=SIZE) as pilot:
        await routes.to_closing(pilot)
        await fill(pilot, inf="s", mas="s")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        assert screen(app).field("request").value == ""
        assert screen(app).field("br").value == ""
        assert shown(app, "next").startswith("Registre la solicitud")
        await enter(pilot)
        assert panel_id(app) == "LLM002" and "solicitud" in message(app)
        await fill(pilot, request="Ahora el plan de TV", br="1")
        await enter(pilot)
        assert panel_id(app) == "LLM003"
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert [r.number for r in state.requests] == [1, 2]


async def test_a_panel_shown_again_puts_the_cursor_on_the_first_field_to_type(
    app: SwatApp,
) -> None:
    """Found resuming a call: the cursor sat on a check already recorded, so the
    request typed went into it."""
    from tests.ui import test_legend_keys as routes

    async with app.run_test(size=SIZE) as pilot:
        await routes.to_closing(pilot)
        await fill(pilot, inf="s", mas="s")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        assert screen(app).focused is screen(app).field("request")
