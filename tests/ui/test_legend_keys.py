"""Every key a legend shows does what it says on that panel, and is refused where it
does not apply.

A key that opens a panel is pressed where it applies (on an account and in a state that
allow it) and the panel it names must come up; separately, it is pressed where the
procedure refuses it, and row 24 must say why while the panel stays as it was. The keys
that go back, refresh or switch session are checked for where they go. The panels are
reached the way an agent reaches them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from textual.pilot import Pilot

from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.paths import data_dir
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.keys import CHORD_KEYS, CHORDS, REGISTRY
from tests.gates import SEE_ALL
from tests.training.cards import FLAWED
from tests.ui import confirm_routes as confirm
from tests.ui import management_routes as management
from tests.ui.campaign_routes import CAMPAIGN_ROUTES, settled
from tests.ui.floor_routes import FLOOR_REFRESHED, FLOOR_ROUTES
from tests.ui.helpers import (
    answer_call,
    consult_account,
    desk_of,
    enter,
    fill,
    open_account,
    screen,
    sign_on,
    type_into,
)
from tests.ui.kpi_routes import KPI_REFRESHED, KPI_ROUTES
from tests.ui.outbound_routes import to_campaign_call
from tests.ui.test_trainee_progress import to_history, to_live, to_trainees
from tests.ui.training_routes import (
    to_assign,
    to_catalogue,
    to_my_training,
    to_scenario_view,
)

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


# -- SAC facturación --
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


def pqr_consult_scenario() -> Scenario:
    """The shipped PQR consult scenario (the one ``FLAWED`` scores), with its model answer."""
    return load_scenario(data_dir() / "scenarios" / "pqr_consulta_vencida.toml")


async def to_scorecard(pilot: Pilot[None]) -> None:
    """TRN030 as a trainee sees it after a training call: the hand-made card ``FLAWED``."""
    await sign_on(pilot)
    app = pilot.app
    assert isinstance(app, SwatApp)
    await app.navigator.open_panel("TRN030", FLAWED, pqr_consult_scenario())
    await pilot.pause()


async def to_demonstration(pilot: Pilot[None]) -> None:
    """F10 on the scorecard: the scenario's model answer, panel by panel."""
    await to_scorecard(pilot)
    await pilot.press("f10")
    await pilot.pause()


ROUTES: dict[str, Route] = {
    "SFT001": to_softphone,
    "GUI001": to_guide,
    "LLM001": to_reception,
    "LLM002": to_interpretation,
    "LLM003": to_branch,
    "PQR010": to_pqr_consult,
    "PQR020": to_pqr_desist,
    "PQR030": to_pqr_filing,
    "DIM001": to_dime_cases,
    "DIM010": to_dime_create,
    # -- SAC facturación --
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
    "TRN001": to_catalogue,
    "TRN002": to_assign,
    "TRN003": to_scenario_view,
    "TRN020": to_my_training,
    "TRN030": to_scorecard,
    "TRN040": to_demonstration,
    # -- the trainer's trainees (FORMA01) --
    "TRN010": to_trainees,
    "TRN011": to_history,
    "TRN012": to_live,
    **FLOOR_ROUTES,
    **KPI_ROUTES,
    "CMP001": to_campaign_call,
    **CAMPAIGN_ROUTES,
    **management.ROUTES,
}


# The panel each key opens where it applies.
OPENS: dict[str, str] = {
    "guide": "GUI001",
    "softphone": "SFT001",
    "new_folder": "NTS002",
    "notes": "NTS001",
    "inventory": "INV001",
    "call_log": "LOG001",
    "typify": "TIP001",
    "dime": "DIM001",
    "dime_new": "DIM010",
    "new_lls": "VIS020",
    "cgo": "CGO010",
    "diagnostics": "DIA010",
    "demo": "TRN040",
    **management.OPENS,
}
# The panel each RR chord (F13 then F15...) opens where it applies.
CHORD_OPENS: dict[str, str] = {
    "rent": "SAC021",
    "campaigns": "SAC022",
    "payments": "SAC031",
    "work_order": "VIS020",
}
REFRESHED = {
    "CTA001": "Datos de la cuenta actualizados.",
    "USR001": "Lista de perfiles actualizada.",
    "TRN001": "Escenarios leídos de nuevo.",
    "TRN020": "Sus escenarios y resultados, leídos de nuevo.",
    "TRN010": "Lista de asesores actualizada.",
    "TRN012": "Llamada leída de nuevo; se renueva sola cada 2 segundos.",
    **FLOOR_REFRESHED,
    **KPI_REFRESHED,
    "SUP020": "Campañas leídas de nuevo.",
    "SUP021": "Indicador leído de nuevo.",
    **management.REFRESHED,
}
ROUTES, OPENS, REFRESHED = confirm.add(ROUTES, OPENS, REFRESHED)  # process confirmation


