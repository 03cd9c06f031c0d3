"""Pilot tests: whole calls through each path of the procedure, and their records."""

from __future__ import annotations

from sqlalchemy import text
from textual.pilot import Pilot

from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.gates import SEE_ALL
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import (
    answer_call,
    desk_of,
    enter,
    fill,
    go_available,
    hang_up_and_answer_next,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    type_into,
)

SIZE = (80, 24)
P = load_procedure()


async def reception(pilot: Pilot[None], cuenta: int | None = None) -> None:
    await fill(
        pilot,
        wel="s",
        caller_name="Pedro Pérez [b]x[/b]",
        caller_document="79123456",
        rel="1",
        callback="3001234567",
    )
    if cuenta is not None:
        await type_into(pilot, "cuenta", str(cuenta))
    await enter(pilot)


async def typify_and_close(pilot: object, code_search: str = "cobro") -> None:
    await fill(pilot, search=code_search)  # type: ignore[arg-type]
    await enter(pilot)  # type: ignore[arg-type]
    await fill(pilot, o_0="1")  # type: ignore[arg-type]
    await enter(pilot)  # type: ignore[arg-type]
    await fill(pilot, notes="Se explica el cobro al cliente.")  # type: ignore[arg-type]
    await enter(pilot)  # type: ignore[arg-type]
    await fill(pilot, inf="s", mas="n", bye="s", srv="1", sc="5")  # type: ignore[arg-type]
    await enter(pilot)  # type: ignore[arg-type]


async def test_call_resolved_in_first_contact(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        assert panel_id(app) == "LLM001"
        assert "Laura Gómez" in shown(app, "script1")
        assert screen(app).field("cuenta").value == str(SHOWCASE["activa"])
        await reception(pilot)
        assert panel_id(app) == "LLM002"
        await fill(pilot, sta="s", request="Cobro no reconocido en la factura", br="1")
        await enter(pilot)
        assert panel_id(app) == "LLM003" and "SAC" in shown(app, "branch")
        await fill(pilot, ok="s", notes="Se revisa la factura con el cliente")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        await typify_and_close(pilot)
        assert panel_id(app) == "SFT001" and "ACW" in message(app)
        call_id = desk_of(app).last_call_id
    assert call_id is not None
    record = services.calls.get(call_id)
    assert record.status == "ended" and record.cuenta == SHOWCASE["activa"]
    assert record.caller_name == "Pedro Pérez [b]x[/b]"  # stored literally
    assert record.survey_answer == "acepta"
    assert [t.code for t in services.calls.typifications(call_id)] == ["SAC-FAC-002"]
    with services.engine.connect() as connection:
        steps = (
            connection.execute(
                text("SELECT DISTINCT step FROM call_event WHERE call_id = :c ORDER BY step"),
                {"c": call_id},
            )
            .scalars()
            .all()
        )
    assert steps == [1, 2, 3, 7, 8]


async def test_blacklisted_account_needs_f7_and_identity(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "blacklist"))
        await reception(pilot)
        assert panel_id(app) == "LLM002"
        assert shown(app, "holder") == "NO DAR INFO. VER F7"
        assert "NO DAR INFO" in shown(app, "banner")
        await fill(pilot, sta="s", request="Quiere saber su saldo", br="1")
        await enter(pilot)
        assert panel_id(app) == "LLM002" and message(app).startswith("Paso 2 incompleto")
        await pilot.press("f10")
        assert panel_id(app) == "LLM002" and "BLACKLIST" in message(app)
        await pilot.press("f7")
        assert panel_id(app) == "NTS001"
        await pilot.press("f12")
        await pilot.pause()
        assert screen(app).field("f7").value == "S"
        assert shown(app, "holder") == "NO DAR INFO. VALIDE IDENTIDAD"  # identity pending
        await fill(pilot, identity="cc+fecha")
        await enter(pilot)
        assert panel_id(app) == "LLM003", message(app)
        assert shown(app, "holder") not in ("", "NO DAR INFO. VER F7")


