"""The call service: every change to a call is written to the store at once.

Each action is one ``BEGIN IMMEDIATE`` transaction that updates the ``call``
row (with the procedure state as JSON and the current step) and adds its
``call_event`` rows, so a process killed at any moment loses nothing that was
confirmed on screen. Softphone actions (answer, hold, transfer, hang up)
need the line in the right state; procedure actions need the call in
progress, or in the after-call work (ACW) of a call that ended or dropped,
so an agent can finish notes and typification after the customer hung up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TextIO

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.call import history
from swat_tui.domain.call.caller_data import CALLER_COLUMNS, FIELD_VALUE_MAX, check_field
from swat_tui.domain.call.change import CallChange, load_call, save, write_change
from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.export import export_calls
from swat_tui.domain.call.fields import settable_by_agent
from swat_tui.domain.call.records import (
    ABANDONED,
    AGENT,
    CUSTOMER,
    ENDED,
    HUNG_UP,
    IN_PROGRESS,
    OPEN_STATUSES,
    RINGING,
    SYSTEM,
    TRANSFERRED,
    seconds_between,
    to_record,
)
from swat_tui.domain.call.replay import replay
from swat_tui.domain.call.swat_folder import add_swat_note
from swat_tui.domain.call.typification_rules import NOTES_MAX, SWAT_NOTE_POINTER
from swat_tui.domain.call.typify import TypificationForm, typify
from swat_tui.domain.call.views import CallLogLine, CallRecord, TypificationLine
from swat_tui.domain.errors import account_not_found, refusal
from swat_tui.domain.presence import PresenceMove
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.procedure import engine as rules
from swat_tui.domain.procedure.definition import ProcedureDef, load_procedure
from swat_tui.domain.procedure.state import SUBFLOW_FIELD, CallState
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Agent
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import calls as call_queries

CALLER_DATA_CHECK = check_ids.CALLER_DATA
# Checks that have their own action (with rows and rules of their own).
OWN_ACTION_CHECKS = frozenset(
    {
        check_ids.ANSWERED,
        CALLER_DATA_CHECK,
        check_ids.ACCOUNT_OPENED,
        check_ids.REQUEST,
        check_ids.TYPIFICATION,
        check_ids.SURVEY,
    }
)
SURVEY_ANSWERS = ("acepta", "no acepta")
ANI_MAX, QUEUE_MAX = 15, 30


class CallService:
    """Offers, answers and carries calls through the procedure, writing every change."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime],
        procedure: ProcedureDef | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._procedure = procedure or load_procedure()

    @property
    def procedure(self) -> ProcedureDef:
        return self._procedure

    def _write(
        self,
        call_id: int,
        apply: Callable[[CallChange], None],
        presence: PresenceMove | None = None,
    ) -> CallRecord:
        now = self._clock()
        return write_change(self._engine, self._procedure, call_id, now, apply, presence=presence)

    # --- the softphone ---------------------------------------------------------

    def offer(
        self,
        agent_id: int,
        ani: str,
        queue: str,
        *,
        says: str = "",
        scenario: str = "",
        presence: PresenceMove | None = None,
    ) -> CallRecord:
        """A call rings for the agent (who may have no other call open); ``says`` is
        what a practice caller will ask for, kept in the call's state; ``scenario``
        the training scenario the call plays, on the ring's event.

        ``presence`` (here and in the softphone's other actions): the agent's
        presence as the desk's softphone transition leaves it, written with the call."""
        caller = ani.strip() or "DESCONOCIDO"
        target = _queue(queue)
        if len(caller) > ANI_MAX:
            raise refusal("call.caller_long", length=len(caller), maximum=ANI_MAX)
        now = self._clock()
        with write_session(self._engine) as session:
            if session.get(Agent, agent_id) is None:
                raise refusal("call.agent_unknown", agent_id=agent_id)
            if call_queries.open_calls_of(session, agent_id=agent_id, statuses=OPEN_STATUSES):
                raise refusal("call.already_open")
            call = call_queries.add_call(
                session,
                agent_id=agent_id,
                ani=caller,
                queue=target,
                status=RINGING,
                at=now,
                state_json=CallState().to_json(),
            )
            change = CallChange(session, call, CallState(), now, self._procedure, presence=presence)
            change.offered(target, says, scenario=scenario)
            save(change)
            return to_record(call, change.state)

    def answer(self, call_id: int, *, presence: PresenceMove | None = None) -> CallRecord:
        def apply(change: CallChange) -> None:
            if change.call.status != RINGING:
                raise refusal("call.none_ringing")
            change.call.status = IN_PROGRESS
            change.call.answered_at = change.now
            change.record(check_ids.ANSWERED, "ok", kind=EventKind.ANSWER)

        return self._write(call_id, apply, presence)

    def hold(self, call_id: int, *, presence: PresenceMove | None = None) -> CallRecord:
        def apply(change: CallChange) -> None:
            if change.call.status != IN_PROGRESS:
                raise refusal("call.none_to_hold")
            if change.call.hold_started_at is not None:
                raise refusal("call.on_hold")
            change.call.hold_started_at = change.now
            change.event("espera", "inicio", kind=EventKind.HOLD)

        return self._write(call_id, apply, presence)

    def resume(self, call_id: int, *, presence: PresenceMove | None = None) -> CallRecord:
        def apply(change: CallChange) -> None:
            if change.call.status != IN_PROGRESS or change.call.hold_started_at is None:
                raise refusal("call.not_on_hold")
            seconds = change.stop_hold()
            detail: dict[str, object] = {"seconds": seconds}
            change.event("reanudada", f"{seconds} s", kind=EventKind.RESUME, detail=detail)

        return self._write(call_id, apply, presence)

    def transfer(
        self, call_id: int, queue: str, *, presence: PresenceMove | None = None
    ) -> CallRecord:
        """The call leaves to another queue: it ends here as "transferred"."""
        target = _queue(queue)

        def apply(change: CallChange) -> None:
            change.require_in_progress()
            change.close_line(TRANSFERRED)
            change.call.ended_by = AGENT
            change.call.transferred_to = target
            change.event("transferida", target, kind=EventKind.TRANSFER)

        return self._write(call_id, apply, presence)

    def hang_up(
        self, call_id: int, *, by: str = AGENT, presence: PresenceMove | None = None
    ) -> CallRecord:
        """The line goes down, everything captured stays. "ended" if the procedure
        allowed the end; otherwise "abandoned" when the customer left before being
        served, "hung_up" when the agent (or the system) ended it.
        ``by`` is recorded as ``ended_by``."""
        if by not in (AGENT, CUSTOMER, SYSTEM):
            raise ValueError(f"ended by {by!r}")

        def apply(change: CallChange) -> None:
            if change.call.status not in OPEN_STATUSES:
                raise refusal("call.none_in_progress")
            status = ABANDONED if by == CUSTOMER else HUNG_UP
            if change.call.status == IN_PROGRESS:
                try:
                    rules.end(change.procedure, change.state)
                    status = ENDED
                except rules.RuleViolation:
                    pass
            change.close_line(status)
            change.call.ended_by = by
            change.hung_up(status, by, ended=status == ENDED)

        return self._write(call_id, apply, presence)

    def close_abandoned(self, call_id: int) -> CallRecord:
        """REC001 option 4: a call a killed session left open is closed by the system as
        abandoned, the outcome the agent chose, whatever step it had reached (its checks
        stay in the state). The line ended when the store last saw the call; no ACW
        starts, since no agent is working on it."""

        def apply(change: CallChange) -> None:
            if change.call.status not in OPEN_STATUSES:
                raise refusal("call_closed")
            seen = change.last_seen()
            change.stop_hold(seen)
            change.call.status = ABANDONED
            change.call.ended_at = seen
            change.call.ended_by = SYSTEM
            change.event(
                "abandonada",
                "cerrada por el sistema tras una sesión interrumpida",
                kind=EventKind.ABANDON,
            )

        return self._write(call_id, apply)

    def end(self, call_id: int, *, presence: PresenceMove | None = None) -> CallRecord:
        """End the call by the procedure (every rule checked), then ACW starts."""

        def apply(change: CallChange) -> None:
            change.require_in_progress()
            change.end()
            change.close_line(ENDED)
            change.call.ended_by = AGENT

        return self._write(call_id, apply, presence)

    def finish_acw(self, call_id: int, *, presence: PresenceMove | None = None) -> CallRecord:
        """The agent ends the after-call work (softphone 7, Disponible, AUX, sign-off)."""

        def apply(change: CallChange) -> None:
            _end_acw(change, change.now, "")

        return self._write(call_id, apply, presence)

    def close_stale_acw(self, agent_id: int) -> list[CallRecord]:
        """An ACW a killed session left running on the agent's calls ends at the store's
        last word on its call: nobody knows when the agent stopped, and the time the
        program was down is not after-call work. One transaction per call."""
        with read_session(self._engine) as session:
            call_ids = call_queries.ids_in_acw(session, agent_id=agent_id)

        def apply(change: CallChange) -> None:
            _end_acw(change, change.last_seen(), " (sesión interrumpida)")

        return [self._write(call_id, apply) for call_id in call_ids]

    # --- the procedure ---------------------------------------------------------

    def set_field(self, call_id: int, name: str, value: str) -> CallRecord:
        """A field the agent typed (declared agent-settable in ``call.fields``): caller
        data to its column, anything else to ``state.fields``. An undeclared field, or
        one the procedure or an action writes, is refused."""
        checked = check_field(name, value)

        def apply(change: CallChange) -> None:
            change.require_workable()
            declared = settable_by_agent(name)
            call = change.call
            if checked.column is not None:
                change.set_caller_column(checked.column, checked.value)
            elif declared.name == SUBFLOW_FIELD:
                if name != SUBFLOW_FIELD.format(number=change.state.request_number):
                    raise refusal("call.subflow_request")
                change.choose_subflow(checked.value or "")
            else:
                change.set_field(name, checked.value or "")
            complete = all(getattr(call, column) for column in CALLER_COLUMNS)
            state = change.state
            if complete and not state.ended and state.mark_for(CALLER_DATA_CHECK, 0) is None:
                change.record(CALLER_DATA_CHECK, call.caller_relation or "")

        return self._write(call_id, apply)

    def keep_typed(self, call_id: int, panel: str, values: dict[str, str]) -> CallRecord:
        """What the agent typed on ``panel`` and left there, kept for the request being
        worked on (``CallState.typed``): it records no check and starts no action."""
        too_long = [name for name, value in values.items() if len(value) > FIELD_VALUE_MAX]
        if too_long:
            raise refusal("call.typed_long", maximum=FIELD_VALUE_MAX, field=too_long[0])

        def apply(change: CallChange) -> None:
            change.require_workable()
            change.keep_typed(panel, values)

        return self._write(call_id, apply)

    def set_front(self, call_id: int, front: str) -> CallRecord:
        """The panel the agent has on top of the step's own ("" when back on it)."""

        def apply(change: CallChange) -> None:
            change.require_workable()
            if change.state.front != front:
                change.set_front(front)

        return self._write(call_id, apply)

    def choose_subflow(self, call_id: int, subflow: str) -> CallRecord:
        """Steps 3-6: the sub-flow of the current request's branch (a ``subflow`` event)."""

        def apply(change: CallChange) -> None:
            change.require_workable()
            change.choose_subflow(subflow)

        return self._write(call_id, apply)

    def panel_opened(self, call_id: int, panel: str, access: str) -> CallRecord:
        """A panel was shown in the call at the disclosure level ``access``: a ``panel``
        event, nothing else. A call no longer worked on (ACW over) records nothing."""

        def apply(change: CallChange) -> None:
            if change.call.status in OPEN_STATUSES or change.call.acw_started_at is not None:
                change.panel(panel, access)

        return self._write(call_id, apply)

    def panel_opened_in(
        self,
        session: Session,
        call_id: int,
        panel: str,
        access: str,
        *,
        step: int,
        request: int,
    ) -> None:
        """``panel_opened`` in the caller's transaction for the call the desk holds on
        the line (its step and request known): the event only, the call row untouched."""
        call_queries.add_event(
            session,
            call_id=call_id,
            step=step,
            check=panel[:40],
            result=access,
            at=self._clock(),
            kind=EventKind.PANEL.value,
            request=request,
        )

    def record_check(self, call_id: int, check_id: str, result: str) -> CallRecord:
        """Mark a check of the procedure done (``engine.record``)."""
        if check_id in OWN_ACTION_CHECKS:
            raise refusal("call.check_by_action", check_id=check_id)

        def apply(change: CallChange) -> None:
            change.require_workable()
            change.record(check_id, result)

        return self._write(call_id, apply)

    def note(self, call_id: int, name: str, result: str) -> CallRecord:
        """Something the agent did that changes no state (a question asked, a script
        read): an event of the call, for the caller's answer and the scorecard."""

        def apply(change: CallChange) -> None:
            change.require_workable()
            change.event(name, result, kind=EventKind.NOTE)

        return self._write(call_id, apply)

    def revoke_check(self, call_id: int, check_id: str) -> CallRecord:
        """Take back a revocable check (the identity validation cleared): pending again."""

        def apply(change: CallChange) -> None:
            change.require_workable()
            if change.state.mark_for(check_id, 0) is None:
                return
            change.revoke(check_id)

        return self._write(call_id, apply)

    def open_account(self, call_id: int, cuenta: int, flags: frozenset[str]) -> CallRecord:
        """The account is open in RR; ``flags`` are its step-2 flags.

        "blacklist" is added whenever the account has it, whatever the screen sent.
        """
        return self._write(call_id, open_account_change(cuenta, flags))

    def start_request(self, call_id: int, branch: str, description: str) -> CallRecord:
        """Record the customer's request and its branch (sac, soporte, visita, pqr)."""
        text = " ".join(description.split())
        request_max = self._procedure.limit("request")
        if len(text) > request_max:
            raise refusal("call.request_long", length=len(text), maximum=request_max)
        branch_id = branch.strip().lower()

        def apply(change: CallChange) -> None:
            change.require_workable()
            replaced = change.start_request(branch_id, text)
            _write_request(change, replaced=replaced)

        return self._write(call_id, apply)

    def advance(self, call_id: int) -> CallRecord:
        def apply(change: CallChange) -> None:
            change.require_workable()
            change.advance()

        return self._write(call_id, apply)

    def another_request(self, call_id: int) -> CallRecord:
        def apply(change: CallChange) -> None:
            change.require_workable()
            change.another_request()

        return self._write(call_id, apply)

    def typify(
        self,
        call_id: int,
        *,
        code: str,
        first_contact: bool,
        cun: str | None = None,
        incident_number: str | None = None,
        notes: str = "",
    ) -> CallRecord:
        """F22 for the current request; a CUN is generated when the code needs one.

        Notes longer than F22 holds go to the account's SWAT folder (F7+F6) in
        the same transaction, and the typification points to them: a refused
        typification leaves no note behind.
        """
        text = notes.strip()
        long_note = len(text) > NOTES_MAX
        form = TypificationForm.checked(
            code=code,
            first_contact=first_contact,
            cun=cun,
            incident_number=incident_number,
            notes=SWAT_NOTE_POINTER if long_note else text,
        )

        def apply(change: CallChange) -> None:
            typify(change, form)
            if long_note:
                add_swat_note(change, text)

        return self._write(call_id, apply)

    def add_swat_note(self, call_id: int, text: str) -> CallRecord:
        """A note appended to the account's SWAT folder (created if missing); the
        call logs a "nota_swat" event."""
        return self._write(call_id, lambda change: add_swat_note(change, text))

    def record_survey(self, call_id: int, answer: str, score: int | None = None) -> CallRecord:
        """The customer's answer to the survey invitation and the score (1-5) if taken.

        ``answer`` is "acepta" or "no acepta"; "acepta 4" gives the score too.
        """
        given, score = _survey(answer, score)

        def apply(change: CallChange) -> None:
            change.require_workable()
            change.call.survey_answer = given
            change.call.survey_score = score
            result = given if score is None else f"{given} {score}"
            change.record(check_ids.SURVEY, result, kind=EventKind.SURVEY)

        return self._write(call_id, apply)

    # --- reading -----------------------------------------------------------------

    def get(self, call_id: int) -> CallRecord:
        with read_session(self._engine) as session:
            call = load_call(session, call_id)
            return to_record(call, CallState.from_json(call.state_json))

    def replayed(self, call_id: int) -> CallState:
        """The call's state rebuilt from its events alone (``replay``)."""
        with read_session(self._engine) as session:
            load_call(session, call_id)
            return replay(call_queries.events_of(session, call_ids=[call_id]), self._procedure)

    def interrupted(self, agent_id: int) -> list[CallRecord]:
        """The agent's calls still ringing or in progress (a crash left them open)."""
        with read_session(self._engine) as session:
            calls = call_queries.open_calls_of(session, agent_id=agent_id, statuses=OPEN_STATUSES)
            return [to_record(call, CallState.from_json(call.state_json)) for call in calls]

    def typifications(self, call_id: int) -> tuple[TypificationLine, ...]:
        """The call's typifications, oldest first (the CUN given to the customer)."""
        with read_session(self._engine) as session:
            load_call(session, call_id)
            return history.typifications_by_call(session, [call_id]).get(call_id, ())

    def call_log(
        self, cuenta: int, limit: int = 20, *, exclude_call_id: int | None = None
    ) -> tuple[CallLogLine, ...]:
        """F22 then F13: earlier contacts of the account, newest first."""
        with read_session(self._engine) as session:
            return history.call_log(
                session, cuenta=cuenta, limit=max(limit, 1), exclude_call_id=exclude_call_id
            )

    def export_csv(self, since: date, out: TextIO) -> int:
        """Write the calls started on or after ``since`` (Bogotá) as CSV; how many."""
        with read_session(self._engine) as session:
            return export_calls(session, since=since, out=out)


