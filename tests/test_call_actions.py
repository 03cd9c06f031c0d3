"""Whole calls through the desk: each action an area took is on the call's record as
an ``action`` event named after its intent, with the number it produced, written
in the intent's own transaction (and the call still replays from its events)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from swat_tui.domain.call.events import detail_of
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import CallEvent, PaymentCommitment
from tests.desk_calls import DeskCall


def _actions(services: Services, call_id: int) -> list[tuple[str, str, dict[str, object]]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent)
            .where(CallEvent.call_id == call_id, CallEvent.kind == "action")
            .order_by(col(CallEvent.id))
        ).all()
        return [(row.check, row.result, detail_of(row.detail)) for row in rows]


def test_a_cartera_call_records_its_commitment_reconnection_check_and_note(
    demo_services: Services,
) -> None:
    cuenta = SHOWCASE["aviso_final"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Le llegó un aviso final", subflow="1")
    desk = call.desk
    view = desk.sac.cartera(cuenta)
    benefit = next(e for e in view.benefits if e.met)
    promised = desk.services.clock().date() + timedelta(days=3)
    amount = benefit.benefit.amount_due(view.facts.debt)
    desk.sac.commit_payment(
        cuenta,
        benefit=benefit.benefit.code,
        promised_on=promised.strftime("%d%m%Y"),
        amount=str(amount),
    )
    note = desk.accounts.add_note(cuenta, "Cliente se compromete a pagar.")
    folder = desk.accounts.create_folder(cuenta, "cartera")
    desk.call.record_check("cartera_informada", "informada")
    desk.call.record_check("cartera_resuelta", "resuelta")
    desk.call.advance()
    call.typify()
    ended = call.close()
    with read_session(demo_services.engine) as session:
        [commitment] = session.exec(
            select(PaymentCommitment).where(PaymentCommitment.cuenta == cuenta)
        )
    assert _actions(demo_services, ended.id) == [
        (
            "sac.commit_payment",
            str(commitment.id),
            {"amount": amount, "promised_on": promised.isoformat()},
        ),
        ("accounts.add_note", str(note.id), {"folder": ""}),
        ("accounts.create_folder", folder, {}),
    ]


def test_a_reconnection_and_a_dime_case_record_their_numbers(demo_services: Services) -> None:
    cuenta = SHOWCASE["cancelado_credito"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Pagó y no lo han reconectado", subflow="1")
    desk = call.desk
    number = desk.sac.request_reconnection(cuenta)
    area = desk.dime.areas().areas[0]
    case = desk.dime.escalate(
        area=area.id,
        reason="Reconexión sin aplicar",
        data="El cliente pagó hace tres días y sigue sin servicio. " * 2,
        check_id=None,
    )
    actions = _actions(demo_services, call.record.id)
    assert actions == [
        ("sac.request_reconnection", number, {}),
        ("dime.escalate", case.number, {"area": area.id}),
    ]


def test_an_action_outside_a_call_of_the_account_writes_no_event(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    other = SHOWCASE["pqr_pending"]
    call.desk.accounts.add_note(other, "Nota de otra cuenta.")  # not the call's account
    assert _actions(demo_services, call.record.id) == []
