"""The agent's outbound work on both backends: claims, attempts, refusals that write nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import col, func, select

from swat_tui.domain import presence
from swat_tui.domain.desk.softphone import Softphone
from swat_tui.domain.errors import DomainError
from swat_tui.domain.supervisor.campaign import outbound
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Campaign, CampaignAttempt, CampaignRecord
from tests.campaign import seed
from tests.conftest import FIXED_NOW


def _record(engine: Engine, record_id: int) -> CampaignRecord:
    with read_session(engine) as session:
        record = session.get(CampaignRecord, record_id)
        assert record is not None
        return record


def _attempts(engine: Engine) -> int:
    with read_session(engine) as session:
        return int(session.exec(select(func.count()).select_from(CampaignAttempt)).one())


def test_an_agent_claims_the_next_record_and_gets_it_back(store_engine: Engine) -> None:
    one, two = seed.agents(store_engine, 2)
    seed.campaign(store_engine, 3)
    first = outbound.next_record(store_engine, agent_id=one, campaign_code="CMP1", now=FIXED_NOW)
    assert first is not None and first.campaign_code == "CMP1" and first.attempts == 0
    record = _record(store_engine, first.record_id)
    assert (record.status, record.claimed_by) == ("en_curso", one)
    again = outbound.next_record(store_engine, agent_id=one, campaign_code=None, now=FIXED_NOW)
    assert again == first  # a restarted session is given its record back
    other = outbound.next_record(store_engine, agent_id=two, campaign_code="CMP1", now=FIXED_NOW)
    assert other is not None and other.record_id != first.record_id


def test_active_campaigns_count_what_is_left(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 4)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    outbound.record_attempt(
        store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
        result="contacto_efectivo", recall_at=None, note="", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    (summary,) = outbound.active_campaigns(store_engine)
    assert (summary.code, summary.records, summary.pending) == ("CMP1", 4, 3)


def test_an_effective_contact_closes_the_record(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    outcome = outbound.record_attempt(
        store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
        result="contacto_efectivo", recall_at=None, note="acepta", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    assert (outcome.status, outcome.next_call_at) == ("contactado", None)
    assert (
        outcome.message == f"Contacto efectivo: cuenta {call.cuenta:08d} cerrada como contactada."
    )
    record = _record(store_engine, call.record_id)
    assert (record.status, record.attempts, record.contacted_by) == ("contactado", 1, agent)
    assert record.claimed_by is None
    assert (
        outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=FIXED_NOW)
        is None
    )


def test_no_answer_waits_before_the_record_is_due_again(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    outcome = outbound.record_attempt(
        store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
        result="no_contesta", recall_at=None, note="", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    assert outcome.status == "pendiente"
    assert outcome.next_call_at == FIXED_NOW + timedelta(minutes=120)
    assert outcome.message.endswith("nuevo intento desde 10/03 11:30.")
    early = FIXED_NOW + timedelta(minutes=119)
    assert outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=early) is None
    due = FIXED_NOW + timedelta(minutes=120)
    again = outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=due)
    assert again is not None and (again.attempts, again.last_result) == (1, "no_contesta")


def test_a_due_recall_comes_before_the_untouched_base(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 3)
    first = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert first is not None
    outbound.record_attempt(
        store_engine, agent_id=agent, record_id=first.record_id, phone=first.phone,
        result="ocupado", recall_at=None, note="", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    later = FIXED_NOW + timedelta(hours=1)
    again = outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=later)
    assert again is not None and again.record_id == first.record_id


@pytest.mark.parametrize(
    ("result", "recall_at", "rule"),
    [
        ("volver_a_llamar", FIXED_NOW - timedelta(hours=1), "recall_past"),
        ("volver_a_llamar", None, "recall_missing"),
        ("colgo", None, "result_unknown"),
    ],
)
def test_a_refused_attempt_writes_nothing(
    store_engine: Engine, result: str, recall_at: object, rule: str
) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    with pytest.raises(DomainError) as refused:
        outbound.record_attempt(
            store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
            result=result, recall_at=recall_at, note="", call_id=None, now=FIXED_NOW,  # type: ignore[arg-type]
        )  # fmt: skip
    assert refused.value.rule == f"supervisor.campaign.{rule}"
    assert _attempts(store_engine) == 0
    record = _record(store_engine, call.record_id)
    assert (record.status, record.attempts, record.claimed_by) == ("en_curso", 0, agent)


def test_a_call_back_is_due_at_the_customer_s_time(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    at = FIXED_NOW + timedelta(days=1)
    outcome = outbound.record_attempt(
        store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
        result="volver_a_llamar", recall_at=at, note="tarde", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    assert outcome.next_call_at == at
    assert _record(store_engine, call.record_id).next_call_at == at
    with read_session(store_engine) as session:
        attempt = session.exec(select(CampaignAttempt)).one()
    assert (attempt.result, attempt.recall_at, attempt.note) == (
        "volver_a_llamar",
        at,
        "tarde",
    )


def test_a_wrong_number_goes_on_with_the_second(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1, phone2=True)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None and call.phone2 is not None
    outbound.record_attempt(
        store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
        result="numero_errado", recall_at=None, note="", call_id=None, now=FIXED_NOW,
    )  # fmt: skip
    again = outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=FIXED_NOW)
    assert again is not None and (again.phone, again.phone2) == (call.phone2, None)


def test_only_the_agent_holding_a_record_records_or_releases_it(store_engine: Engine) -> None:
    one, two = seed.agents(store_engine, 2)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=one, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    with pytest.raises(DomainError) as refused:
        outbound.record_attempt(
            store_engine, agent_id=two, record_id=call.record_id, phone=call.phone,
            result="ocupado", recall_at=None, note="", call_id=None, now=FIXED_NOW,
        )  # fmt: skip
    assert refused.value.rule == "supervisor.campaign.not_claimed"
    with pytest.raises(DomainError):
        outbound.release(store_engine, agent_id=two, record_id=call.record_id)
    outbound.release(store_engine, agent_id=one, record_id=call.record_id)
    record = _record(store_engine, call.record_id)
    assert (record.status, record.claimed_by, record.attempts) == ("pendiente", None, 0)
    taken = outbound.next_record(store_engine, agent_id=two, campaign_code="CMP1", now=FIXED_NOW)
    assert taken is not None and taken.record_id == call.record_id


def test_a_dead_session_s_claim_goes_back_after_the_timeout(store_engine: Engine) -> None:
    one, two = seed.agents(store_engine, 2)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=one, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    soon = FIXED_NOW + timedelta(minutes=29)
    assert outbound.next_record(store_engine, agent_id=two, campaign_code=None, now=soon) is None
    late = FIXED_NOW + timedelta(minutes=31)
    taken = outbound.next_record(store_engine, agent_id=two, campaign_code=None, now=late)
    assert taken is not None and taken.record_id == call.record_id


def test_a_live_session_keeps_its_account_on_a_call_longer_than_the_timeout(
    store_engine: Engine,
) -> None:
    """The claim's age alone does not free an account: while the agent who holds it
    has a live session (a heartbeat), a 40-minute call keeps it; once the session
    dies (no heartbeat), the next agent gets it."""
    one, two = seed.agents(store_engine, 2)
    seed.campaign(store_engine, 1)
    token = "ffffffff:1:0badc0de"  # another machine's session: only its heartbeat counts
    presence.claim(
        store_engine, agent_id=one, username="CAMP00", token=token,
        phone=Softphone.signed_on(FIXED_NOW), now=FIXED_NOW,
    )  # fmt: skip
    call = outbound.next_record(store_engine, agent_id=one, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    late = FIXED_NOW + timedelta(minutes=40)
    assert presence.heartbeat(store_engine, agent_id=one, token=token, now=late)
    assert outbound.next_record(store_engine, agent_id=two, campaign_code=None, now=late) is None
    gone = late + presence.presence_config().stale_after + timedelta(seconds=1)
    taken = outbound.next_record(store_engine, agent_id=two, campaign_code=None, now=gone)
    assert taken is not None and taken.record_id == call.record_id


def test_a_closed_or_unknown_campaign_gives_nothing(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    campaign_id = seed.campaign(store_engine, 2)
    with pytest.raises(DomainError) as refused:
        outbound.next_record(store_engine, agent_id=agent, campaign_code="NOPE", now=FIXED_NOW)
    assert refused.value.message == "No existe la campaña NOPE."
    with write_session(store_engine) as session:
        row = session.get(Campaign, campaign_id)
        assert row is not None
        row.status = "cerrada"
        session.add(row)
    assert (
        outbound.next_record(store_engine, agent_id=agent, campaign_code=None, now=FIXED_NOW)
        is None
    )
    assert outbound.active_campaigns(store_engine) == ()


def test_a_note_too_long_is_refused(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 1)
    call = outbound.next_record(store_engine, agent_id=agent, campaign_code="CMP1", now=FIXED_NOW)
    assert call is not None
    with pytest.raises(DomainError, match="201 caracteres"):
        outbound.record_attempt(
            store_engine, agent_id=agent, record_id=call.record_id, phone=call.phone,
            result="ocupado", recall_at=None, note="x" * 201, call_id=None, now=FIXED_NOW,
        )  # fmt: skip
    with read_session(store_engine) as session:
        statuses = session.exec(select(col(CampaignRecord.status))).all()
    assert statuses == ["en_curso"]
