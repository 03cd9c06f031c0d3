"""Every intent the desk refuses is on record (intent, rule, row-24 text, the call),
written outside the refused transaction: nothing of the call changes, and a busy
store loses the audit row, never the agent's refusal."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from swat_tui.domain.desk import context
from swat_tui.domain.errors import DomainError, StoreBusy
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call, CallEvent, RefusedIntent
from tests.desk_calls import DeskCall


def _refusals(services: Services) -> list[RefusedIntent]:
    with read_session(services.engine) as session:
        return list(session.exec(select(RefusedIntent).order_by(col(RefusedIntent.id))).all())


def _call_as_stored(
    services: Services, call_id: int
) -> tuple[dict[str, object], list[tuple[object, ...]]]:
    """The call's row and its events, to compare before and after a refusal."""
    with read_session(services.engine) as session:
        call = session.get(Call, call_id)
        assert call is not None
        events = session.exec(
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        ).all()
        return call.model_dump(), [
            (e.kind, e.check, e.result, e.request, e.detail, e.at) for e in events
        ]


def test_a_refused_intent_writes_one_audit_row_and_nothing_of_the_call(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call_id = call.record.id
    before = _call_as_stored(demo_services, call_id)
    with pytest.raises(DomainError) as refused:
        call.desk.call.advance()  # step 1 is not complete
    assert _call_as_stored(demo_services, call_id) == before
    [row] = _refusals(demo_services)
    assert (row.intent, row.rule, row.call_id) == ("call.advance", "step_pending", call_id)
    assert row.message == refused.value.message and row.username == "ASESOR01"


def test_the_desk_s_own_intents_are_on_record_too(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    with pytest.raises(DomainError) as refused:
        call.desk.transfer("")  # no queue typed
    with pytest.raises(DomainError):
        call.desk.check_sign_off()  # a call on the line
    rows = _refusals(demo_services)
    assert [(r.intent, r.call_id) for r in rows] == [
        ("desk.transfer", call.record.id),
        ("desk.check_sign_off", call.record.id),
    ]
    assert rows[0].message == refused.value.message


def test_a_refusal_outside_a_call_has_no_call(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.desk.hang_up()
    with pytest.raises(DomainError):
        call.desk.call.advance()  # no call on the line any more
    [row] = _refusals(demo_services)
    assert (row.intent, row.call_id) == ("call.advance", None)


def test_a_busy_store_loses_the_audit_row_not_the_refusal(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreBusy()

    monkeypatch.setattr(context, "record_refusal", busy)
    with pytest.raises(DomainError) as refused:
        call.desk.call.advance()
    assert refused.value.rule == "step_pending"  # row 24 still says why
    assert _refusals(demo_services) == []
