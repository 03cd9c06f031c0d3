"""The agent's outbound work on a campaign: take the next record, record each attempt.

Each function is one intent in one transaction. Two agents asking at once never get
the same record (``FOR UPDATE SKIP LOCKED``); a refused attempt writes nothing. The
softphone's outbound calling (CMP001) is built on these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.domain.presence import presence_config
from swat_tui.domain.supervisor.campaign.recall import (
    AGOTADO,
    CONTACTADO,
    EN_CURSO,
    PENDIENTE,
    Decision,
    RecallRules,
    RecordState,
    decide,
    in_bogota,
    recall_rules,
)
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Campaign, CampaignAttempt, CampaignRecord
from swat_tui.store.queries import campaigns as queries

NOTE_MAX = 200  # campaign_attempt.note


@dataclass(frozen=True)
class ResultOption:
    """A result the agent may record: its code and its Spanish label."""

    code: str
    label: str


RESULTS: tuple[ResultOption, ...] = tuple(
    ResultOption(rule.code, rule.label) for rule in recall_rules().results
)


@dataclass(frozen=True)
class CampaignSummary:
    """An active campaign: its records and how many are still to work."""

    code: str
    name: str
    records: int
    pending: int


@dataclass(frozen=True)
class CampaignCall:
    """A record claimed by one agent: the account to call and its numbers."""

    record_id: int
    campaign_code: str
    campaign_name: str
    cuenta: int
    phone: str
    phone2: str | None
    attempts: int
    last_result: str | None


@dataclass(frozen=True)
class AttemptOutcome:
    """The record after an attempt, and the row-24 confirmation."""

    record_id: int
    status: str  # pendiente | contactado | agotado
    next_call_at: datetime | None
    message: str


def active_campaigns(engine: Engine) -> tuple[CampaignSummary, ...]:
    """The campaigns agents may work now, newest first."""
    with read_session(engine) as session:
        rows = queries.summaries(session, active_only=True)
    return tuple(CampaignSummary(c.code, c.name, total, left) for c, total, left, _ in rows)


def next_record(
    engine: Engine,
    *,
    agent_id: int,
    campaign_code: str | None,
    now: datetime,
    rules: RecallRules | None = None,
) -> CampaignCall | None:
    """The record this agent is to call: the one they hold already (a session that
    restarted), else the next callable one, claimed; None when nothing is due."""
    rules = rules or recall_rules()
    with write_session(engine) as session:
        campaign_id = _campaign_id(session, campaign_code)
        record = queries.own_claim(session, agent_id)
        if record is None:
            record = queries.claim_next(
                session,
                agent_id=agent_id,
                campaign_id=campaign_id,
                now=now,
                stale_before=now - rules.claim_timeout,
                alive_since=now - presence_config().stale_after,
                max_attempts=rules.max_attempts_per_account,
            )
        if record is None:
            return None
        campaign = session.get(Campaign, record.campaign_id)
        assert campaign is not None and record.id is not None  # a foreign key
        return CampaignCall(
            record_id=record.id,
            campaign_code=campaign.code,
            campaign_name=campaign.name,
            cuenta=record.cuenta,
            phone=record.phone,
            phone2=record.phone2,
            attempts=record.attempts,
            last_result=record.last_result,
        )


def record_attempt(
    engine: Engine,
    *,
    agent_id: int,
    record_id: int,
    phone: str,
    result: str,
    recall_at: datetime | None,
    note: str,
    call_id: int | None,
    now: datetime,
    rules: RecallRules | None = None,
) -> AttemptOutcome:
    """The attempt's row and the record's new state, together; a refusal writes nothing."""
    with write_session(engine) as session:
        return record_attempt_in(
            session,
            agent_id=agent_id,
            record_id=record_id,
            phone=phone,
            result=result,
            recall_at=recall_at,
            note=note,
            call_id=call_id,
            now=now,
            rules=rules,
        )


def record_attempt_in(
    session: Session,
    *,
    agent_id: int,
    record_id: int,
    phone: str,
    result: str,
    recall_at: datetime | None,
    note: str,
    call_id: int | None,
    now: datetime,
    rules: RecallRules | None = None,
) -> AttemptOutcome:
    """``record_attempt`` inside the caller's transaction: the desk writes the attempt, the
    call's event and its hang-up as one intent (whole or nothing)."""
    rules = rules or recall_rules()
    if len(note) > NOTE_MAX:
        raise refusal("supervisor.campaign.note_long", length=len(note), maximum=NOTE_MAX)
    record = _held(session, agent_id, record_id)
    assert record.id is not None
    state = RecordState(
        attempts=record.attempts,
        phone=record.phone,
        phone2=record.phone2,
        number_attempts=queries.number_attempts(session, record.id, phone),
    )
    decision = decide(rules, state, result=result, dialled=phone, recall_at=recall_at, now=now)
    rule = rules.rule(result)
    session.add(
        CampaignAttempt(
            campaign_id=record.campaign_id,
            record_id=record.id,
            agent_id=agent_id,
            call_id=call_id,
            phone=phone,
            result=result,
            recall_at=in_bogota(recall_at) if recall_at is not None else None,
            note=note,
            at=now,
        )
    )
    record.attempts += 1
    record.last_result = result
    record.status = decision.status
    record.next_call_at = decision.next_call_at
    record.phone, record.phone2 = decision.phone, decision.phone2
    record.claimed_by = None
    record.claimed_at = None
    if decision.status == CONTACTADO:
        record.contacted_at = now
        record.contacted_by = agent_id
    session.add(record)
    session.flush()
    return AttemptOutcome(
        record_id=record.id,
        status=decision.status,
        next_call_at=decision.next_call_at,
        message=_confirmation(decision, rule.label, record.cuenta),
    )


def release(engine: Engine, *, agent_id: int, record_id: int) -> None:
    """Give a claimed record back untouched (the agent did not dial it)."""
    with write_session(engine) as session:
        record = _held(session, agent_id, record_id)
        record.status = PENDIENTE
        record.claimed_by = None
        record.claimed_at = None
        session.add(record)


def _campaign_id(session: Session, code: str | None) -> int | None:
    if code is None:
        return None
    campaign = queries.by_code(session, code)
    if campaign is None:
        raise refusal("supervisor.campaign.campaign_unknown", campaign=code)
    return campaign.id


def _held(session: Session, agent_id: int, record_id: int) -> CampaignRecord:
    """The record, locked, when this agent holds it; a refusal otherwise."""
    record = queries.record_for_update(session, record_id)
    if record is None or record.status != EN_CURSO or record.claimed_by != agent_id:
        raise refusal("supervisor.campaign.not_claimed", record=record_id)
    return record


def _confirmation(decision: Decision, label: str, cuenta: int) -> str:
    if decision.status == CONTACTADO:
        return text("supervisor.campaign.done_contacted", cuenta=cuenta)
    if decision.status == AGOTADO or decision.next_call_at is None:
        return text("supervisor.campaign.done_exhausted", label=label, cuenta=cuenta)
    at = f"{in_bogota(decision.next_call_at):%d/%m %H:%M}"
    return text("supervisor.campaign.done_recall", label=label, cuenta=cuenta, at=at)
