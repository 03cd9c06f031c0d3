"""The DIME panels — the account's cases (DIM001) and escalating a
call's request to a resolving area (DIM010)."""

from __future__ import annotations

from typing import Any

from sqlmodel import func, select
from textual.pilot import Pilot

from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import DIME_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import DimeCase, DimeNote
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, open_account, panel_id, screen, shown

Snap = Any
SIZE = (80, 24)
REASON = "Cobro doble del periodo de octubre"
DATA = "Factura de octubre con el cargo de $ 45.900 dos veces; reconoce uno."


async def _cases_outside_a_call(pilot: Pilot[None], key: str) -> None:
    """CTA001 of a showcase account, then its DIME cases (as F9 opens them)."""
    await open_account(pilot, SHOWCASE[key])
    app = pilot.app
    assert isinstance(app, SwatApp)
    holder = desk_of(app).accounts.panel(SHOWCASE[key]).holder_name or ""  # "" while masked
    await screen(app).open_panel("DIM001", SHOWCASE[key], holder)
    await pilot.pause()


async def _shown_case(pilot: Pilot[None]) -> None:
    await _cases_outside_a_call(pilot, "dime_open")
    await fill(pilot, o_0="5")
    await enter(pilot)


async def _created(pilot: Pilot[None]) -> None:
    await routes.to_dime_create(pilot)
    await fill(pilot, a="1", reason=REASON, data1=DATA)
    await enter(pilot)


def _record(app: SwatApp, name: str, index: int = 0) -> str:
    """A value of the subfile's ``index``-th record on the current panel."""
    records = screen(app).panel.canvas.records
    return records[index].get(name, "") if index < len(records) else ""