def _end_acw(change: CallChange, at: datetime, note: str) -> None:
    """Add the ACW that ran until ``at`` to ``acw_seconds``: the call's ACW is over."""
    started = change.call.acw_started_at
    if started is None:
        raise refusal("call.not_in_acw")
    seconds = seconds_between(started, at)
    change.call.acw_seconds += seconds
    change.call.acw_started_at = None
    change.event("fin_acw", f"{seconds} s{note}", kind=EventKind.ACW, detail={"seconds": seconds})


def _survey(answer: str, score: int | None) -> tuple[str, int | None]:
    words = answer.lower().split()
    if score is None and len(words) == 2 and words[0] == "acepta" and words[1].isdigit():
        words, score = words[:1], int(words[1])
    given = " ".join(words)
    if given not in SURVEY_ANSWERS:
        raise refusal("call.survey_answer")
    if score is not None and (given != "acepta" or not 1 <= score <= 5):
        raise refusal("call.survey_score")
    return given, score


def _queue(queue: str) -> str:
    text = queue.strip()
    if not text:
        raise refusal("call.queue_missing")
    if len(text) > QUEUE_MAX:
        raise refusal("call.queue_long", length=len(text), maximum=QUEUE_MAX)
    return text


def _write_request(change: CallChange, *, replaced: bool) -> None:
    """The CallRequest row of the current request (a correction updates it)."""
    call, session = change.call, change.session
    assert call.id is not None and change.state.request is not None
    request = change.state.request
    rows = call_queries.requests_of(session, call_ids=[call.id]) if replaced else ()
    if rows:
        row = rows[-1]
        row.branch, row.description = request.branch, request.description
        session.add(row)
        return
    call_queries.add_request(
        session,
        call_id=call.id,
        branch=request.branch,
        description=request.description,
        at=change.now,
    )


def open_account_change(cuenta: int, flags: frozenset[str]) -> Callable[[CallChange], None]:
    """The change that opens ``cuenta`` for a call (``change_in`` runs it in a caller's
    transaction, e.g. with the account panel's read)."""

    def apply(change: CallChange) -> None:
        change.require_workable()
        account = account_queries.get_account(change.session, cuenta=cuenta)
        if account is None:
            raise account_not_found(cuenta)
        found = frozenset(flags) | ({"blacklist"} if account.blacklist else frozenset())
        change.open_account(cuenta, found)

    return apply
