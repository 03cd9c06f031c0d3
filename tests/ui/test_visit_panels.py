"""The technical visit's panels — VIS010 (the account's visits), VIS020
(a new LLS/OT), VIS030 (the WFM agenda), CGO010 (no window: the CGO form) and CGO001 (the
supervisor's CGO work list) — Pilot flows and 80x24 snapshots."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import CgoForm, WfmSlot, WorkOrder
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
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
)

Snap = Any


def row(app: SwatApp, name: str, index: int = 0) -> str:
    """A field of a subfile record on the current panel."""
    records = screen(app).panel.canvas.records
    return records[index].get(name, "") if index < len(records) else ""


def _app(pilot: Pilot[None]) -> SwatApp:
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    return app


async def _to_scheduled_visits(pilot: Pilot[None]) -> None:
    """A visita request of the account with an LLS AGENDADA (step 2 asks to review it)."""
    app = _app(pilot)
    assert app.services is not None
    await answer_call(pilot, phone_of(app.services, "visit_scheduled"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, vis="s", sta="s", request="Quiere cambiar la visita", br="3")
    await enter(pilot)


async def _to_cgo_filed(pilot: Pilot[None]) -> None:
    await routes.to_cgo_form(pilot)
    await fill(pilot, win="14-16 08-10", days="lun mie", notes1="Llamar antes de ir")
    await enter(pilot)


async def _to_cgo_list_with_forms(pilot: Pilot[None]) -> None:
    """Two pending forms in the store (one past due), then the supervisor's list."""
    app = _app(pilot)
    assert app.services is not None
    now = app.now()
    with write_session(app.services.engine) as session:
        for n, (cuenta, due) in enumerate(
            ((SHOWCASE["activa"], timedelta(days=3)), (SHOWCASE["aviso"], -timedelta(hours=2))),
            start=1,
        ):
            order = WorkOrder(
                cuenta=cuenta,
                kind="LLS",
                number=f"LLS90000000{n}",
                status="PENDIENTE",
                reason="Internet sin servicio",
                created_at=now - timedelta(days=2),
            )
            session.add(order)
            session.flush()
            session.add(
                CgoForm(
                    number=f"CGO00000000{n}",
                    cuenta=cuenta,
                    work_order_id=order.id,
                    zone="BOG-US",
                    reason=order.reason,
                    contact_name="Ana Pérez",
                    contact_phone="3015550000",
                    address="CL 45A # 12-08",
                    preferred_windows="08-10 14-16",
                    preferred_days="LUN MIE",
                    status="PENDIENTE",
                    created_at=now - timedelta(days=2),
                    created_by="ASESOR01",
                    due_at=now + due,
                )
            )
    await routes.to_cgo_list(pilot)


def test_visits_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """VIS010 of the account with a scheduled LLS: the zone and 1 of 1 open visits, the LLS
    AGENDADA for 30/11 08-10 with its reason cut by > in the list and whole in the detail
    below, and the F23 and F15+F6 keys in the legend."""
    assert snap_compare(app, run_before=_to_scheduled_visits)


def test_visit_order_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """VIS020 opened with F23: type LLS in the account's zone, the reason from step 2, the
    caller's name, the calling number and the account's address already filled in, symptom
    and confirmation empty, and no order number yet."""
    assert snap_compare(app, run_before=routes.to_visit_order)


def test_agenda_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """VIS030 after the order is created: the new LLS PENDIENTE in zone BOG-CH, not scheduled,
    and the free windows of the next 7 days with day, window, arrival time and places left,
    starting Monday 30/11, with Más... below."""
    assert snap_compare(app, run_before=routes.to_agenda)


def test_agenda_full_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """VIS030 when every window of the zone is taken: an empty list, the line saying there are
    no free windows in 7 days, F6=Formulario CGO offered on the panel and in the legend, and
    row 24 pointing to F6."""
    assert snap_compare(app, run_before=routes.to_full_agenda)


