"""Refused intents on record: what a rule said no to, written outside the refused transaction.

A refusal changes nothing of the call (its transaction rolled back), yet a
trainer's scorecard and a supervisor's process confirmation need to know the
agent tried, and what row 24 said. Like the access log, the audit row is
written in a transaction of its own, after the refused one is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import DomainError
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.queries import refusals as refusal_queries

INTENT_MAX, RULE_MAX, MESSAGE_MAX, USERNAME_MAX = 40, 40, 200, 10  # RefusedIntent columns


@dataclass(frozen=True)
class Refusal:
    """One refused intent as a reader of the call sees it."""

    at: datetime  # Bogotá
    username: str
    intent: str  # "visit.book", "call.typify"...
    rule: str  # the message catalogue's id, or ""
    message: str  # the row-24 text the agent saw


def record_refusal(
    engine: Engine,
    *,
    at: datetime,
    username: str,
    call_id: int | None,
    intent: str,
    error: DomainError,
) -> None:
    """Write the refusal of ``intent`` in its own transaction (call it after the refused
    one rolled back). ``call_id`` is the call in progress, or None outside a call."""
    with write_session(engine) as session:
        refusal_queries.add_refusal(
            session,
            at=at,
            username=username[:USERNAME_MAX],
            call_id=call_id,
            intent=intent[:INTENT_MAX],
            rule=error.rule[:RULE_MAX],
            message=error.message[:MESSAGE_MAX],
        )


def refusals_of(engine: Engine, call_id: int) -> tuple[Refusal, ...]:
    """The intents refused in the call, oldest first."""
    with read_session(engine) as session:
        rows = refusal_queries.refusals_of_call(session, call_id=call_id)
        return tuple(
            Refusal(
                at=_bogota(row.at),
                username=row.username,
                intent=row.intent,
                rule=row.rule,
                message=row.message,
            )
            for row in rows
        )


def _bogota(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # the store gives back the Bogotá wall time it was given
        return moment.replace(tzinfo=BOGOTA)
    return moment.astimezone(BOGOTA)
