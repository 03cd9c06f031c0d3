"""Every key a legend shows does something on that panel.

"Something" is observable: another panel comes up, the program ends, or the
message line changes. The panels are reached the way an agent reaches them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.keys import CHORD_KEYS, CHORDS, REGISTRY
from tests.gates import SEE_ALL
from tests.ui.helpers import answer_call, enter, fill, open_account, screen, sign_on, type_into

Route = Callable[[Pilot[None]], Awaitable[None]]


async def to_sign_on(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def to_menu(pilot: Pilot[None]) -> None:
    await sign_on(pilot)


async def to_search(pilot: Pilot[None]) -> None:
    await sign_on(pilot)
    await type_into(pilot, "option", "1")
    await pilot.press("enter")


async def to_list(pilot: Pilot[None]) -> None:
    await to_search(pilot)
    await type_into(pilot, "by", "3")
    await type_into(pilot, "value", "")
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    view = app.services.accounts.open_panel(SHOWCASE["shared_phone"], agent="T", gate=SEE_ALL)
    assert view.phone_mobile
    await type_into(pilot, "value", view.phone_mobile)
    await pilot.press("enter")


async def to_account(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["blacklist"])


async def to_notes(pilot: Pilot[None]) -> None:
    await to_account(pilot)
    await pilot.press("f7")


async def to_new_folder(pilot: Pilot[None]) -> None:
    await to_notes(pilot)
    await pilot.press("f6")


async def to_folder(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["swat_folder"])
    await pilot.press("f7")
    await type_into(pilot, "folder", "SWAT")
    await pilot.press("enter")


async def to_inventory(pilot: Pilot[None]) -> None:
    await open_account(pilot, SHOWCASE["activa"])
    await pilot.press("f10")


async def to_softphone(pilot: Pilot[None]) -> None:
    await sign_on(pilot)
    await pilot.press("f2")


async def to_guide(pilot: Pilot[None]) -> None:
    await sign_on(pilot)
    await pilot.press("f1")


def _phone(pilot: Pilot[None], case: str) -> str:
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    view = app.services.accounts.open_panel(SHOWCASE[case], agent="T", gate=SEE_ALL)
    assert view.phone_mobile
    return view.phone_mobile


async def to_reception(pilot: Pilot[None]) -> None:
    await answer_call(pilot, _phone(pilot, "activa"))


async def to_interpretation(pilot: Pilot[None]) -> None:
    await to_reception(pilot)
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)


async def to_branch(pilot: Pilot[None]) -> None:
    await to_interpretation(pilot)
    await fill(pilot, sta="s", request="Factura", br="1")
    await enter(pilot)


async def to_pqr_consult(pilot: Pilot[None]) -> None:
    await to_interpretation(pilot)
    await fill(pilot, sta="s", request="Consulta su reclamo", br="4")
    await enter(pilot)
    await fill(pilot, g="1")
    await enter(pilot)


async def to_pqr_desist(pilot: Pilot[None]) -> None:
    await to_interpretation(pilot)
    await fill(pilot, sta="s", request="Duda sobre su reclamo", br="4")
    await enter(pilot)
    await fill(pilot, g="2")
    await enter(pilot)


async def to_pqr_filing(pilot: Pilot[None]) -> None:
    await to_interpretation(pilot)
    await fill(pilot, sta="s", request="Insiste en radicar una queja", br="4")
    await enter(pilot)
    await fill(pilot, g="3")
    await enter(pilot)


async def to_subflow(pilot: Pilot[None], case: str, branch: str, option: str) -> None:
    """A call from a showcase account's holder, through steps 1-2, to a sub-flow's panel."""
    await answer_call(pilot, _phone(pilot, case))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, sta="s", request="Pregunta por su cuenta", br=branch)
    await enter(pilot)
    await fill(pilot, g=option)
    await enter(pilot)


async def to_cartera(pilot: Pilot[None]) -> None:
    await to_subflow(pilot, "aviso_final", "1", "1")


async def to_recaudo(pilot: Pilot[None]) -> None:
    await to_subflow(pilot, "payment_not_applied", "1", "3")


async def to_td_walk(pilot: Pilot[None]) -> None:
    await to_subflow(pilot, "activa", "2", "1")


async def to_inventory_check(pilot: Pilot[None]) -> None:
    await to_subflow(pilot, "serial_mismatch", "2", "3")


async def to_mass_failure(pilot: Pilot[None]) -> None:
    """A soporte call from the repeat caller on the aviso node, to MAS010."""
    await answer_call(pilot, _phone(pilot, "aviso_repeat"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, avi="s", sta="s", request="Sin internet ni TV desde anoche", br="2")
    await enter(pilot)
    await fill(pilot, g="2")
    await enter(pilot)


async def to_diagnostics(pilot: Pilot[None]) -> None:
    """F8 on TD010: the Diagnosticador of the call's account."""
    await to_td_walk(pilot)
    await pilot.press("f8")
    await pilot.pause()


