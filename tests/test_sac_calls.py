"""Whole SAC calls through the desk, without the UI — cartera and
recaudo — checking every row each one wrote. A trainer's scenario reads the same."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import (
    AccessLog,
    CallEvent,
    PaymentCommitment,
    Reconnection,
    Typification,
)
from tests.desk_calls import DeskCall


def _events(services: Services, call_id: int) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        return [(row.check, row.result) for row in rows]


def _typification(services: Services, call_id: int) -> Typification:
    with read_session(services.engine) as session:
        return session.exec(select(Typification).where(Typification.call_id == call_id)).one()


def test_cartera_call_with_a_payment_commitment(demo_services: Services) -> None:
    cuenta = SHOWCASE["aviso_final"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Le llegó un aviso final", subflow="1")
    desk = call.desk
    assert desk.call.step_panel() == "SAC010"
    view = desk.sac.cartera(cuenta)
    assert view.final_notice is not None and view.debt.total == view.balance > 0
    benefit = next(e for e in view.benefits if e.met)
    promised = desk.services.clock().date() + timedelta(days=3)
    amount = benefit.benefit.amount_due(view.facts.debt)
    desk.sac.commit_payment(
        cuenta,
        benefit=benefit.benefit.code,
        promised_on=promised.strftime("%d%m%Y"),
        amount=str(amount),
    )
    desk.call.record_check("cartera_informada", "informada")
    desk.call.record_check("cartera_resuelta", "resuelta")
    desk.call.advance()
    call.typify()
    ended = call.close()
    assert ended.status == "ended"
    services = demo_services
    with read_session(services.engine) as session:
        [commitment] = session.exec(
            select(PaymentCommitment).where(PaymentCommitment.cuenta == cuenta)
        )
        actions = [
            row.action for row in session.exec(select(AccessLog).where(AccessLog.cuenta == cuenta))
        ]
    assert (commitment.call_id, commitment.benefit, commitment.amount, commitment.agent) == (
        ended.id,
        benefit.benefit.code,
        amount,
        "ASESOR01",
    )
    assert commitment.promised_on == promised and commitment.status == "VIGENTE"
    assert actions.count("CARTERA") == 2  # the view, and the commitment's own reading
    typification = _typification(services, ended.id)
    assert (typification.code, typification.first_contact, typification.cun) == (
        "SAC-CAR-001",
        True,
        None,
    )
    events = _events(services, ended.id)
    assert ("ucc_1", "SAC-CAR-001") in events
    assert ("cartera_informada", "informada") in events
    assert ("cartera_resuelta", "resuelta") in events
    assert ("tipificada", "SAC-CAR-001") in events


def test_reconnection_call_for_a_paid_account(demo_services: Services) -> None:
    cuenta = SHOWCASE["cancelado_credito"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Pagó y no lo han reconectado", subflow="1")
    number = call.desk.sac.request_reconnection(cuenta)
    call.desk.call.record_check("cartera_informada", "informada")
    call.desk.call.record_check("cartera_resuelta", "resuelta")
    call.desk.call.advance()
    call.typify()
    ended = call.close()
    with read_session(demo_services.engine) as session:
        [order] = session.exec(select(Reconnection).where(Reconnection.cuenta == cuenta))
    assert (order.number, order.call_id, order.status, order.agent) == (
        number,
        ended.id,
        "PENDIENTE",
        "ASESOR01",
    )
    assert _typification(demo_services, ended.id).code == "SAC-CAR-005"


def test_recaudo_call_with_a_payment_not_applied(demo_services: Services) -> None:
    cuenta = SHOWCASE["payment_not_applied"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Pagó por PSE y le siguen cobrando", subflow="3")
    desk = call.desk
    assert desk.call.step_panel() == "SAC030"
    view = desk.sac.recaudo(cuenta)
    pending = next(p for p in view.payments if not p.applied)
    assert not view.up_to_date and pending.channel == "PSE"
    found = desk.sac.check_reported_payment(
        cuenta, paid_on=pending.paid_on.strftime("%d%m%Y"), amount=str(pending.amount)
    )
    assert found.finding.value == "pending" and found.apply_by is not None
    desk.call.record_check("recaudo_informado", "informado")
    desk.call.record_check("recaudo_resuelto", "resuelto")
    desk.call.advance()
    call.typify()
    ended = call.close()
    typification = _typification(demo_services, ended.id)
    assert (typification.code, typification.first_contact) == ("SAC-REC-001", True)
    events = _events(demo_services, ended.id)
    assert ("ucc_1", "SAC-REC-001") in events and ("recaudo_resuelto", "resuelto") in events
