"""The management model's rows: practice records with their participants, and ideas."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from swat_tui.store.models import Agent, ImprovementIdea, PracticeParticipant, PracticeRecord


def agents_named(session: Session, usernames: Collection[str]) -> dict[str, Agent]:
    """The profiles among ``usernames`` that exist, by user name."""
    if not usernames:
        return {}
    rows = session.exec(select(Agent).where(col(Agent.username).in_(list(usernames)))).all()
    return {agent.username: agent for agent in rows}


def agents_with_roles(session: Session, roles: Collection[str]) -> Sequence[Agent]:
    """The profiles of ``roles`` (the leaders), by user name."""
    query = select(Agent).where(col(Agent.role).in_(list(roles)))
    return session.exec(query.order_by(col(Agent.username))).all()


def add_record(session: Session, record: PracticeRecord, participant_ids: Sequence[int]) -> int:
    """Write one practice record and its participants; the record's id."""
    session.add(record)
    session.flush()
    assert record.id is not None
    for agent_id in participant_ids:
        session.add(PracticeParticipant(practice_record_id=record.id, agent_id=agent_id))
    return record.id


def records_between(
    session: Session, start: datetime, end: datetime, leader_ids: Collection[int] | None = None
) -> Sequence[PracticeRecord]:
    """Practice records held in ``start`` <= held_on < ``end`` (of ``leader_ids``), by time."""
    query = select(PracticeRecord).where(
        col(PracticeRecord.held_on) >= start, col(PracticeRecord.held_on) < end
    )
    if leader_ids is not None:
        query = query.where(col(PracticeRecord.leader_id).in_(list(leader_ids)))
    return session.exec(query.order_by(col(PracticeRecord.held_on), col(PracticeRecord.id))).all()


def participant_counts(session: Session, record_ids: Collection[int]) -> dict[int, int]:
    """How many took part in each of ``record_ids``."""
    if not record_ids:
        return {}
    rows = session.exec(
        select(PracticeParticipant.practice_record_id).where(
            col(PracticeParticipant.practice_record_id).in_(list(record_ids))
        )
    ).all()
    counts: dict[int, int] = {}
    for record_id in rows:
        counts[record_id] = counts.get(record_id, 0) + 1
    return counts


def all_ideas(session: Session) -> Sequence[ImprovementIdea]:
    """Every improvement idea, the newest first."""
    query = select(ImprovementIdea).order_by(
        col(ImprovementIdea.raised_at).desc(), col(ImprovementIdea.id).desc()
    )
    return session.exec(query).all()


def get_idea(session: Session, idea_id: int) -> ImprovementIdea | None:
    return session.get(ImprovementIdea, idea_id)


def usernames_by_id(session: Session, ids: Collection[int]) -> dict[int, str]:
    """User names of the profiles ``ids``."""
    if not ids:
        return {}
    rows = session.exec(select(Agent.id, Agent.username).where(col(Agent.id).in_(list(ids))))
    return {agent_id: username for agent_id, username in rows if agent_id is not None}