async def to_account_that_shows_its_data(pilot: Pilot[None]) -> None:
    """CTA001 of an account without BLACKLIST: its data, DIME cases and inventory shown."""
    await open_account(pilot, SHOWCASE["activa"])


async def to_reception_with_the_account_open(pilot: Pilot[None]) -> None:
    """LLM001 with the call's account already opened in RR (as a call resumed after step 1
    opened the account and before Intro moved on to step 2)."""
    await to_reception(pilot)
    desk_of(pilot.app).call.open_account(SHOWCASE["activa"])
    await pilot.pause()


async def to_account_during_a_call(pilot: Pilot[None]) -> None:
    """CTA001 consulted from the menu (F3, option 1) during a call whose request is
    registered: F22 typifies that request from here too."""
    await to_branch(pilot)
    await pilot.press("f3")
    await pilot.pause()
    await consult_account(pilot, SHOWCASE["activa"])


async def to_interpretation_of_a_blacklisted_account(pilot: Pilot[None]) -> None:
    """LLM002 of a call about a BLACKLIST account, F7 not read yet."""
    await answer_call(pilot, _phone(pilot, "blacklist"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)


async def to_dime_cases_outside_a_call(pilot: Pilot[None]) -> None:
    """F9 on CTA001 without a call: the account's DIME cases."""
    await to_account_that_shows_its_data(pilot)
    await pilot.press("f9")
    await pilot.pause()


async def to_visits_under_an_aviso(pilot: Pilot[None]) -> None:
    """VIS010 of an account whose node has an open mass aviso (acknowledged in step 2)."""
    await answer_call(pilot, _phone(pilot, "aviso"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, avi="s", sta="s", request="Pide visita", br="3")
    await enter(pilot)


# Where a panel's own route (ROUTES) is a state that refuses the key, the same panel in a
# state where the key applies.
OPEN_ROUTES: dict[tuple[str, str], Route] = {
    ("CTA001", "dime"): to_account_that_shows_its_data,
    ("CTA001", "inventory"): to_account_that_shows_its_data,
    ("CTA001", "typify"): to_account_during_a_call,
    ("LLM001", "notes"): to_reception_with_the_account_open,
    ("LLM001", "inventory"): to_reception_with_the_account_open,
    ("VIS030", "cgo"): to_full_agenda,
}
# Keys a legend lists on a panel where they can never open: step 1 and step 2 come before
# the request is registered, and F22 typifies a registered request. Only refused there.
NEVER_OPENS = {("LLM001", "typify"), ("LLM002", "typify")}

BLACKLIST_OUTSIDE_A_CALL = "Cuenta con BLACKLIST: lea primero las notas especiales (F7)."
BLACKLIST_IN_A_CALL = "BLACKLIST: no dé información hasta leer F7 y validar la identidad."
ACCOUNT_FIRST = "Abra primero la cuenta (paso 1)."
REQUEST_FIRST = "No puede tipificar: registre primero la solicitud (paso 2)."
AVISO = "Nodo con aviso INC"


@dataclass(frozen=True)
class Refusal:
    """A key pressed where the procedure refuses it, and what row 24 must say."""

    key_id: str  # a REGISTRY key or a CHORDS chord
    panel_id: str
    route: Route
    says: str

    def __str__(self) -> str:
        return f"{self.panel_id}-{self.key_id}-{self.route.__name__}"


REFUSALS = [
    Refusal("notes", "LLM001", to_reception, ACCOUNT_FIRST),
    Refusal("inventory", "LLM001", to_reception, ACCOUNT_FIRST),
    Refusal("inventory", "LLM002", to_interpretation_of_a_blacklisted_account, BLACKLIST_IN_A_CALL),
    Refusal("inventory", "CTA001", to_account, BLACKLIST_OUTSIDE_A_CALL),
    Refusal("dime", "CTA001", to_account, BLACKLIST_OUTSIDE_A_CALL),
    Refusal(
        "typify",
        "CTA001",
        to_account,
        "No hay llamada en curso: se tipifica dentro de una llamada.",
    ),
    Refusal("typify", "LLM001", to_reception, REQUEST_FIRST),
    Refusal("typify", "LLM002", to_interpretation, REQUEST_FIRST),
    Refusal(
        "dime_new",
        "DIM001",
        to_dime_cases_outside_a_call,
        "F6 crea un caso DIME dentro de una llamada de esta cuenta.",
    ),
    Refusal("cgo", "VIS030", to_agenda, "Hay franjas libres (la primera "),
    Refusal("new_lls", "VIS010", to_visits_under_an_aviso, AVISO),
]
CHORD_REFUSALS = [
    Refusal("work_order", "VIS010", to_visits_under_an_aviso, AVISO),
]
# Keys that have no refusal a legend can reach: F8 (diagnostics) is only on step 4's
# panels, reached after step 2 opened the account and passed the BLACKLIST rule; the
# same holds for the SAC chords (steps 3 and later).


def legend_cases() -> list[tuple[str, str]]:
    """Every (panel, key) pair a display file lists with a legend label."""
    from swat_tui.ui.display_file import all_panel_ids, load

    cases = []
    for panel_id in all_panel_ids():
        for key_id in load(panel_id).keys:
            if key_id in REGISTRY and REGISTRY[key_id].in_legend:
                cases.append((panel_id, key_id))
    return cases


def chord_cases() -> list[tuple[str, str]]:
    """Every (panel, chord) pair a display file lists with a legend label."""
    from swat_tui.ui.display_file import all_panel_ids, load

    return [
        (panel_id, key_id)
        for panel_id in all_panel_ids()
        for key_id in load(panel_id).keys
        if key_id in CHORDS and CHORDS[key_id].in_legend
    ]


def _first_key(key_id: str) -> str:
    return REGISTRY[key_id].keys.split(",")[0]


def _legend(app: SwatApp) -> str:
    return " ".join(screen(app).panel.canvas.legend)


def test_every_panel_has_a_route() -> None:
    from swat_tui.ui.display_file import all_panel_ids

    assert set(all_panel_ids()) == set(ROUTES)


def test_every_key_that_opens_is_tested_where_it_opens_or_where_it_is_refused() -> None:
    """No legend pair is left out: each opening key is pressed where it opens, or (never
    opening on that panel) where it is refused; every refusal names a key of its panel."""
    legend = set(legend_cases())
    opening = {pair for pair in legend if pair[1] in OPENS}
    refused = {(case.panel_id, case.key_id) for case in REFUSALS}
    assert refused >= NEVER_OPENS
    assert refused <= legend, refused - legend
    assert set(OPEN_ROUTES) <= opening - NEVER_OPENS, set(OPEN_ROUTES) - opening
    assert {key for _, key in opening} <= set(OPENS)
    chords = set(chord_cases())
    assert {(case.panel_id, case.key_id) for case in CHORD_REFUSALS} <= chords
    assert {chord for _, chord in chords} <= set(CHORD_OPENS)


def opening_cases() -> list[tuple[str, str]]:
    return [pair for pair in legend_cases() if pair[1] in OPENS and pair not in NEVER_OPENS]


@pytest.mark.parametrize(("panel_id", "key_id"), opening_cases())
async def test_legend_key_opens_its_panel_where_it_applies(
    app: SwatApp, panel_id: str, key_id: str
) -> None:
    """Where the key applies, the legend shows it and pressing it puts its panel on top,
    with no refusal on row 24."""
    async with app.run_test(size=(80, 24)) as pilot:
        await OPEN_ROUTES.get((panel_id, key_id), ROUTES[panel_id])(pilot)
        before = screen(app)
        assert panel_id == before.PANEL_ID
        assert REGISTRY[key_id].label in _legend(app), f"{key_id} applies on {panel_id}"
        await pilot.press(_first_key(key_id))
        await pilot.pause()
        row24 = before.panel.canvas.message
        now = screen(app)
        assert OPENS[key_id] == now.PANEL_ID, f"{key_id} on {panel_id}: {now.PANEL_ID} {row24!r}"
        assert not now.panel.canvas.message_is_error, now.panel.canvas.message


async def _assert_refused(pilot: Pilot[None], case: Refusal, keys: tuple[str, ...]) -> None:
    """Row 24 cleared, then the keys: the same panel stays on top and row 24 says why."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await case.route(pilot)
    before = screen(app)
    assert case.panel_id == before.PANEL_ID
    depth = len(app.screen_stack)
    before.message("")
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    canvas = before.panel.canvas
    assert app.screen is before and len(app.screen_stack) == depth, screen(app).PANEL_ID
    assert canvas.message_is_error and case.says in canvas.message, canvas.message


@pytest.mark.parametrize("case", REFUSALS, ids=str)
async def test_legend_key_is_refused_where_it_does_not_apply(app: SwatApp, case: Refusal) -> None:
    """Where the procedure refuses the key, the panel does not change and row 24 says why."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _assert_refused(pilot, case, (_first_key(case.key_id),))


@pytest.mark.parametrize(
    ("panel_id", "key_id"), [pair for pair in legend_cases() if pair[1] not in OPENS]
)
async def test_legend_key_goes_back_refreshes_or_switches(
    app: SwatApp, panel_id: str, key_id: str
) -> None:
    """F3, F12, F5 and F14: where each goes from this panel (or the program ends)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[panel_id](pilot)
        before = screen(app)
        assert panel_id == before.PANEL_ID
        assert REGISTRY[key_id].label in _legend(app), f"{key_id} on {panel_id}"
        below = app.screen_stack[-2] if len(app.screen_stack) > 1 else None
        in_call = app.desk is not None and app.desk.active is not None
        step_panel = in_call and getattr(below, "PANEL_ID", None) == "MNU001"
        entry = app.desk.call.entry_panel() if step_panel and app.desk is not None else None
        await pilot.press(_first_key(key_id))
        await pilot.pause()
        await settled(pilot)  # a panel that reads in a worker (SUP020, SUP021)
        label = f"{REGISTRY[key_id].label} on {panel_id}"
        now = app.screen
        now_id = getattr(now, "PANEL_ID", None)
        row24 = before.panel.canvas.message
        if key_id == "exit" and panel_id == "SGN001":  # F3 on sign-on ends the program
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
        elif key_id == "cancel" and panel_id == "CMP001":  # the account held goes back
            assert now is before and "devuelta a la campaña" in row24, label
        elif key_id == "cancel":  # the panel below, or signed off from the menu
            expected = "SGN001" if panel_id == "MNU001" else getattr(below, "PANEL_ID", None)
            assert now_id == expected, f"{label}: {now_id}"
        elif key_id == "refresh":
            assert row24 == REFRESHED[panel_id], label
        elif key_id == "espejo":
            assert app.navigator.in_espejo and now_id == "MNU001", label
        elif key_id == "dial":  # the campaign's account is dialled: on the line, same panel
            assert now is before and app.desk is not None and app.desk.active, label
        else:
            raise AssertionError(f"no expectation for {label}: add it to this test")


@pytest.mark.parametrize(("panel_id", "chord_id"), chord_cases())
async def test_legend_chord_opens_its_panel(app: SwatApp, panel_id: str, chord_id: str) -> None:
    """F13 then F15 (and every chord a legend shows) opens its panel there."""
    chord = CHORDS[chord_id]
    async with app.run_test(size=(80, 24)) as pilot:
        await ROUTES[panel_id](pilot)
        before = screen(app)
        assert chord.label in _legend(app), f"{chord_id} applies on {panel_id}"
        for name in (chord.first, chord.second):
            await pilot.press(CHORD_KEYS[name].keys.split(",")[0])
            await pilot.pause()
        row24 = before.panel.canvas.message
        now = screen(app)
        assert CHORD_OPENS[chord_id] == now.PANEL_ID, f"{chord.label}: {now.PANEL_ID} {row24!r}"
        assert not now.panel.canvas.message_is_error, now.panel.canvas.message


@pytest.mark.parametrize("case", CHORD_REFUSALS, ids=str)
async def test_legend_chord_is_refused_where_it_does_not_apply(app: SwatApp, case: Refusal) -> None:
    """Where the procedure refuses the chord's panel, the panel does not change and row 24
    says why."""
    chord = CHORDS[case.key_id]
    keys = tuple(CHORD_KEYS[name].keys.split(",")[0] for name in (chord.first, chord.second))
    async with app.run_test(size=(80, 24)) as pilot:
        await _assert_refused(pilot, case, keys)
