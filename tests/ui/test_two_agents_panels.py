"""Two agents on one record, as the first sees it: another agent (a desk of ASESOR02 on
the same store) changes the work order or DIME case while this agent's panel shows it.

The save is refused with row 24 naming what changed and who changed it; the option
and the note the agent typed stay in their fields; the panel shows the record as it
is now, and a second Intro (after reading it) saves."""

from __future__ import annotations

from sqlmodel import select

from swat_tui.config import BOGOTA
from swat_tui.domain import messages
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent, DimeNote, WorkOrder
from swat_tui.ui.app import SwatApp
from tests.desk_calls import _NoCalls
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown
from tests.ui.test_dime_panels import _cases_outside_a_call
from tests.ui.test_visit_panels import _to_scheduled_visits, row

SIZE = (80, 24)


def _other_agent(services: Services) -> Desk:
    """ASESOR02's desk on the same store, between calls."""
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == "ASESOR02")).one()
        assert agent.id is not None
        signed_on = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)
    return Desk(services, signed_on, _NoCalls())


def _order(services: Services, number: str) -> WorkOrder:
    with read_session(services.engine) as session:
        return session.exec(select(WorkOrder).where(WorkOrder.number == number)).one()


def _hour(services: Services) -> str:
    """The time a change made now is named by (the test clock's, in Bogotá)."""
    return f"{services.clock().astimezone(BOGOTA):%H:%M}"


async def test_a_visit_moved_by_another_agent_is_not_cancelled_from_the_list(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _to_scheduled_visits(pilot)
        assert panel_id(app) == "VIS010"
        number, window = row(app, "num"), row(app, "win")
        other = _other_agent(services)
        cuenta = SHOWCASE["visit_scheduled"]
        target = other.visit.agenda(cuenta, number).windows[1]
        other.visit.reschedule(cuenta, number, target.slot_id)
        await fill(pilot, o_0="4")
        await enter(pilot)
        said = message(app)
        assert said == (
            f"La orden {number} cambió (franja; ASESOR02 {_hour(services)}): revise y grabe."
        )
        assert screen(app).field("o_0").value == "4"  # the agent's 4 stays
        assert row(app, "win") == target.label != window  # the list as it is now
        assert row(app, "state") == "AGENDADA"
        assert (_order(services, number).status, _order(services, number).updated_by) == (
            "AGENDADA",
            "ASESOR02",
        )
        await enter(pilot)  # read, and still wanted: the second Intro cancels
        assert message(app) == messages.text("ui.visit.order_cancelled", number=number)
        assert _order(services, number).status == "CANCELADA"


async def test_a_visit_another_agent_moved_keeps_the_1_on_the_window_chosen(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _to_scheduled_visits(pilot)
        number = row(app, "num")
        await fill(pilot, o_0="2")
        await enter(pilot)
        assert panel_id(app) == "VIS030"
        chosen = row(app, "win", 2), row(app, "day", 2)
        other = _other_agent(services)
        cuenta = SHOWCASE["visit_scheduled"]
        target = other.visit.agenda(cuenta, number).windows[1]
        other.visit.reschedule(cuenta, number, target.slot_id)
        await fill(pilot, o_2="1")
        await enter(pilot)
        assert message(app) == (
            f"La orden {number} cambió (franja; ASESOR02 {_hour(services)}): revise y grabe."
        )
        assert shown(app, "current") == target.label  # the order as it is now
        index = next(
            i
            for i in range(len(screen(app).panel.canvas.records))
            if (row(app, "win", i), row(app, "day", i)) == chosen
        )
        assert screen(app).field(f"o_{index}").value == "1"
        assert _order(services, number).updated_by == "ASESOR02"
        await enter(pilot)
        assert "reagendada" in message(app), message(app)
        assert _order(services, number).updated_by == "ASESOR01"


async def test_a_dime_note_keeps_its_text_when_another_agent_noted_the_case(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _cases_outside_a_call(pilot, "dime_open")
        number = row(app, "num")
        _other_agent(services).dime.add_case_note(number, "Área confirma el ajuste.")
        await fill(pilot, o_0="2", note="Cliente pregunta por el ajuste")
        await enter(pilot)
        assert message(app) == (
            f"El caso {number} cambió (nueva nota; ASESOR02 {_hour(services)}): revise y grabe."
        )
        assert screen(app).field("note").value == "Cliente pregunta por el ajuste"
        assert screen(app).field("o_0").value == "2"
        assert shown(app, "detail6").endswith("ASESOR02: Área confirma el ajuste.")  # read now
        with read_session(services.engine) as session:
            authors = [n.author for n in session.exec(select(DimeNote)).all()]
        assert "ASESOR01" not in authors
        await enter(pilot)
        assert message(app).startswith("Nota agregada al caso DIME")
        assert shown(app, "detail7").endswith("ASESOR01: Cliente pregunta por el ajuste")
        assert desk_of(app).dime.cases(SHOWCASE["dime_open"])[0].version == 3


async def test_a_cgo_form_keeps_what_was_typed_when_another_agent_cancelled_the_order(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_cgo_form(pilot)
        assert panel_id(app) == "CGO010"
        number = shown(app, "order")
        cuenta = screen(app).cuenta  # type: ignore[attr-defined]
        _other_agent(services).visit.cancel(cuenta, number)
        await fill(pilot, win="08-10", days="lun mie", notes1="Llamar antes de ir")
        await enter(pilot)
        assert message(app) == (
            f"La orden {number} cambió (estado; ASESOR02 {_hour(services)}): revise y grabe."
        )
        typed = {name: screen(app).field(name).value for name in ("win", "days", "notes1")}
        assert typed == {"win": "08-10", "days": "lun mie", "notes1": "Llamar antes de ir"}
        assert shown(app, "number") == ""  # nothing filed
        await enter(pilot)  # read again: the order is cancelled, CGO does not take it
        assert message(app) == f"La orden {number} está CANCELADA: no va a CGO."
