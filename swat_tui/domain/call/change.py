"""One write to a call: the row, its procedure state and the events, in one transaction.

``CallService`` loads the call into a ``CallChange``, lets one action change
it, then writes the row (with ``state_json`` and ``current_step``) and the
events together; an action that raises leaves the store untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.call.records import (
    IN_PROGRESS,
    RESULT_MAX,
    RINGING,
    seconds_between,
    to_record,
)
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.errors import DomainError, refusal
from swat_tui.domain.presence import PresenceMove, follow_call, write_move
from swat_tui.domain.procedure import engine
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import CallState
from swat_tui.store.engine import write_session
from swat_tui.store.models import Call
from swat_tui.store.queries import calls as call_queries


def call_not_found(call_id: int) -> DomainError:
    return refusal("call.not_found", call_id=call_id)


def load_call(session: Session, call_id: int) -> Call:
    call = call_queries.get_call(session, call_id=call_id)
    if call is None:
        raise call_not_found(call_id)
    return call


@dataclass
class CallChange:
    """The call being changed, its new state and the events to write."""

    session: Session
    call: Call
    state: CallState
    now: datetime
    procedure: ProcedureDef
    events: list[tuple[str, str]] = field(default_factory=list)
    # Presence: the softphone transition this write carries (answer, hold...), if any.
    presence: PresenceMove | None = None

    def event(self, name: str, result: str) -> None:
        self.events.append((name[:40], result[:RESULT_MAX]))

    def record(self, check_id: str, result: str) -> None:
        """``engine.record`` a check and log it as an event."""
        self.state = engine.record(self.procedure, self.state, check_id, result, self.now)
        self.event(check_id, result)

    def applies(self, check_id: str) -> bool:
        """Whether the procedure asks ``check_id`` of the call now (flags, branch, panel)."""
        check = self.procedure.check(check_id)
        if check is None:
            return False
        step = self.procedure.step(check.step)
        return engine.applies(check, step, self.state, self.procedure.routes)

    def set_request_field(self, template: str, value: str) -> None:
        """Set a per-request field of the state (``state.CUN_FIELD``...) for the
        current request, and log it as an event."""
        name = template.format(number=self.state.request_number)
        self.state = self.state.with_field(name, value)
        self.event(name, value)

    def require_in_progress(self) -> None:
        if self.call.status == IN_PROGRESS:
            return
        if self.call.status == RINGING:
            raise refusal("call.answer_first")
        raise refusal("call_closed")

    def require_workable(self) -> None:
        """In progress, or in the after-call work of a call that ended or dropped."""
        if self.call.acw_started_at is None:
            self.require_in_progress()

    def last_seen(self) -> datetime:
        """The last moment the store saw the call worked on: its latest event, else when
        it was answered or offered. After a killed session the time the app was down
        is not counted as talk, hold or ACW: nobody knows when work stopped."""
        latest = call_queries.last_event_at(self.session, call_id=self.call.id or 0)
        known = [self.call.started_at, self.call.answered_at, latest]
        return max(moment for moment in known if moment is not None)

    def stop_hold(self, at: datetime | None = None) -> int:
        """Add a running hold, up to ``at`` (now), to ``hold_seconds``; its seconds."""
        started = self.call.hold_started_at
        if started is None:
            return 0
        seconds = seconds_between(started, at or self.now)
        self.call.hold_seconds += seconds
        self.call.hold_started_at = None
        return seconds

    def close_line(self, status: str) -> None:
        """The line is down: end time, final status, and ACW if the call was answered."""
        self.stop_hold()
        self.call.status = status
        self.call.ended_at = self.now
        if self.call.answered_at is not None:
            self.call.acw_started_at = self.now


def write_change(
    db: Engine,
    procedure: ProcedureDef,
    call_id: int,
    now: datetime,
    apply: Callable[[CallChange], None],
    *,
    presence: PresenceMove | None = None,
) -> CallRecord:
    """Run ``apply`` on the call in one ``BEGIN IMMEDIATE`` transaction and commit;
    ``presence``: the agent's presence moves in the same transaction."""
    with write_session(db) as session:
        return change_in(session, procedure, call_id, now, apply, presence=presence)


def change_in(
    session: Session,
    procedure: ProcedureDef,
    call_id: int,
    now: datetime,
    apply: Callable[[CallChange], None],
    *,
    presence: PresenceMove | None = None,
) -> CallRecord:
    """``write_change`` inside a transaction the caller owns (an intent that also
    writes something else, e.g. reading F7 logs the view and marks the check)."""
    call = load_call(session, call_id)
    change = CallChange(session, call, CallState.from_json(call.state_json), now, procedure)
    change.presence = presence
    apply(change)
    save(change)
    return to_record(call, change.state)


def save(change: CallChange) -> None:
    """Write the state into the row and add the events (the caller commits)."""
    call = change.call
    assert call.id is not None
    call.state_json = change.state.to_json()
    call.current_step = change.state.step
    change.session.add(call)
    for name, result in change.events:
        call_queries.add_event(
            change.session,
            call_id=call.id,
            step=change.state.step,
            check=name,
            result=result,
            at=change.now,
        )
    # Presence follows the call in its transaction: they can never disagree.
    if change.presence is not None:
        write_move(change.session, change.presence, call_id=call.id, step=change.state.step)
    else:
        follow_call(change.session, call_id=call.id, step=change.state.step)
