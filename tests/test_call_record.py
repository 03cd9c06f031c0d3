"""The call's record: typed events, a declared field schema, replay from the events alone,
panels opened and refused intents on record."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.domain.call import CallService
from swat_tui.domain.call.caller_data import FIELD_NAME
from swat_tui.domain.call.events import detail_of
from swat_tui.domain.call.fields import FIELDS, TYPIFICATION_NOTES_FIELD, Writer, field_of
from swat_tui.domain.call.refusals import record_refusal, refusals_of
from swat_tui.domain.call.service import OWN_ACTION_CHECKS
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.procedure.state import SUBFLOW_FIELD, SUGGESTED_CODE_FIELD
from swat_tui.store.engine import read_session
from swat_tui.store.models import CallEvent, RefusedIntent
from tests.call_seed import BLACKLISTED, CUENTA, MovingClock, seed
from tests.conftest import FIXED_NOW

CALLER = {
    "caller_name": "Marta Ruiz",
    "caller_document": "52123456",
    "caller_relation": "titular",
    "callback_number": "3001234567",
}


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(FIXED_NOW)


@pytest.fixture
def calls(store_engine: Engine, clock: MovingClock) -> CallService:
    return CallService(store_engine, clock)


def _events(engine: Engine, call_id: int) -> list[CallEvent]:
    with read_session(engine) as session:
        statement = (
            select(CallEvent).where(CallEvent.call_id == call_id).order_by(col(CallEvent.id))
        )
        return list(session.exec(statement).all())


def _answered(calls: CallService, agent_id: int, clock: MovingClock) -> int:
    call_id = calls.offer(agent_id, "3001234567", "HOGAR", says="Mi factura llegó alta").id
    clock.advance(3)
    calls.answer(call_id)
    return call_id


def test_every_declared_field_is_one_key_and_agent_fields_are_typable() -> None:
    """No two declarations claim a key, and what the agent may type passes set_field's
    name check (so a declared agent field is never refused for its spelling)."""
    names = [field.name for field in FIELDS]
    assert len(names) == len(set(names))
    for field in FIELDS:
        example = field.name.format(number=3, scope=3, panel="TIP001")
        example += "notes" if example.endswith(":") else ""
        assert field_of(example) == field, field.name
        if field.agent_settable:
            assert FIELD_NAME.fullmatch(example), field.name
    assert field_of("ucc_") is None and field_of("ucc_01") is None and field_of("nota") is None
    assert Writer.ACTION in (field_of("typification_notes_2") or FIELDS[0]).writers


def test_a_call_writes_typed_events_with_what_replaying_needs(
    store_engine: Engine, calls: CallService, clock: MovingClock
) -> None:
    agent_id = seed(store_engine, FIXED_NOW)
    call_id = _answered(calls, agent_id, clock)
    calls.hold(call_id)
    clock.advance(42)
    calls.resume(call_id)
    calls.record_check(call_id, "saludo", "guion leído")
    for name, value in CALLER.items():
        calls.set_field(call_id, name, value)
    calls.open_account(call_id, CUENTA, frozenset({"pqr_pendiente"}))
    calls.advance(call_id)
    calls.start_request(call_id, "sac", "Factura más alta")
    calls.choose_subflow(call_id, "cartera")
    calls.set_field(call_id, TYPIFICATION_NOTES_FIELD.format(number=1), "x" * 300)
    calls.keep_typed(call_id, "TIP001", {"code_in": "SAC"})
    calls.set_front(call_id, "SAC030")
    calls.panel_opened(call_id, "CTA001", "full")
    calls.transfer(call_id, "HOGAR_PQR")

    events = _events(store_engine, call_id)
    kinds = [event.kind for event in events]
    assert kinds[:4] == ["offer", "answer", "hold", "resume"]
    assert {"check", "field", "account", "step", "request", "subflow", "typed", "front"} <= set(
        kinds
    )
    assert kinds[-2:] == ["panel", "transfer"]
    by_kind = {event.kind: event for event in events}
    assert detail_of(by_kind["offer"].detail) == {"says": "Mi factura llegó alta"}
    assert detail_of(by_kind["resume"].detail) == {"seconds": 42}
    assert (by_kind["panel"].check, by_kind["panel"].result) == ("CTA001", "full")
    assert by_kind["panel"].request == 1 and by_kind["request"].request == 1
    assert detail_of(by_kind["subflow"].detail) == {"field": SUBFLOW_FIELD.format(number=1)}
    long_note = next(e for e in events if e.check == "campo:typification_notes_1")
    assert len(long_note.result) == 200 and detail_of(long_note.detail)["result"] == "x" * 300
    assert detail_of(by_kind["account"].detail) == {
        "cuenta": CUENTA,
        "dropped": False,
        "flags": ["pqr_pendiente"],
    }
    assert calls.replayed(call_id) == calls.get(call_id).state


def test_a_panel_opened_changes_no_state_and_needs_a_call_being_worked(
    store_engine: Engine, calls: CallService, clock: MovingClock
) -> None:
    agent_id = seed(store_engine, FIXED_NOW)
    call_id = _answered(calls, agent_id, clock)
    before = calls.get(call_id)
    after = calls.panel_opened(call_id, "CTA001", "masked")
    assert after.state == before.state
    calls.hang_up(call_id)
    calls.panel_opened(call_id, "LLM008", "full")  # ACW: still the call's work
    calls.finish_acw(call_id)
    calls.panel_opened(call_id, "CTA001", "full")  # nobody works the call any more
    panels = [(e.check, e.result) for e in _events(store_engine, call_id) if e.kind == "panel"]
    assert panels == [("CTA001", "masked"), ("LLM008", "full")]


def test_a_subflow_is_one_of_the_current_requests_branch(
    store_engine: Engine, calls: CallService, clock: MovingClock
) -> None:
    agent_id = seed(store_engine, FIXED_NOW)
    call_id = _answered(calls, agent_id, clock)
    with pytest.raises(DomainError):
        calls.choose_subflow(call_id, "cartera")
    assert [e.kind for e in _events(store_engine, call_id)] == ["offer", "answer"]
    calls.start_request(call_id, "soporte", "Sin internet")
    with pytest.raises(DomainError) as unknown:
        calls.choose_subflow(call_id, "cartera")  # a SAC sub-flow: no panel in soporte
    assert unknown.value.rule == "call.subflow_unknown"
    with pytest.raises(DomainError) as other:
        calls.set_field(call_id, SUBFLOW_FIELD.format(number=2), "")
    assert other.value.rule == "call.subflow_request"
    subflow = (
        calls.procedure.routes.subflows("soporte")[0].subflow if calls.procedure.routes else ""
    )
    record = calls.set_field(call_id, SUBFLOW_FIELD.format(number=1), subflow)
    assert record.state.subflow == subflow
    assert _events(store_engine, call_id)[-1].kind == "subflow"


def test_a_refusal_is_on_record_and_changes_nothing_of_the_call(
    store_engine: Engine, calls: CallService, clock: MovingClock
) -> None:
    agent_id = seed(store_engine, FIXED_NOW)
    call_id = _answered(calls, agent_id, clock)
    before, events = calls.get(call_id), _events(store_engine, call_id)
    try:
        calls.advance(call_id)  # step 1 is not complete
    except DomainError as error:
        refusal = error
    else:
        raise AssertionError("advance was not refused")
    record_refusal(
        store_engine,
        at=clock(),
        username="ASESOR01",
        call_id=call_id,
        intent="call.advance",
        error=refusal,
    )
    assert calls.get(call_id) == before and _events(store_engine, call_id) == events
    (on_record,) = refusals_of(store_engine, call_id)
    assert (on_record.intent, on_record.rule) == ("call.advance", "step_pending")
    assert on_record.message == refusal.message and on_record.username == "ASESOR01"
    assert on_record.at == clock()
    record_refusal(
        store_engine,
        at=clock(),
        username="ASESOR01",
        call_id=None,
        intent="account.open",
        error=DomainError("La cuenta 00000001 no existe."),
    )
    with read_session(store_engine) as session:
        rows = session.exec(select(RefusedIntent).order_by(col(RefusedIntent.id))).all()
    assert [(row.call_id, row.rule) for row in rows] == [(call_id, "step_pending"), (None, "")]
    assert len(refusals_of(store_engine, call_id)) == 1


def test_an_action_field_is_written_only_by_a_declared_action_template(
    store_engine: Engine, calls: CallService, clock: MovingClock
) -> None:
    from swat_tui.domain.call.change import write_change

    agent_id = seed(store_engine, FIXED_NOW)
    call_id = _answered(calls, agent_id, clock)
    with pytest.raises(ValueError, match="not written by an action"):
        write_change(
            store_engine,
            calls.procedure,
            call_id,
            clock(),
            lambda change: change.set_request_field(SUBFLOW_FIELD, "cartera"),
        )
    record = write_change(
        store_engine,
        calls.procedure,
        call_id,
        clock(),
        lambda change: change.set_request_field(SUGGESTED_CODE_FIELD, "SAC-FAC-001"),
    )
    assert record.state.fields["ucc_0"] == "SAC-FAC-001"  # no request yet: number 0
    assert calls.replayed(call_id) == record.state


@pytest.mark.parametrize("seed_value", range(8))
def test_random_intents_replay_to_the_stored_state(
    store_engine: Engine, calls: CallService, clock: MovingClock, seed_value: int
) -> None:
    """Random call intents, allowed or refused, over several calls: after each, the
    events alone rebuild the state the store holds."""
    agent_id = seed(store_engine, FIXED_NOW)
    rng = random.Random(seed_value)
    procedure = calls.procedure
    checks = [
        check.id
        for step in procedure.steps
        for check in step.checks
        if check.id not in OWN_ACTION_CHECKS
    ]
    current: list[int] = []

    def call_id() -> int:
        if current:
            record = calls.get(current[-1])
            if record.status not in ("ringing", "in_progress") and not record.in_acw:
                current.clear()  # over and no ACW left: the next call rings
        if not current:
            current.append(calls.offer(agent_id, "3001234567", "HOGAR", says="algo").id)
        return current[-1]

    def finish() -> None:
        calls.finish_acw(call_id())
        current.clear()

    def typify() -> None:
        calls.typify(call_id(), code="SAC-FAC-001", first_contact=rng.random() < 0.7)

    intents: list[Callable[[], object]] = [
        lambda: calls.answer(call_id()),
        lambda: calls.hold(call_id()),
        lambda: calls.resume(call_id()),
        lambda: calls.record_check(call_id(), rng.choice(checks), rng.choice(["ok", "leído"])),
        lambda: calls.revoke_check(call_id(), check_ids.IDENTITY),
        lambda: calls.set_field(call_id(), *rng.choice(list(CALLER.items()))),
        lambda: calls.set_field(call_id(), TYPIFICATION_NOTES_FIELD.format(number=1), "nota"),
        lambda: calls.open_account(call_id(), rng.choice([CUENTA, BLACKLISTED]), frozenset()),
        lambda: calls.start_request(call_id(), rng.choice(["sac", "soporte"]), "Factura"),
        lambda: calls.choose_subflow(call_id(), rng.choice(["cartera", "facturacion"])),
        lambda: calls.keep_typed(call_id(), "TIP001", {"notes": rng.choice(["a", ""])}),
        lambda: calls.set_front(call_id(), rng.choice(["", "SAC030", "VIS020 order=1"])),
        lambda: calls.panel_opened(call_id(), "CTA001", "full"),
        lambda: calls.advance(call_id()),
        lambda: calls.another_request(call_id()),
        typify,
        lambda: calls.record_survey(call_id(), "acepta", rng.randint(1, 5)),
        lambda: calls.hang_up(call_id(), by=rng.choice(["agent", "customer"])),
        lambda: calls.end(call_id()),
        finish,
    ]
    for _ in range(200):
        clock.advance(rng.randint(1, 20))
        with contextlib.suppress(DomainError):
            rng.choice(intents)()
        if current:
            assert calls.replayed(current[-1]) == calls.get(current[-1]).state
