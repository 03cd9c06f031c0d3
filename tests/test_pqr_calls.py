"""Whole consult and desist calls through the desk, without
the UI, checking the rows each wrote. A trainer's scenario reads the same."""

from __future__ import annotations

from sqlmodel import col, select

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import AccessLog, CallEvent, Pqr, Typification
from tests.desk_calls import DeskCall


def _rows(services: Services, call_id: int) -> tuple[list[tuple[str, str]], Typification]:
    with read_session(services.engine) as session:
        events = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        typification = session.exec(
            select(Typification).where(Typification.call_id == call_id)
        ).one()
        return [(e.check, e.result) for e in events], typification


def test_consult_call_tells_an_overdue_pqr_as_recorded(demo_services: Services) -> None:
    cuenta = SHOWCASE["pqr_overdue"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("pqr", "Pregunta por su reclamo", subflow="1")
    desk = call.desk
    assert desk.call.step_panel() == "PQR010"
    [line] = desk.pqr.consult(cuenta).lines
    assert line.overdue and line.status == "ABIERTA"
    desk.call.record_check("pqr_consultada", "informada")
    desk.call.advance()
    call.typify()
    ended = call.close()
    events, typification = _rows(demo_services, ended.id)
    assert ("pqr_consultada", "informada") in events
    assert (typification.code, typification.first_contact, typification.cun) == (
        "PQR-CON-001",
        True,
        None,
    )
    with read_session(demo_services.engine) as session:
        actions = session.exec(select(AccessLog.action).where(AccessLog.cuenta == cuenta)).all()
        [pqr] = session.exec(select(Pqr).where(Pqr.cuenta == cuenta)).all()
    assert "PQR" in actions
    assert pqr.status == "ABIERTA"  # consulting changes nothing of it


def test_desist_call_records_rights_then_desistance(demo_services: Services) -> None:
    cuenta = SHOWCASE["pqr_pending"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("pqr", "No quiere radicar tras la explicación", subflow="2")
    desk = call.desk
    assert desk.call.step_panel() == "PQR020"
    desk.call.record_check("pqr_derechos", "informados")
    desk.call.record_check("pqr_desistida", "desiste")
    desk.call.advance()
    call.typify()
    ended = call.close()
    events, typification = _rows(demo_services, ended.id)
    order = [check for check, _ in events]
    assert order.index("pqr_derechos") < order.index("pqr_desistida") < order.index("tipificada")
    assert (typification.code, typification.first_contact) == ("PQR-DES-001", True)
    with read_session(demo_services.engine) as session:
        filed = session.exec(select(Pqr).where(Pqr.call_id == ended.id)).all()
    assert filed == []  # desisting files nothing


def test_the_consult_shows_the_visits_and_f7_notes_around_each_filing(
    demo_services: Services,
) -> None:
    """The PQR with the visits and F7 notes near its filing (30 days)."""
    from swat_tui.domain.pqr.consult import consult_pqrs
    from tests.gates import SEE_ALL

    cuenta = SHOWCASE["everything"]  # a PQR of 5 days ago, an LLS and an OT of yesterday
    view = consult_pqrs(demo_services.engine, demo_services.clock, cuenta, agent="T", gate=SEE_ALL)
    [line] = view.lines
    assert sorted(v.kind for v in line.visits) == ["LLS", "OT"]
    assert all(abs(v.created_at - line.filed_at).days <= 30 for v in line.visits)
    with read_session(demo_services.engine) as session:
        from swat_tui.store.models import Note

        notes = session.exec(select(Note).where(Note.cuenta == cuenta)).all()
    near = [n for n in notes if n.folder_id is None and abs(n.created_at - line.filed_at).days < 30]
    assert len(line.notes) == len(near)
