"""One write to a call: the row, its procedure state and the events, in one transaction.

``CallService`` loads the call into a ``CallChange``, lets one action change
it, then writes the row (with ``state_json`` and ``current_step``) and the
events together; an action that raises leaves the store untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.call.events import CallEventData, EventKind, detail_text
from swat_tui.domain.call.fields import Writer, declared, field_of
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
from swat_tui.domain.procedure.check_ids import ACCOUNT_OPENED, REQUEST
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import CALLER_SAYS_FIELD, SUBFLOW_FIELD, CallState
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


class CallChange:
    """The call being changed, its new state and the events to write.

    The state changes only through the typed methods below, each of which adds
    the event that says what changed (``replay`` does it again from the events).
    """

    def __init__(
        self,
        session: Session,
        call: Call,
        state: CallState,
        now: datetime,
        procedure: ProcedureDef,
        *,
        presence: PresenceMove | None = None,
    ) -> None:
        self.session = session
        self.call = call
        self._state = state
        self.now = now
        self.procedure = procedure
        self.events: list[CallEventData] = []
        # Presence: the softphone transition this write carries (answer, hold...), if any.
        self.presence = presence

    @property
    def state(self) -> CallState:
        return self._state

    # -- events that change nothing of the state ------------------------------------------

    def event(
        self,
        name: str,
        result: str,
        *,
        kind: EventKind = EventKind.NOTE,
        request: int | None = None,
        detail: dict[str, object] | None = None,
    ) -> None:
        """Add an event; ``request`` defaults to the request being worked on, ``detail``
        is what replaying it needs besides. A result too long for its column goes whole
        into the detail."""
        detail = dict(detail or {})
        if len(result) > RESULT_MAX:
            detail["result"] = result
        number = self._state.request_number if request is None else request
        self.events.append(
            CallEventData(kind, name[:40], result[:RESULT_MAX], number, detail_text(detail))
        )

    def action(self, name: str, number: str, **detail: object) -> None:
        """An area's action and the number it produced ("visit.book", "LLS0001234")."""
        self.event(name, number, kind=EventKind.ACTION, detail=detail)

    def panel(self, panel: str, access: str) -> None:
        """A panel opened, and the disclosure level it was shown at."""
        self.event(panel, access, kind=EventKind.PANEL)

    # -- events that change the state --------------------------------------------------

    def offered(self, queue: str, says: str, *, scenario: str = "") -> None:
        """The call rang from ``queue``; ``says`` is what a practice caller will ask,
        ``scenario`` the training scenario it plays (both in the event's detail)."""
        detail: dict[str, object] = {}
        if says:
            self._state = self._state.with_field(CALLER_SAYS_FIELD, says)
            detail["says"] = says
        if scenario:
            detail["scenario"] = scenario
        self.event("timbrando", queue, kind=EventKind.OFFER, detail=detail)

    def record(self, check_id: str, result: str, *, kind: EventKind = EventKind.CHECK) -> None:
        """``engine.record`` a check and log it as an event."""
        self._state = engine.record(self.procedure, self._state, check_id, result, self.now)
        self._mark_event(kind, check_id, result)

    def _mark_event(self, kind: EventKind, name: str, result: str, **detail: object) -> None:
        mark = self._state.marks[-1]
        self.event(name, result, kind=kind, request=mark.request, detail=detail)

    def revoke(self, check_id: str) -> None:
        """``engine.revoke`` a check (pending again)."""
        check = self.procedure.check(check_id)
        per_request = check is not None and check.per_request
        request = self._state.request_number if per_request else 0
        self._state = engine.revoke(self.procedure, self._state, check_id)
        self.event(check_id, "revocado", kind=EventKind.REVOKE, request=request)

    def open_account(self, cuenta: int, flags: frozenset[str]) -> None:
        """The account is open for the call with its step-2 flags; another account than
        the one open drops what was read and validated about the first."""
        state = self._state
        dropped = self.call.cuenta not in (None, cuenta)
        if dropped:
            kept = tuple(m for m in state.marks if m.check not in engine.BLACKLIST_CHECKS)
            state = replace(state, marks=kept)
        self.call.cuenta = cuenta
        state = replace(state, flags=flags)
        result = f"{cuenta:08d} {','.join(sorted(flags))}".strip()
        self._state = engine.record(self.procedure, state, ACCOUNT_OPENED, result, self.now)
        self._mark_event(
            EventKind.ACCOUNT,
            ACCOUNT_OPENED,
            result,
            cuenta=cuenta,
            flags=sorted(flags),
            dropped=dropped,
        )

    def start_request(self, branch: str, text: str) -> bool:
        """``engine.start_request``; whether it corrected the current request."""
        before = len(self._state.requests)
        self._state = engine.start_request(self.procedure, self._state, branch, text, self.now)
        request = self._state.request
        assert request is not None
        self._mark_event(
            EventKind.REQUEST,
            REQUEST,
            f"{branch}: {text}",
            number=request.number,
            branch=request.branch,
            description=request.description,
        )
        return len(self._state.requests) == before

    def advance(self) -> None:
        self._state = engine.advance(self.procedure, self._state)
        self.event("paso", str(self._state.step), kind=EventKind.STEP)

    def another_request(self) -> None:
        self._state = engine.another_request(self.procedure, self._state)
        self.event("otra_solicitud", str(self._state.step), kind=EventKind.STEP)

    def end(self) -> None:
        """``engine.end``: every rule of the closing checked; the call is over."""
        self._state = engine.end(self.procedure, self._state)
        self.event("terminada", "ok", kind=EventKind.CLOSE)

    def hung_up(self, status: str, by: str, *, ended: bool) -> None:
        """The line went down; ``ended`` when the procedure allowed the end."""
        if ended:
            self._state = replace(self._state, ended=True)
        detail: dict[str, object] = {"status": status, "by": by, "ended": ended}
        self.event("colgada", f"{status} ({by})", kind=EventKind.HANG_UP, detail=detail)

    def set_field(self, key: str, value: str) -> None:
        """A declared field the agent typed (``CallService.set_field``)."""
        kind = EventKind.SUBFLOW if field_of(key) == declared(SUBFLOW_FIELD) else EventKind.FIELD
        self._state = self._state.with_field(key, value)
        self.event(f"campo:{key}", value, kind=kind, detail={"field": key})

    def choose_subflow(self, subflow: str) -> None:
        """The sub-flow of the current request's branch ("" back to the branch's entry):
        one the routing table has, or the step's panel could not be found."""
        request = self._state.request
        if request is None or self._state.awaiting_request:
            raise DomainError(
                self.procedure.message("typify_needs_request"), rule="typify_needs_request"
            )
        routes = self.procedure.routes
        known = {route.subflow for route in routes.subflows(request.branch)} if routes else None
        if subflow and known is not None and subflow not in known:
            raise refusal("call.subflow_unknown", subflow=subflow[:20], branch=request.branch)
        self.set_field(SUBFLOW_FIELD.format(number=request.number), subflow)

    def set_caller_column(self, column: str, value: str | None) -> None:
        """Caller data the agent typed, to its column of the call row (no state)."""
        setattr(self.call, column, value)
        self.event(f"campo:{column}", value or "", kind=EventKind.FIELD, detail={"field": column})

    def set_request_field(self, template: str, value: str) -> None:
        """Set a per-request field of the state (``state.CUN_FIELD``...) for the
        current request, and log it as an event."""
        if Writer.ACTION not in declared(template).writers:
            raise ValueError(f"field {template!r} is not written by an action")
        name = template.format(number=self._state.request_number)
        self._state = self._state.with_field(name, value)
        self.event(name, value, kind=EventKind.FIELD, detail={"field": name})

    def keep_typed(self, panel: str, values: dict[str, str]) -> None:
        """What was typed and left on ``panel`` (``CallState.with_typed``)."""
        self._state = self._state.with_typed(panel, values)
        self.event(
            f"tecleado:{panel}",
            " ".join(sorted(values)),
            kind=EventKind.TYPED,
            detail={"panel": panel, "values": values},
        )

    def set_front(self, front: str) -> None:
        """The panel on top of the step's own ("" when back on it)."""
        self._state = self._state.with_front(front)
        self.event("panel", front or "paso", kind=EventKind.FRONT, detail={"front": front})

    def applies(self, check_id: str) -> bool:
        """Whether the procedure asks ``check_id`` of the call now (flags, branch, panel)."""
        check = self.procedure.check(check_id)
        if check is None:
            return False
        step = self.procedure.step(check.step)
        return engine.applies(check, step, self._state, self.procedure.routes)

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
    state = CallState.from_json(call.state_json)
    change = CallChange(session, call, state, now, procedure, presence=presence)
    apply(change)
    save(change)
    return to_record(call, change.state)


def save(change: CallChange) -> None:
    """Write the state into the row and add the events (the caller commits)."""
    call = change.call
    assert call.id is not None
    step_changed = call.current_step != change.state.step
    call.state_json = change.state.to_json()
    call.current_step = change.state.step
    change.session.add(call)
    for event in change.events:
        call_queries.add_event(
            change.session,
            call_id=call.id,
            step=change.state.step,
            kind=event.kind.value,
            request=event.request,
            check=event.name,
            result=event.result,
            detail=event.detail,
            at=change.now,
        )
    # Presence follows the call in its transaction: they can never disagree.
    if change.presence is not None:
        write_move(change.session, change.presence, call_id=call.id, step=change.state.step)
    elif step_changed:  # the presence already shows the step it had
        follow_call(change.session, call_id=call.id, step=change.state.step)
