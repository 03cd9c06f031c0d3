"""Pilot tests: sign-on, search, F7 and F10 as an agent drives them."""

from __future__ import annotations

from textual import events

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.gates import SEE_ALL
from tests.ui.helpers import (
    message,
    open_account,
    panel_id,
    screen,
    shown,
    sign_on,
    type_into,
    type_keys,
)

SIZE = (80, 24)


async def test_sign_on_reaches_the_main_menu(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, user="asesor01")
        assert panel_id(app) == "MNU001"
        assert shown(app, "agent") == "ASESOR01"
        assert shown(app, "agent_name") == "Laura Gómez"


async def test_wrong_password_and_unknown_user(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, password="nope-nope")
        assert panel_id(app) == "SGN001" and message(app).startswith("CPF1107")
        assert screen(app).field("password").value == ""  # never left on screen
        await sign_on(pilot, user="NADIE", password="x")
        assert message(app).startswith("CPF1120")


async def test_profile_is_disabled_after_three_failures(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await sign_on(pilot, password="wrong-one")
        assert message(app).startswith("CPF1394")
        await sign_on(pilot)  # even the right password is refused now
        assert panel_id(app) == "SGN001" and message(app).startswith("CPF1394")


async def test_empty_user_is_asked_for(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert message(app) == "Digite el usuario."


async def test_sign_off_from_the_menu_forgets_the_agent(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "90")
        await pilot.press("enter")
        assert panel_id(app) == "SGN001" and app.agent is None


async def test_invalid_menu_option(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "77")  # no role has it (7 is the formador's)
        await pilot.press("enter")
        assert message(app) == "La opción 77 no es válida."


async def _search(pilot: object, by: str, value: str) -> None:
    await type_into(pilot, "by", by)  # type: ignore[arg-type]
    await type_into(pilot, "value", value)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_search_by_cuenta_opens_the_panel(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["pqr_pending"])
        assert panel_id(app) == "CTA001"
        assert shown(app, "cuenta") == str(SHOWCASE["pqr_pending"])
        assert "PQR PENDIENTE" in shown(app, "flag1") and "12 días" in shown(app, "flag1")


async def test_bad_searches_keep_the_agent_on_the_search_panel(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        cases = {
            ("1", "1000ABC1"): "La cuenta solo admite dígitos.",
            ("1", "1234"): "La cuenta debe tener 8 dígitos.",
            ("1", "99999999"): "No hay cuentas",
            ("1", ""): "",
            ("3", "12"): "",
        }
        for (by, value), expected in cases.items():
            await _search(pilot, by, value)
            assert panel_id(app) == "CTA010", (by, value)
            assert message(app).startswith(expected) and message(app), (by, value, message(app))
            assert screen(app).field("value").has_class("-error")


async def test_document_with_many_accounts_pages_and_opens_with_option_5(
    app: SwatApp, services: Services
) -> None:
    first = SHOWCASE["many_accounts_document"]
    document = services.accounts.open_panel(first, agent="T", gate=SEE_ALL).document
    assert document is not None
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await pilot.press("enter")
        await _search(pilot, "2", document.split()[-1])
        assert panel_id(app) == "CTA020"
        assert shown(app, "more") == "Más..." and shown(app, "count") == "15 cuentas"
        await pilot.press("pageup")
        assert message(app) == "Está en el principio de la lista."
        await pilot.press("pagedown")
        assert shown(app, "more") == "Final"
        await pilot.press("pagedown")
        assert message(app) == "Está en el final de la lista."
        records = screen(app).panel.canvas.records
        assert len(records) == 5 and records[0]["cuenta"] == str(first + 10)
        await type_into(pilot, "o_1", "4")
        await pilot.press("enter")
        assert message(app).startswith("Opción 4 no válida")
        await type_into(pilot, "o_1", "5")
        await pilot.press("enter")
        assert panel_id(app) == "CTA001" and shown(app, "cuenta") == str(first + 11)
        await pilot.press("f12")
        assert panel_id(app) == "CTA020"


async def test_blacklist_hides_details_until_f7_is_read(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["blacklist"])
        assert "NO DAR INFO. VER F7" in shown(app, "banner")
        assert shown(app, "holder") == "********" and shown(app, "balance") == "********"
        await pilot.press("f10")  # inventory waits for the notes too
        assert panel_id(app) == "CTA001" and "BLACKLIST" in message(app)
        await pilot.press("f7")
        assert panel_id(app) == "NTS001"
        assert any("VALIDAR" in r.get("text", "") for r in screen(app).panel.canvas.records)
        await pilot.press("f12")
        assert panel_id(app) == "CTA001"
        assert "VER F7" not in shown(app, "banner") and "leídas" in shown(app, "banner")
        assert shown(app, "holder") != "********"


async def test_notes_reject_empty_and_too_long_without_losing_text(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        await pilot.press("enter")
        assert message(app) == "La nota está vacía."
        long_text = "Cliente reporta intermitencia. " * 162  # about 5,000 characters
        screen(app).field("note").value = long_text
        await pilot.press("enter")
        assert "máximo 1000" in message(app) and "F6" in message(app)
        assert screen(app).field("note").value == long_text  # nothing lost


async def test_f7_note_with_markup_and_accents_is_shown_literally(app: SwatApp) -> None:
    note = "Señora Núñez: [bold]urgente[/] [link=http://x]ver[/link] ñ"
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        await type_keys(pilot, "note", note)
        await pilot.press("enter")
        assert message(app) == "Nota especial grabada."
        texts = " ".join(r.get("text", "") for r in screen(app).panel.canvas.records)
        assert note in texts
        rendered = screen(app).panel.canvas.plain()
        assert "[bold]urgente[/]" in rendered


async def test_f6_creates_the_swat_folder_for_a_long_note(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7", "f6")
        assert panel_id(app) == "NTS002" and screen(app).field("name").value == "SWAT"
        await pilot.press("enter")
        assert panel_id(app) == "NTS003" and shown(app, "folder") == "SWAT"
        screen(app).field("note").value = "Gestión SWAT detallada. " * 200  # 4,800 chars
        await pilot.press("enter")
        assert message(app) == "Nota grabada en la carpeta SWAT."
        await pilot.press("f12")
        assert panel_id(app) == "NTS001" and shown(app, "folders") == "SWAT"
        await pilot.press("f6")
        assert screen(app).field("name").value == ""  # SWAT exists: no default
        await type_into(pilot, "name", "swat")
        await pilot.press("enter")
        assert panel_id(app) == "NTS002" and "existe" in message(app)  # no duplicates


async def test_f10_lists_serials(app: SwatApp, services: Services) -> None:
    inventory = services.accounts.inventory(SHOWCASE["tv_nagra"], agent="T", gate=SEE_ALL)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["tv_nagra"])
        await pilot.press("f10")
        assert panel_id(app) == "INV001"
        serials = [r["serial"] for r in screen(app).panel.canvas.records]
        assert serials == [item.serial for item in inventory.equipment]
        assert any("NAGRA" in shown(app, f"svc{i}") for i in (1, 2, 3))
        await pilot.press("f3")
        assert panel_id(app) == "MNU001"


async def test_keys_typed_ahead_in_one_burst_are_all_applied_in_order(app: SwatApp) -> None:
    """A 5250 agent types ahead: a burst of keys must land where each was meant."""
    cuenta = str(SHOWCASE["activa"])
    burst = [*"asesor01", "tab", *"swat2026", "enter", "1", "enter", *cuenta, "enter", "f10"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in burst:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(50):
            await pilot.pause(0.05)
            if panel_id(app) == "INV001":
                break
        assert panel_id(app) == "INV001" and shown(app, "cuenta") == cuenta


async def test_small_terminal_asks_for_80x24(app: SwatApp) -> None:
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        assert screen(app).has_class("-too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen(app).has_class("-too-small")


async def test_opening_a_panel_writes_one_access_log_row(app: SwatApp, services: Services) -> None:
    from sqlalchemy import text

    def rows() -> list[tuple[str, int, str]]:
        with services.engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    text("SELECT username, cuenta, action FROM access_log ORDER BY id")
                )
            ]

    before = rows()
    cuenta = SHOWCASE["activa"]
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, cuenta)
        await pilot.press("f10")
        await pilot.press("f12")  # back on CTA001: re-read, logged once more
        await pilot.pause()
    assert rows()[len(before) :] == [
        ("ASESOR01", cuenta, "CONSULTA"),
        ("ASESOR01", cuenta, "F10"),
        ("ASESOR01", cuenta, "CONSULTA"),
    ]


async def test_a_panel_below_fits_a_terminal_resized_while_it_was_covered(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["activa"])
        await pilot.press("f7")
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert panel_id(app) == "NTS001" and screen(app).has_class("-too-small")
        await pilot.press("f12")
        assert panel_id(app) == "CTA001" and screen(app).has_class("-too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen(app).has_class("-too-small")
