"""The rows of an outbound campaign call: dialled, its attempt on record, hung up.

An outbound call is a ``Call`` like any other (queue ``SALIENTE <campaign>``,
``ani`` the number dialled, ``cuenta`` the record's account), so presence,
KPIs, the call's record and its replay see it without knowing campaigns.
Its events are the typed ones every call has: ``offer`` (marcando, with the
campaign and record in the detail), ``answer`` (the line is up), ``account``
(the record's account opened, with its step-2 flags: a BLACKLIST account
stays masked until F7 and identity, as in an inbound call) and an ``action``
``campana.intento`` for each result recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.account.service import step2_flags_in
from swat_tui.domain.call.change import CallChange, save
from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.records import AGENT, HUNG_UP, IN_PROGRESS, OPEN_STATUSES, to_record
from swat_tui.domain.call.service import QUEUE_MAX, open_account_change
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.errors import refusal
from swat_tui.domain.presence import PresenceMove
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import CallState
from swat_tui.store.enums import OUTBOUND_QUEUE_PREFIX
from swat_tui.store.queries import calls as call_queries

QUEUE_PREFIX = OUTBOUND_QUEUE_PREFIX
ATTEMPT_EVENT = "campana.intento"
DIAL_EVENT = "marcando"


def outbound_queue(campaign_code: str) -> str:
    """The call's queue: ``SALIENTE <campaign>`` (cut to the column's width)."""
    return f"{QUEUE_PREFIX} {campaign_code}"[:QUEUE_MAX]


def is_outbound(queue: str) -> bool:
    return queue.startswith(f"{QUEUE_PREFIX} ")


def start_call(
    session: Session,
    *,
    procedure: ProcedureDef,
    agent_id: int,
    now: datetime,
    number: str,
    campaign_code: str,
    record_id: int,
    cuenta: int,
    presence: PresenceMove,
) -> CallRecord:
    """The dialled call's row, in progress from ``now``, its account open (the
    caller's transaction commits it, with the presence EN LLAMADA)."""
    if call_queries.open_calls_of(session, agent_id=agent_id, statuses=OPEN_STATUSES):
        raise refusal("call.already_open")
    queue = outbound_queue(campaign_code)
    call = call_queries.add_call(
        session,
        agent_id=agent_id,
        ani=number,
        queue=queue,
        status=IN_PROGRESS,
        at=now,
        state_json=CallState().to_json(),
    )
    call.answered_at = now
    change = CallChange(session, call, CallState(), now, procedure, presence=presence)
    detail: dict[str, object] = {"campaign": campaign_code, "record": record_id}
    change.event(DIAL_EVENT, queue, kind=EventKind.OFFER, detail=detail)
    change.record(check_ids.ANSWERED, "ok", kind=EventKind.ANSWER)
    open_account_change(cuenta, step2_flags_in(session, cuenta))(change)
    save(change)
    return to_record(call, change.state)


def attempt_change(
    *,
    result: str,
    label: str,
    number: str,
    campaign_code: str,
    record_id: int,
    recall_at: datetime | None,
    note: str,
    hang_up: bool,
) -> Callable[[CallChange], None]:
    """The attempt's result on the call's record; ``hang_up``: the line goes down
    with it (the call then ends as hung up and its ACW starts)."""

    def apply(change: CallChange) -> None:
        # Even on a call whose ACW is over (hung up from the softphone first): the
        # attempt is on record with the call it was made on.
        detail: dict[str, object] = {
            "code": result,
            "phone": number,
            "campaign": campaign_code,
            "record": record_id,
        }
        if recall_at is not None:
            detail["recall_at"] = recall_at.isoformat()
        if note:
            detail["note"] = note
        change.event(ATTEMPT_EVENT, label, kind=EventKind.ACTION, detail=detail)
        if hang_up and change.call.status == IN_PROGRESS:
            change.close_line(HUNG_UP)
            change.call.ended_by = AGENT
            change.hung_up(HUNG_UP, AGENT, ended=False)

    return apply
