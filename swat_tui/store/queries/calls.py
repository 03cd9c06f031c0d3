"""Calls, their events, requests and typifications: the rows behind a call record.

Writers add to the caller's transaction (and flush when the caller needs the
new id); readers take lists of call ids so a page of calls costs one query per
table, not one per call.
"""

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlmodel import Session, col, func, select

from swat_tui.store.models import Agent, Call, CallEvent, CallRequest, Typification, UccCode
from swat_tui.store.queries import numbering


def get_call(session: Session, *, call_id: int) -> Call | None:
    """The call with this id."""
    return session.get(Call, call_id)


def add_call(
    session: Session,
    *,
    agent_id: int,
    ani: str,
    queue: str,
    status: str,
    at: datetime,
    state_json: str,
) -> Call:
    """Add a new call and flush it so it has an id; ``at`` must be aware."""
    call = Call(
        agent_id=agent_id,
        ani=ani,
        queue=queue,
        status=status,
        started_at=at,
        state_json=state_json,
    )
    session.add(call)
    session.flush()
    return call


def add_event(
    session: Session,
    *,
    call_id: int,
    step: int,
    check: str,
    result: str,
    at: datetime,
    kind: str = "check",
    request: int = 0,
    detail: str = "",
) -> CallEvent:
    """Add one event of the call (a check, a step change, a softphone action...)."""
    event = CallEvent(
        call_id=call_id,
        step=step,
        kind=kind,
        request=request,
        check=check,
        result=result,
        detail=detail,
        at=at,
    )
    session.add(event)
    return event


def open_calls_of(session: Session, *, agent_id: int, statuses: Sequence[str]) -> Sequence[Call]:
    """The agent's calls in one of ``statuses``, newest first."""
    statement = (
        select(Call)
        .where(Call.agent_id == agent_id, col(Call.status).in_(statuses))
        .order_by(col(Call.started_at).desc(), col(Call.id).desc())
    )
    return session.exec(statement).all()


def ids_in_acw(session: Session, *, agent_id: int) -> Sequence[int]:
    """The agent's calls whose after-call work is still running, oldest first."""
    statement = (
        select(Call.id)
        .where(Call.agent_id == agent_id, col(Call.acw_started_at).is_not(None))
        .order_by(col(Call.id))
    )
    return [call_id for call_id in session.exec(statement).all() if call_id is not None]


def add_request(
    session: Session, *, call_id: int, branch: str, description: str, at: datetime
) -> CallRequest:
    """Add a customer request and flush it so it has an id."""
    request = CallRequest(call_id=call_id, branch=branch, description=description, created_at=at)
    session.add(request)
    session.flush()
    return request


def requests_of(session: Session, *, call_ids: Sequence[int]) -> Sequence[CallRequest]:
    """The requests of these calls, in the order they were made."""
    statement = (
        select(CallRequest)
        .where(col(CallRequest.call_id).in_(call_ids))
        .order_by(col(CallRequest.call_id), col(CallRequest.id))
    )
    return session.exec(statement).all()


def events_of(session: Session, *, call_ids: Sequence[int]) -> Sequence[CallEvent]:
    """The events of these calls, in the order they happened."""
    statement = (
        select(CallEvent)
        .where(col(CallEvent.call_id).in_(call_ids))
        .order_by(col(CallEvent.call_id), col(CallEvent.id))
    )
    return session.exec(statement).all()


def last_event_at(session: Session, *, call_id: int) -> datetime | None:
    """When the call's latest event was written (None before any)."""
    statement = select(func.max(col(CallEvent.at))).where(col(CallEvent.call_id) == call_id)
    return session.exec(statement).one()


def add_typification(session: Session, *, typification: Typification) -> Typification:
    """Add a typification row to the caller's transaction."""
    session.add(typification)
    return typification


def typifications_of(
    session: Session, *, call_ids: Sequence[int]
) -> Sequence[tuple[Typification, str | None]]:
    """The typifications of these calls with their catalogue description, oldest first."""
    statement = (
        select(Typification, UccCode.description)
        .join(UccCode, col(UccCode.code) == col(Typification.code), isouter=True)
        .where(col(Typification.call_id).in_(call_ids))
        .order_by(col(Typification.call_id), col(Typification.id))
    )
    return session.exec(statement).all()


def typifications_without_call(
    session: Session, *, cuenta: int, limit: int
) -> Sequence[tuple[Typification, str | None]]:
    """An account's typifications registered outside any call, newest first."""
    statement = (
        select(Typification, UccCode.description)
        .join(UccCode, col(UccCode.code) == col(Typification.code), isouter=True)
        .where(Typification.cuenta == cuenta, col(Typification.call_id).is_(None))
        .order_by(col(Typification.created_at).desc(), col(Typification.id).desc())
        .limit(limit)
    )
    return session.exec(statement).all()


def calls_of_account(
    session: Session, *, cuenta: int, limit: int, exclude_call_id: int | None = None
) -> Sequence[Call]:
    """The account's calls that were answered or dropped, newest first."""
    statement = (
        select(Call)
        .where(Call.cuenta == cuenta, Call.status != "ringing")
        .order_by(col(Call.started_at).desc(), col(Call.id).desc())
        .limit(limit)
    )
    if exclude_call_id is not None:
        statement = statement.where(Call.id != exclude_call_id)
    return session.exec(statement).all()


def calls_started_since(
    session: Session, *, since: datetime, batch: int = 500
) -> Iterator[Sequence[Call]]:
    """Calls started at or after ``since``, oldest first, in batches of ``batch``."""
    statement = (
        select(Call)
        .where(Call.started_at >= since)
        .order_by(col(Call.started_at), col(Call.id))
        .execution_options(yield_per=batch)
    )
    yield from session.exec(statement).partitions(batch)


def agent_usernames(session: Session, *, agent_ids: Sequence[int]) -> dict[int, str]:
    """Username of each agent id."""
    statement = select(Agent.id, Agent.username).where(col(Agent.id).in_(agent_ids))
    return {agent_id: username for agent_id, username in session.exec(statement) if agent_id}


def cun_typified(session: Session, *, cun: str) -> bool:
    """Whether a typification already carries ``cun`` (a CUN is unique among them)."""
    statement = select(Typification.id).where(Typification.cun == cun).limit(1)
    return session.exec(statement).first() is not None


def given_cun(session: Session, *, prefix: str, sequence: int) -> None:
    """A CUN typed by the agent: its year's counter is raised to it, so a CUN generated
    later does not repeat it."""
    numbering.raise_to(session, numbering.cun_kind(prefix), sequence)


def next_cun_sequence(session: Session, *, prefix: str) -> int:
    """The sequence of the next CUN of ``prefix`` ("4410-26-": provider and year), one
    counter for typifications and PQRs, taken in the caller's write transaction (the
    domain formats it and refuses past ten digits)."""
    return numbering.take_value(session, numbering.cun_kind(prefix))