def _rows(services: Services, model: type[DimeCase] | type[DimeNote]) -> int:
    with read_session(services.engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


# -- snapshots ------------------------------------------------------------------------------


def test_dime_cases_of_the_showcase_account(snap_compare: Snap, app: SwatApp) -> None:
    """DIM001 after 5 on the account's open case: the list shows DIME00000001 for Facturación,
    ABIERTO, with 3 business days left, and the detail below gives its reason, data and the
    area's last follow-up note."""
    assert snap_compare(app, run_before=_shown_case, terminal_size=SIZE)


def test_dime_create_empty(snap_compare: Snap, app: SwatApp) -> None:
    """DIM010 opened with F6 during a call: the account, holder and request of the call are
    shown, the five areas are offered and every field (area, SLA, reason, data, case created)
    is empty."""
    assert snap_compare(app, run_before=routes.to_dime_create, terminal_size=SIZE)


def test_dime_create_after_creation(snap_compare: Snap, app: SwatApp) -> None:
    """DIM010 after Intro with area 1, a reason and the data: the case DIME00000002 is shown with
    its area and due date (5 business days), the sentence to read to the customer, and row 24
    confirms the case."""
    assert snap_compare(app, run_before=_created, terminal_size=SIZE)


def test_dime_cases_of_a_blacklisted_account_refused(snap_compare: Snap, app: SwatApp) -> None:
    """DIM001 of a BLACKLIST account before F7 was read: the holder's name and the cases are not
    shown (empty list) and row 24 says to read the special notes (F7) first."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _cases_outside_a_call(pilot, "blacklist")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


# -- flows ------------------------------------------------------------------------------------


async def test_the_showcase_case_is_listed_and_shown_whole(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _cases_outside_a_call(pilot, "dime_open")
        assert panel_id(app) == "DIM001"
        assert _record(app, "num").startswith("DIME") and _record(app, "area") == "Facturación"
        assert _record(app, "state") == "ABIERTO"
        await fill(pilot, o_0="5")
        await enter(pilot)
        assert shown(app, "detail1").startswith(_record(app, "num"))
        assert shown(app, "detail2") == "Motivo: Ajuste por cobro doble del periodo de octubre"
        assert shown(app, "detail5").endswith(
            " DIME: Facturación valida los dos pagos con recaudo."
        )
        await fill(pilot, o_0="9")
        await enter(pilot)
        assert message(app).startswith("Opción 9 no válida")


async def test_a_blacklisted_account_shows_no_case(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _cases_outside_a_call(pilot, "blacklist")
        assert panel_id(app) == "DIM001" and "BLACKLIST" in message(app)
        assert _record(app, "num") == ""


async def test_a_follow_up_note_is_added_with_option_2(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _cases_outside_a_call(pilot, "dime_open")
        before = _rows(services, DimeNote)
        await fill(pilot, o_0="2")
        await enter(pilot)  # no note typed: refused, the 2 stays
        assert message(app) == "Digite el texto de la nota de seguimiento."
        assert screen(app).field("o_0").value == "2"
        assert app.screen.focused is screen(app).field("note")
        assert _rows(services, DimeNote) == before
        await fill(pilot, note="Cliente pregunta el estado; se informa")
        await enter(pilot)
        assert message(app).startswith("Nota agregada al caso DIME")
        # The demo's follow-up note, then the new one, oldest first.
        assert shown(app, "detail5").endswith(
            " DIME: Facturación valida los dos pagos con recaudo."
        )
        assert shown(app, "detail6").endswith("ASESOR01: Cliente pregunta el estado; se informa")
        assert screen(app).field("note").value == "" and _rows(services, DimeNote) == before + 1


async def test_f6_escalates_only_in_a_call_of_the_account(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _cases_outside_a_call(pilot, "dime_open")
        await pilot.press("f6")
        await pilot.pause()
        assert panel_id(app) == "DIM001"
        assert message(app) == "F6 crea un caso DIME dentro de una llamada de esta cuenta."


async def test_escalating_from_the_cases_list_in_a_call(app: SwatApp, services: Services) -> None:
    """F9, F6: a refusal keeps what was typed; created, Intro goes back to the list."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_dime_create(pilot)
        assert panel_id(app) == "DIM010"
        before = _rows(services, DimeCase)
        await fill(pilot, a="1", reason="", data1="Cobro doble")
        assert shown(app, "aname") == "Facturación"
        assert shown(app, "sla") == "5 días hábiles: vence el 04/12/26. Datos: mínimo 20"
        await enter(pilot)
        assert message(app) == "Digite el motivo del escalamiento a DIME."
        assert app.screen.focused is screen(app).field("reason")
        await fill(pilot, reason=REASON)
        await enter(pilot)
        assert message(app).startswith("Facturación necesita al menos 20 caracteres")
        assert screen(app).field("reason").value == REASON  # what was typed stays
        assert screen(app).field("data1").value == "Cobro doble"
        await fill(pilot, a="8")
        await enter(pilot)
        assert message(app).startswith("Área: digite 1=Facturación, 2=Cartera")
        assert _rows(services, DimeCase) == before
        await fill(pilot, a="1", data1=DATA)
        await enter(pilot)
        number = shown(app, "number")
        assert number.startswith("DIME") and shown(app, "cdue") == "04/12/26"
        assert message(app) == (
            f"Caso {number} creado para Facturación, vence el 04/12/26: léalo al cliente."
        )
        assert number in shown(app, "read1") + shown(app, "read2")
        assert _rows(services, DimeCase) == before + 1
        record = desk_of(app).active
        assert record is not None and record.record.state.request_field(DIME_FIELD) == number
        await enter(pilot)
        assert panel_id(app) == "DIM001"
        assert _record(app, "num") == number and _record(app, "late") == "5 días hábiles"


async def test_a_sac_panel_opens_it_with_its_area_and_check(app: SwatApp) -> None:
    """The contract of the SAC panels: area chosen, the panel's check recorded escalated."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_branch(pilot)
        below = panel_id(app)
        desk = desk_of(app)
        assert desk.active is not None
        cuenta = desk.active.record.cuenta
        check = next(c for c in desk.call.step_view(below).checks if c.applies and not c.done)
        await screen(app).open_panel("DIM010", cuenta, "", area="cartera", check_id=check.check.id)
        await pilot.pause()
        assert screen(app).field("a").value == "2" and shown(app, "aname") == "Cartera"
        assert app.screen.focused is screen(app).field("reason")
        await fill(
            pilot, reason="No reconoce la deuda", data1="Debe 30 días; pagó el 15/11 en banco."
        )
        await enter(pilot)
        assert shown(app, "carea") == "Cartera"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == below
        state = desk.active.record.state
        mark = state.mark_for(check.check.id, state.request_number)
        assert mark is not None and load_actions().is_escalated(mark.result)
        assert desk.call.suggested_code() == "SAC-DIM-002" and desk.call.request_escalated()