# -- the technical visit (step 5) --
async def to_visits(pilot: Pilot[None], case: str = "activa") -> None:
    """A visita request (step 2, Rama 3): step 5's panel, VIS010."""
    await answer_call(pilot, _phone(pilot, case))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, sta="s", request="Necesita una visita técnica", br="3")
    await enter(pilot)


async def to_visit_order(pilot: Pilot[None]) -> None:
    await to_visits(pilot)
    await pilot.press("f23")
    await pilot.pause()


async def to_agenda(pilot: Pilot[None]) -> None:
    """VIS020 filled in and Intro: the order is created and its agenda opens."""
    await to_visit_order(pilot)
    await fill(pilot, sym1="Módem apagado", tel="3015550000", ok="s")
    await enter(pilot)


def fill_zone_of(pilot: Pilot[None], case: str) -> None:
    """Every window of the showcase account's zone taken: no place to book."""
    from sqlmodel import select

    from swat_tui.store.engine import write_session
    from swat_tui.store.models import Account, WfmSlot
    from swat_tui.store.queries.agenda import zone_of

    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    with write_session(app.services.engine) as session:
        account = session.get(Account, SHOWCASE[case])
        assert account is not None
        zone = zone_of(account.node)
        for slot in session.exec(select(WfmSlot).where(WfmSlot.zone == zone)).all():
            slot.booked = slot.capacity
            session.add(slot)


async def to_full_agenda(pilot: Pilot[None]) -> None:
    fill_zone_of(pilot, "activa")
    await to_agenda(pilot)


async def to_cgo_form(pilot: Pilot[None]) -> None:
    await to_full_agenda(pilot)
    await pilot.press("f6")
    await pilot.pause()


async def to_cgo_list(pilot: Pilot[None]) -> None:
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "6")
    await pilot.press("enter")
    await pilot.pause()


async def to_payments(pilot: Pilot[None]) -> None:
    await to_recaudo(pilot)
    await pilot.press("f21")
    await pilot.press("f18")


# -- SAC facturación (helper C) --
async def to_billing(pilot: Pilot[None]) -> None:
    await to_subflow(pilot, "ppv_charges", "1", "2")


async def to_rent(pilot: Pilot[None]) -> None:
    await to_billing(pilot)
    await pilot.press("f13")
    await pilot.press("f15")


async def to_campaigns(pilot: Pilot[None]) -> None:
    await to_billing(pilot)
    await pilot.press("f24")
    await pilot.press("t")


async def to_typification(pilot: Pilot[None]) -> None:
    await to_branch(pilot)
    await fill(pilot, ok="s")
    await enter(pilot)


async def to_call_log(pilot: Pilot[None]) -> None:
    await to_typification(pilot)
    await pilot.press("f13")


async def to_closing(pilot: Pilot[None]) -> None:
    await to_typification(pilot)
    await fill(pilot, code_in="SAC-FAC-002", res="1")
    await enter(pilot)


async def to_dime_cases(pilot: Pilot[None]) -> None:
    """The call's account's DIME cases, as F9 opens them from a call panel."""
    await to_branch(pilot)
    app = pilot.app
    assert isinstance(app, SwatApp) and app.desk is not None and app.desk.active is not None
    call = app.desk.active
    holder = (call.account.holder_name or "") if call.account is not None else ""
    await screen(app).open_panel("DIM001", call.record.cuenta, holder)
    await pilot.pause()


