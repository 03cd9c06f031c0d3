"""What the store holds of one call, as plain frozen data for the scorecard.

The scorecard is a pure function of these facts (so a benchmark or a test can
build them by hand, and a mutation test can drop one event): the call row's
times, status and survey, its typed events oldest first, its typifications
(with the request they belong to and whether their code needs a CUN), the
intents a rule refused, and the PQRs it filed (their notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.call.change import call_not_found
from swat_tui.store.engine import read_session
from swat_tui.store.queries import calls as call_queries
from swat_tui.store.queries import pqr_filing
from swat_tui.store.queries import refusals as refusal_queries
from swat_tui.store.queries import ucc as ucc_queries


@dataclass(frozen=True)
class EventFact:
    """One ``call_event`` row (it satisfies ``replay.StoredEvent``)."""

    kind: str
    check: str
    result: str
    at: datetime  # aware, Bogotá
    request: int = 0
    detail: str = ""
    step: int = 1


@dataclass(frozen=True)
class TypificationFact:
    """One F22 row of the call, by the number of the request it typified (1, 2...)."""

    request: int
    code: str
    first_contact: bool
    cun: str | None = None
    notes: str = ""
    requires_cun: bool = False  # the UCC catalogue asks a CUN for the code


@dataclass(frozen=True)
class RefusalFact:
    """An intent a rule refused in the call (``refused_intent``)."""

    at: datetime  # aware, Bogotá
    intent: str
    rule: str
    message: str


@dataclass(frozen=True)
class PqrFact:
    """A PQR the call filed."""

    radicado: str
    cun: str | None
    notes: str


@dataclass(frozen=True)
class CallFacts:
    """One call as the scorecard reads it."""

    call_id: int
    status: str
    started_at: datetime
    events: tuple[EventFact, ...]
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    ended_by: str | None = None
    cuenta: int | None = None
    acw_seconds: int = 0
    hold_seconds: int = 0
    survey_answer: str | None = None
    survey_score: int | None = None
    typifications: tuple[TypificationFact, ...] = ()
    refusals: tuple[RefusalFact, ...] = ()
    pqrs: tuple[PqrFact, ...] = field(default_factory=tuple)


def _aware(moment: datetime) -> datetime:
    """The store gives back the Bogotá wall time the clock wrote, without its zone."""
    return moment.replace(tzinfo=BOGOTA) if moment.tzinfo is None else moment.astimezone(BOGOTA)


def _maybe(moment: datetime | None) -> datetime | None:
    return None if moment is None else _aware(moment)


def call_facts(db: Engine | Session, call_id: int) -> CallFacts:
    """The facts of call ``call_id`` (``DomainError`` when there is no such call)."""
    if isinstance(db, Session):
        return _read(db, call_id)
    with read_session(db) as session:
        return _read(session, call_id)


def _read(session: Session, call_id: int) -> CallFacts:
    call = call_queries.get_call(session, call_id=call_id)
    if call is None:
        raise call_not_found(call_id)
    events = tuple(
        EventFact(
            kind=row.kind,
            check=row.check,
            result=row.result,
            at=_aware(row.at),
            request=row.request,
            detail=row.detail,
            step=row.step,
        )
        for row in call_queries.events_of(session, call_ids=[call_id])
    )
    numbers = {
        row.id: index
        for index, row in enumerate(call_queries.requests_of(session, call_ids=[call_id]), 1)
    }
    rows = [row for row, _ in call_queries.typifications_of(session, call_ids=[call_id])]
    needs_cun = ucc_queries.requiring_cun(session, codes=sorted({row.code for row in rows}))
    typifications = tuple(
        TypificationFact(
            request=numbers.get(row.request_id, 0) if row.request_id is not None else 0,
            code=row.code,
            first_contact=row.first_contact,
            cun=row.cun,
            notes=row.notes,
            requires_cun=row.code in needs_cun,
        )
        for row in rows
    )
    refusals = tuple(
        RefusalFact(_aware(row.at), row.intent, row.rule, row.message)
        for row in refusal_queries.refusals_of_call(session, call_id=call_id)
    )
    pqrs = tuple(
        PqrFact(row.radicado, row.cun, row.notes)
        for row in pqr_filing.pqrs_of_call(session, call_id=call_id)
    )
    return CallFacts(
        call_id=call_id,
        status=call.status,
        started_at=_aware(call.started_at),
        events=events,
        answered_at=_maybe(call.answered_at),
        ended_at=_maybe(call.ended_at),
        ended_by=call.ended_by,
        cuenta=call.cuenta,
        acw_seconds=call.acw_seconds,
        hold_seconds=call.hold_seconds,
        survey_answer=call.survey_answer,
        survey_score=call.survey_score,
        typifications=typifications,
        refusals=refusals,
        pqrs=pqrs,
    )