async def test_pending_pqr_must_be_reviewed(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "pqr_pending"))
        await reception(pilot)
        assert "12 días" in shown(app, "pqr_info")
        await fill(pilot, sta="s", request="Pregunta por su PQR", br="4")
        await enter(pilot)
        assert message(app) == "Paso 2 incompleto: PQR pendiente revisada."
        await fill(pilot, pqr="s")
        await enter(pilot)
        assert panel_id(app) == "LLM003" and "PQR" in shown(app, "branch")


async def test_caller_number_matching_no_account(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, "3009999999")
        assert "no está en ninguna cuenta" in shown(app, "ani_match")
        assert screen(app).field("cuenta").value == ""
        await fill(
            pilot,
            wel="s",
            caller_name="Ana",
            caller_document="52123456",
            rel="4",
            callback="3009999999",
        )
        await enter(pilot)
        assert panel_id(app) == "LLM001" and message(app) == "Digite la cuenta del cliente."
        await type_into(pilot, "cuenta", "99999999")
        await enter(pilot)
        assert message(app) == "La cuenta 99999999 no existe."
        document = services.accounts.open_panel(
            SHOWCASE["cancelado"], agent="T", gate=SEE_ALL
        ).document
        assert document is not None
        await type_into(pilot, "cuenta", document)  # found by the caller's document
        await enter(pilot)
        assert panel_id(app) == "LLM002" and shown(app, "status") == "CANCELADO"


async def test_caller_number_matching_several_accounts(app: SwatApp, services: Services) -> None:
    phone = phone_of(services, "shared_phone")
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone)
        assert shown(app, "ani_match").startswith("3 cuentas con ese número")
        await fill(
            pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1", cuenta=phone
        )
        await enter(pilot)
        assert panel_id(app) == "LLM001" and message(app).startswith("3 cuentas con el teléfono")
        await type_into(pilot, "cuenta", str(SHOWCASE["shared_phone"] + 1))
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        active = desk_of(app).active
        assert active is not None and active.record.cuenta == SHOWCASE["shared_phone"] + 1