async def to_dime_create(pilot: Pilot[None]) -> None:
    """F6 on the cases of the call's account: a new DIME case."""
    await to_dime_cases(pilot)
    await pilot.press("f6")
    await pilot.pause()


async def to_user_profiles(pilot: Pilot[None]) -> None:
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "5")
    await pilot.press("enter")


async def to_password_reset(pilot: Pilot[None]) -> None:
    await to_user_profiles(pilot)
    await type_into(pilot, "o_0", "2")
    await pilot.press("enter")


async def to_recovery(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    agent = app.services.auth.sign_on("ASESOR01", "swat2026")
    record = app.services.calls.offer(agent_id=agent.id, ani="3001112233", queue="HOGAR_SAC")
    app.services.calls.answer(record.id)
    await sign_on(pilot)


ROUTES: dict[str, Route] = {
    "SFT001": to_softphone,
    "GUI001": to_guide,
    "LLM001": to_reception,
    "LLM002": to_interpretation,
    "LLM003": to_branch,
    "PQR010": to_pqr_consult,
    "PQR020": to_pqr_desist,
    # -- PQR filing (helper A) --
    "PQR030": to_pqr_filing,
    # -- DIME (helper B) --
    "DIM001": to_dime_cases,
    "DIM010": to_dime_create,
    # -- SAC facturación (helper C) --
    "SAC020": to_billing,
    "SAC021": to_rent,
    "SAC022": to_campaigns,
    # -- SAC cartera, recaudo --
    "SAC010": to_cartera,
    "SAC030": to_recaudo,
    "SAC031": to_payments,
    "TD010": to_td_walk,
    "VIS010": to_visits,
    "VIS020": to_visit_order,
    "VIS030": to_agenda,
    "CGO010": to_cgo_form,
    "CGO001": to_cgo_list,
    "DIA010": to_diagnostics,
    "MAS010": to_mass_failure,
    "INV010": to_inventory_check,
    "TIP001": to_typification,
    "LOG001": to_call_log,
    "LLM008": to_closing,
    "REC001": to_recovery,
    "SGN001": to_sign_on,
    "MNU001": to_menu,
    "CTA010": to_search,
    "CTA020": to_list,
    "CTA001": to_account,
    "NTS001": to_notes,
    "NTS002": to_new_folder,
    "NTS003": to_folder,
    "INV001": to_inventory,
    "USR001": to_user_profiles,
    "USR002": to_password_reset,
}


def legend_cases() -> list[tuple[str, str]]:
    from swat_tui.ui.display_file import all_panel_ids, load

    cases = []
    for panel_id in all_panel_ids():
        for key_id in load(panel_id).keys:
            if key_id in REGISTRY and REGISTRY[key_id].in_legend:
                cases.append((panel_id, key_id))
    return cases


def test_every_panel_has_a_route() -> None:
    from swat_tui.ui.display_file import all_panel_ids

    assert set(all_panel_ids()) == set(ROUTES)


# What each key does when it works: the panel it opens (or where it goes back to),
# or, where the procedure refuses it now, its own refusal on row 24.
OPENS = {
    "guide": {"GUI001"},
    "softphone": {"SFT001"},
    "new_folder": {"NTS002"},
    "notes": {"NTS001"},
    "inventory": {"INV001"},
    "call_log": {"LOG001"},
    "typify": {"TIP001"},
    "dime": {"DIM001"},
    "dime_new": {"DIM010"},
    "new_lls": {"VIS020"},
    "cgo": {"CGO010"},
    "diagnostics": {"DIA010"},
}
# The panel each RR chord (F13+F15...) opens from a call panel whose legend shows it.
CHORD_OPENS = {
    "rent": {"SAC021"},
    "campaigns": {"SAC022"},
    "payments": {"SAC031"},
    "work_order": {"VIS020"},
}
REFRESHED = {
    "CTA001": "Datos de la cuenta actualizados.",
    "USR001": "Lista de perfiles actualizada.",
}
OWN_REFUSALS = {
    "notes": ("Abra primero la cuenta (paso 1).",),
    "inventory": ("Abra primero la cuenta (paso 1).", "BLACKLIST"),
    "typify": ("registre primero la solicitud", "No hay llamada en curso: se tipifica"),
    "dime": ("Abra primero la cuenta (paso 1).", "BLACKLIST"),
    "dime_new": ("dentro de una llamada",),
    "cgo": ("Hay franjas libres",),
    "diagnostics": ("Abra primero la cuenta (paso 1).", "BLACKLIST"),
}


@pytest.mark.parametrize(("panel_id", "key_id"), legend_cases())
async def test_legend_key_does_its_own_thing(app: SwatApp, panel_id: str, key_id: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[panel_id](pilot)
        before = screen(app)
        assert panel_id == before.PANEL_ID
        below = app.screen_stack[-2] if len(app.screen_stack) > 1 else None
        in_call = app.desk is not None and app.desk.active is not None
        step_panel = in_call and getattr(below, "PANEL_ID", None) == "MNU001"
        entry = app.desk.call.entry_panel() if step_panel and app.desk is not None else None
        key = REGISTRY[key_id].keys.split(",")[0]
        if REGISTRY[key_id].label not in " ".join(before.panel.canvas.legend):
            # Not in the legend now (it does not apply): row 24 says why when pressed.
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is before and before.panel.canvas.message_is_error, key_id
            return
        await pilot.press(key)
        await pilot.pause()
        label = f"{REGISTRY[key_id].label} on {panel_id}"
        now = app.screen
        now_id = getattr(now, "PANEL_ID", None)
        row24 = before.panel.canvas.message
        if key_id in OPENS:
            refused = now is before and any(text in row24 for text in OWN_REFUSALS.get(key_id, ()))
            assert now_id in OPENS[key_id] or refused, f"{label}: {now_id} / {row24!r}"
        elif key_id == "exit" and panel_id == "SGN001":  # F3 on sign-on ends the program
            assert app.return_code == 0, label
        elif key_id == "exit":  # back to the main menu, or signed off from it
            assert now_id == ("SGN001" if panel_id == "MNU001" else "MNU001"), label
        elif key_id == "cancel" and step_panel:  # a call's step panel: F12 stays in the call
            if panel_id == "LLM001":
                assert now_id == "SFT001", label  # the softphone the call was answered on
            elif entry is not None:
                assert now_id == entry, label  # the branch's entry panel (LLM003)
            else:
                assert now is before and "primer panel de este paso" in row24, label
        elif key_id == "cancel":  # the panel below, or signed off from the menu
            expected = "SGN001" if panel_id == "MNU001" else getattr(below, "PANEL_ID", None)
            assert now_id == expected, f"{label}: {now_id}"
        elif key_id == "refresh":
            assert row24 == REFRESHED[panel_id], label
        elif key_id == "espejo":
            assert app.navigator.in_espejo and now_id == "MNU001", label
        else:
            raise AssertionError(f"no expectation for {label}: add it to this test")


def chord_cases() -> list[tuple[str, str]]:
    from swat_tui.ui.display_file import all_panel_ids, load

    return [
        (panel_id, key_id)
        for panel_id in all_panel_ids()
        for key_id in load(panel_id).keys
        if key_id in CHORDS and CHORDS[key_id].in_legend
    ]


@pytest.mark.parametrize(("panel_id", "chord_id"), chord_cases())
async def test_legend_chord_opens_its_panel(app: SwatApp, panel_id: str, chord_id: str) -> None:
    """F13 then F15 (and every chord a legend shows) opens its panel there."""
    chord = CHORDS[chord_id]
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[panel_id](pilot)
        before = screen(app)
        for name in (chord.first, chord.second):
            await pilot.press(CHORD_KEYS[name].keys.split(",")[0])
            await pilot.pause()
        now_id = getattr(app.screen, "PANEL_ID", None)
        row24 = before.panel.canvas.message
        assert now_id in CHORD_OPENS[chord_id] or "BLACKLIST" in row24, f"{chord.label}: {now_id}"
