"""Outbound campaigns: load a base, find a campaign, claim the next record, count
what is left."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, case, exists, func, or_
from sqlmodel import Session, col, select

from swat_tui.store.demo.row_plans import CopyPlan, SqlitePlan
from swat_tui.store.models import Account, AgentPresence, Campaign, CampaignAttempt, CampaignRecord

ACTIVE = "activa"
PENDIENTE = "pendiente"
EN_CURSO = "en_curso"
CONTACTADO = "contactado"


def by_code(session: Session, code: str) -> Campaign | None:
    """The campaign called ``code``, or None."""
    return session.exec(select(Campaign).where(Campaign.code == code)).first()


def own_claim(session: Session, agent_id: int) -> CampaignRecord | None:
    """The record this agent claimed and has not recorded yet (its oldest), locked."""
    statement = (
        select(CampaignRecord)
        .where(CampaignRecord.status == EN_CURSO, CampaignRecord.claimed_by == agent_id)
        .order_by(col(CampaignRecord.claimed_at), col(CampaignRecord.id))
        .limit(1)
        .with_for_update()
    )
    return session.exec(statement).first()


def claim_next(
    session: Session,
    *,
    agent_id: int,
    campaign_id: int | None,
    now: datetime,
    stale_before: datetime,
    alive_since: datetime,
    max_attempts: int,
) -> CampaignRecord | None:
    """The next callable record of an active campaign, now this agent's; None when none.

    Callable: pendiente and due (``next_call_at`` empty or past) with attempts left, or
    en_curso under a claim older than ``stale_before`` whose agent has no session with a
    heartbeat since ``alive_since`` (the session died; a live one on a long call keeps
    its account, whatever the claim's age). Recalls
    that fell due come first, then the base in file order. ``FOR UPDATE SKIP LOCKED``:
    on PostgreSQL a record another agent is claiming at this moment is passed over,
    never taken twice; SQLite emits no lock clause and its write lock (the session began
    IMMEDIATE) serialises the claims."""
    active = select(Campaign.id).where(Campaign.status == ACTIVE)
    if campaign_id is not None:
        active = active.where(Campaign.id == campaign_id)
    due = or_(col(CampaignRecord.next_call_at).is_(None), col(CampaignRecord.next_call_at) <= now)
    statement = (
        select(CampaignRecord)
        .where(
            col(CampaignRecord.campaign_id).in_(active),
            CampaignRecord.attempts < max_attempts,
            or_(
                and_(col(CampaignRecord.status) == PENDIENTE, due),
                and_(
                    col(CampaignRecord.status) == EN_CURSO,
                    col(CampaignRecord.claimed_at) < stale_before,
                    ~exists().where(
                        col(AgentPresence.agent_id) == col(CampaignRecord.claimed_by),
                        col(AgentPresence.heartbeat_at) >= alive_since,
                    ),
                ),
            ),
        )
        .order_by(
            col(CampaignRecord.next_call_at).is_(None),
            col(CampaignRecord.next_call_at),
            col(CampaignRecord.id),
        )
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    record = session.exec(statement).first()
    if record is None:
        return None
    record.status = EN_CURSO
    record.claimed_by = agent_id
    record.claimed_at = now
    session.add(record)
    session.flush()
    return record


def record_for_update(session: Session, record_id: int) -> CampaignRecord | None:
    """The record ``record_id``, locked for this transaction."""
    statement = select(CampaignRecord).where(CampaignRecord.id == record_id).with_for_update()
    return session.exec(statement).first()


def number_attempts(session: Session, record_id: int, phone: str) -> int:
    """How many attempts dialled ``phone`` on this record."""
    statement = select(func.count()).where(
        CampaignAttempt.record_id == record_id, CampaignAttempt.phone == phone
    )
    return int(session.exec(statement).one())


def summaries(session: Session, *, active_only: bool) -> list[tuple[Campaign, int, int, int]]:
    """Each campaign (newest first) with its records, those still to work (pendiente or
    en_curso) and those with an effective contact (contactado)."""
    open_records = func.sum(
        case((col(CampaignRecord.status).in_((PENDIENTE, EN_CURSO)), 1), else_=0)
    )
    contacted = func.sum(case((col(CampaignRecord.status) == CONTACTADO, 1), else_=0))
    statement = (
        select(Campaign, func.count(col(CampaignRecord.id)), open_records, contacted)
        .join(CampaignRecord, col(CampaignRecord.campaign_id) == col(Campaign.id), isouter=True)
        .group_by(col(Campaign.id))
        .order_by(col(Campaign.imported_at).desc(), col(Campaign.id).desc())
    )
    if active_only:
        statement = statement.where(Campaign.status == ACTIVE)
    return [
        (campaign, int(total), int(left or 0), int(done or 0))
        for campaign, total, left, done in session.exec(statement)
    ]


def existing_accounts(session: Session, cuentas: Sequence[int]) -> set[int]:
    """Which of ``cuentas`` are accounts in RR (one query; keep the batch a few thousand)."""
    if not cuentas:
        return set()
    statement = select(Account.cuenta).where(col(Account.cuenta).in_(cuentas))
    return set(session.exec(statement).all())


def add_campaign(session: Session, campaign: Campaign) -> int:
    """Insert ``campaign`` (its code unique: a second one raises IntegrityError); its id."""
    session.add(campaign)
    session.flush()
    assert campaign.id is not None
    return campaign.id


def insert_records(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert many campaign records at once, in the session's transaction: COPY on
    PostgreSQL (psycopg 3), the driver's ``executemany`` on SQLite. Each row names
    every column but ``id``, ``version`` and the claim's (the database fills them)."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    table = cast(Table, CampaignRecord.__table__)  # type: ignore[attr-defined]
    plan: SqlitePlan | CopyPlan | None = None
    if dialect.name == "sqlite":
        plan = SqlitePlan(table, list(rows[0]), dialect)
    elif dialect.name == "postgresql" and dialect.driver == "psycopg":
        plan = CopyPlan(table, list(rows[0]), dialect)
    if plan is None:
        connection.execute(table.insert(), rows)
    else:
        plan.write(connection, rows)