async def test_bad_typification_code_and_answer_without_ring(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await go_available(pilot)
        await type_into(pilot, "opt", "3")
        await enter(pilot)
        assert message(app) == "No hay ninguna llamada timbrando."
        desk_of(app).ring(phone_of(services, "activa"), "HOGAR_SAC")
        await type_into(pilot, "opt", "3")
        await enter(pilot)
        await pilot.press("f22")
        assert message(app).startswith("No puede tipificar")
        await reception(pilot)
        await fill(pilot, sta="s", request="Consulta", br="1")
        await enter(pilot)
        await pilot.press("f22")
        assert panel_id(app) == "TIP001"
        await fill(pilot, code_in="NO-EXISTE", res="1")
        await enter(pilot)
        assert message(app) == "El código NO-EXISTE no existe en el catálogo UCC."
        assert screen(app).field("code_in").has_class("-error")


async def test_hanging_up_in_step_one_keeps_what_was_captured(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        await fill(pilot, caller_name="Luz Ángela Muñoz", caller_document="41234567")
        await pilot.press("f2")
        await type_into(pilot, "opt", "6")
        await enter(pilot)
        assert "colgada" in message(app)
        call_id = desk_of(app).last_call_id
    assert call_id is not None
    record = services.calls.get(call_id)
    assert (record.status, record.ended_by) == ("hung_up", "agent")  # not abandoned
    assert (record.caller_name, record.caller_document) == ("Luz Ángela Muñoz", "41234567")


async def test_another_request_in_the_same_call(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        await reception(pilot)
        await fill(pilot, sta="s", request="Factura", br="1")
        await enter(pilot)
        await fill(pilot, ok="s")
        await enter(pilot)
        await fill(pilot, search="cobro")
        await enter(pilot)
        await fill(pilot, o_0="1")
        await enter(pilot)
        await enter(pilot)
        await fill(pilot, inf="s", mas="s")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        active = desk_of(app).active
        assert active is not None and active.record.state.step == 2
        assert screen(app).field("sta").value == "S"  # call-wide: not asked again


async def test_wide_terminal_shows_the_guide_beside_the_panel(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        assert screen(app).has_class("-wide")
        column = screen(app).query_one("#guide-column")
        assert column.display and "Lea el guion de bienvenida." in str(column.render())


async def test_the_next_call_starts_on_clean_panels(app: SwatApp, services: Services) -> None:
    """Call panels are kept between calls: nothing of one call may show in the next."""
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        await fill(pilot, caller_name="Luz Ángela Muñoz", caller_document="41234567", rel="9")
        await enter(pilot)
        assert screen(app).field("rel").has_class("-error") and message(app)
        await hang_up_and_answer_next(pilot, phone_of(services, "pqr_pending"))
        assert panel_id(app) == "LLM001"
        current = screen(app)
        assert [
            f.value
            for f in current.panel.fields()
            if f.spec.name in ("wel", "caller_name", "caller_document", "rel")
        ] == ["", "", "", ""]
        assert not any(f.has_class("-error") for f in current.panel.fields())
        assert message(app) == ""
        assert current.field("cuenta").value == str(SHOWCASE["pqr_pending"])
        assert "Muñoz" not in current.panel.canvas.plain()
        assert current.focused is current.field("wel")
        active = desk_of(app).active
        assert active is not None and shown(app, "call") == str(active.call_id)


async def test_typifying_with_f22_then_at_step_7_uses_a_fresh_panel(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        await reception(pilot)
        await fill(pilot, sta="s", request="Factura", br="1")
        await enter(pilot)
        await pilot.press("f22")
        await fill(pilot, search="zzzz-no-hay")
        await enter(pilot)
        assert message(app).startswith("No hay códigos UCC")
        await pilot.press("f12")
        assert panel_id(app) == "LLM003"
        await fill(pilot, ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("search").value == "" and message(app) == ""
        records = screen(app).panel.canvas.records
        assert records and records[0]["code"].startswith("SAC-")  # the branch listed again


async def test_keys_typed_ahead_land_on_the_next_panel_of_a_later_call(
    app: SwatApp, services: Services
) -> None:
    """A kept panel is reset before the keys typed after Intro reach it."""
    from textual import events

    async with app.run_test(size=SIZE) as pilot:
        # The flag fields each account shows, in tab order.
        calls = (("activa", ["sta"]), ("pqr_pending", ["pqr", "sta"]))
        for case, flags in calls:
            ani = phone_of(services, case)
            if app.desk is not None and app.desk.active is not None:  # the first call: hang up
                await hang_up_and_answer_next(pilot, ani)
            else:
                await answer_call(pilot, ani)
            await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
            burst = ["enter", *(key for _ in flags for key in ("s", "tab")), *"Cobro", "tab", "1"]
            for key in burst:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            for _ in range(40):
                await pilot.pause(0.05)
                if panel_id(app) == "LLM002" and screen(app).field("br").value == "1":
                    break
            current = screen(app)
            assert panel_id(app) == "LLM002"
            typed = {name: current.field(name).value for name in (*flags, "request", "br")}
            assert typed == {**{flag: "s" for flag in flags}, "request": "Cobro", "br": "1"}


async def test_llm008_asks_for_the_resolution_before_another_request(app: SwatApp) -> None:
    """Intro on an empty LLM008 asked "¿Otra solicitud?" while Resolución, the
    field above it, was empty; row 24 asks from the top down, and N does not skip it."""
    told = P.message("closing_protocol", pending="Resolución informada")
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_closing(pilot)
        assert panel_id(app) == "LLM008"
        await enter(pilot)
        assert message(app) == told
        assert app.screen.focused is screen(app).field("inf")
        await fill(pilot, mas="n")
        await enter(pilot)
        assert message(app) == told and panel_id(app) == "LLM008"
        await fill(pilot, inf="s")
        await enter(pilot)
        assert message(app) == P.message("survey_choice")