def test_cgo_form_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """CGO010 filed: the order, contact, phone and address, the preferred windows and days as
    typed, the form number CGO000000001 PENDIENTE with its 2-business-day deadline, the
    sentence to read to the customer, and row 24 confirming it."""
    assert snap_compare(app, run_before=_to_cgo_filed)


def test_cgo_list_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """CGO001 for the supervisor with two pending forms: the count (2 pending, 1 overdue), the
    overdue one first with VENCIDO, and the detail line of the first (contact, phone, days
    and address)."""
    assert snap_compare(app, run_before=_to_cgo_list_with_forms)


async def test_an_lls_is_booked_and_typified(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_visits(pilot)
        assert panel_id(app) == "VIS010"
        assert shown(app, "aviso").startswith("Sin visitas")
        await pilot.press("f23")
        await pilot.pause()
        assert panel_id(app) == "VIS020"
        assert screen(app).field("reason").value == "Necesita una visita técnica"
        assert screen(app).field("contact").value == "Ana"
        await fill(pilot, sym1="Módem apagado", tel="30155A0000", ok="s")
        await enter(pilot)
        assert panel_id(app) == "VIS020"
        assert message(app) == "Teléfono '30155A0000' no válido: solo números, 7 o 10 dígitos."
        assert screen(app).field("tel").value == "30155A0000"  # what was typed stays
        assert screen(app).field("sym1").value == "Módem apagado"
        await fill(pilot, tel="3015550000")
        await enter(pilot)
        assert panel_id(app) == "VIS030", message(app)
        number = shown(app, "order")
        assert number.startswith("LLS")
        first = row(app, "win")
        assert first
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert message(app).startswith(f"{number} agendada ")
        await enter(pilot)  # back: the agenda, then the order form, close
        await pilot.pause()
        assert panel_id(app) == "VIS010", message(app)
        assert shown(app, "agd").startswith(f"{number} agendada") and first in shown(app, "agd")
        assert screen(app).field("inf").value == ""
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "VIS-LLS-001"
        assert screen(app).field("notes").value.startswith(f"{number} agendada")


async def test_a_window_just_taken_is_refused_and_the_list_re_read(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_agenda(pilot)
        current = screen(app)
        slot_id = current.view.windows[0].slot_id  # type: ignore[attr-defined]
        label = current.view.windows[0].label  # type: ignore[attr-defined]
        assert app.services is not None
        with write_session(app.services.engine) as session:  # another agent took it
            slot = session.get(WfmSlot, slot_id)
            assert slot is not None
            slot.booked = slot.capacity
            session.add(slot)
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert panel_id(app) == "VIS030"
        assert message(app).startswith(f"Franja {label} ocupada. Libres: ")
        assert slot_id not in {w.slot_id for w in current.view.windows}  # type: ignore[attr-defined]
        number = shown(app, "order")
        with read_session(app.services.engine) as session:
            order = session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()
        assert order.status == "PENDIENTE"


async def test_no_window_files_the_cgo_form(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_full_agenda(pilot)
        assert panel_id(app) == "VIS030"
        assert message(app) == "Sin franjas libres en 7 días: F6=Formulario CGO."
        await pilot.press("f6")
        await pilot.pause()
        assert panel_id(app) == "CGO010"
        await fill(pilot, win="07-09", days="lun")
        await enter(pilot)
        assert message(app) == "Franja '07-09' no existe: use 08-10 10-12 14-16 16-18."
        assert screen(app).field("win").value == "07-09"
        await fill(pilot, win="08-10")
        await enter(pilot)
        assert shown(app, "number") == "CGO000000001", message(app)
        assert shown(app, "due") == "2 días hábiles: a más tardar el 01/12/26 18:00"
        await enter(pilot)
        await pilot.pause()
        assert panel_id(app) == "VIS010", panel_id(app)
        assert row(app, "state") == "PENDIENTE CGO"
        assert shown(app, "agd") == "formulario CGO CGO000000001 (escalada)"
        assert message(app) == (
            "formulario CGO CGO000000001 (escalada): infórmelo al cliente y digite S."
        )
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("code_in").value == "VIS-SEG-001"
        assert screen(app).field("res").value == "2"  # escalated: not first contact


async def test_a_visit_under_an_open_aviso_is_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_call(pilot, phone_of(_app(pilot).services, "aviso"))  # type: ignore[arg-type]
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        await fill(pilot, avi="s", sta="s", request="Pide visita", br="3")
        await enter(pilot)
        assert panel_id(app) == "VIS010"
        assert message(app).startswith("Nodo con aviso INC")
        await pilot.press("f23")  # refused at the key, not after the form
        await pilot.pause()
        assert panel_id(app) == "VIS010"
        assert message(app).startswith("Nodo con aviso INC")
        assert desk_of(app).visit.orders(SHOWCASE["aviso"]).orders == ()
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "VIS-AVI-001"


async def test_the_scheduled_visit_is_rescheduled(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_scheduled_visits(pilot)
        assert panel_id(app) == "VIS010"
        assert row(app, "state") == "AGENDADA"
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert message(app) == f"La orden {row(app, 'num')} ya está agendada: use 2."
        await fill(pilot, o_0="2")
        await enter(pilot)
        assert panel_id(app) == "VIS030"
        assert shown(app, "mode") == "Reagendar la visita"
        target = row(app, "win")
        assert target
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert "reagendada" in message(app)
        await enter(pilot)
        await pilot.pause()
        assert panel_id(app) == "VIS010"
        assert row(app, "win").endswith(target)
        assert "reagendada" in shown(app, "agd")


async def test_the_cgo_list_is_the_supervisor_s(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_cgo_list_with_forms(pilot)
        assert panel_id(app) == "CGO001"
        assert shown(app, "count") == "2 formularios pendientes, 1 vencidos"
        assert row(app, "num") == "CGO000000002"  # the one past due first
        assert row(app, "due") == "VENCIDO"
        assert row(app, "num", 1) == "CGO000000001" and row(app, "due", 1) == "01/12/26"


async def test_a_support_request_sent_to_a_visit_gets_the_visit_code_on_tip001(
    app: SwatApp,
) -> None:
    """TIP001 lists the soporte catalogue for a soporte request; the visit it went on to
    suggests VIS-LLS-001, which TIP001 fills in although the list does not show it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_td_walk(pilot)
        desk = desk_of(app)
        cuenta = desk.active.record.cuenta  # type: ignore[union-attr]
        assert cuenta is not None
        tree = next(t.number for t in desk.td.trees() if t.id == "internet_no_navega")
        desk.td.choose(str(tree))
        for answer in ("no", "no", "si", "si"):  # offline, cable fine: a physical failure
            desk.td.reply(answer)
        desk.diagnostics.read(cuenta)
        desk.call.record_check("td_informado", "informado")
        desk.call.advance()
        order = desk.visit.create_order(
            cuenta,
            kind="LLS",
            reason="No navega",
            symptom="Módem offline",
            contact_name="Ana",
            contact_phone="3015550000",
            address="CL 45A # 12-08",
            confirmed="S",
        )
        window = desk.visit.agenda(cuenta, order.number).windows[0]
        desk.visit.book(cuenta, order.number, window.slot_id)
        await pilot.press("shift+f10")  # F22
        await pilot.pause()
        assert panel_id(app) == "TIP001"
        assert all(e.branch == "soporte" for e in screen(app).entries)  # type: ignore[attr-defined]
        assert screen(app).field("code_in").value == "VIS-LLS-001"
        assert shown(app, "detail") == "LLS creada (F23) y agendada con el cliente"


async def test_a_refused_option_is_replaced_by_what_is_typed_next(app: SwatApp) -> None:
    """5250: the field in error has the cursor and its value selected; the next key
    corrects it, it does not add to what was refused."""
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_agenda(pilot)
        option = screen(app).field("o_0")
        screen(app).set_focus(option)
        await pilot.press("9", "enter")
        await pilot.pause()
        assert message(app) == "Opción 9 no válida: 1=Agendar." and app.focused is option
        await pilot.press("1")
        await pilot.pause()
        assert option.value == "1"
