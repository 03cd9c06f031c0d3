"""A call's procedure state rebuilt from its events alone.

Every change of a call's state writes an event saying what changed
(``CallChange``); doing those changes again, in order, gives the state the
store holds. A trainer's scorecard or a supervisor reading a call can so
trust the events as the whole story, and a test proves it for every call a
desk test drives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from swat_tui.config import BOGOTA
from swat_tui.domain.call.events import MARK_KINDS, EventKind, detail_of
from swat_tui.domain.call.fields import field_of
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.engine import BLACKLIST_CHECKS
from swat_tui.domain.procedure.state import CALLER_SAYS_FIELD, CallState, Mark, Request


class StoredEvent(Protocol):
    """What replaying needs of a ``call_event`` row."""

    @property
    def kind(self) -> str: ...
    @property
    def request(self) -> int: ...
    @property
    def check(self) -> str: ...
    @property
    def result(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def at(self) -> datetime: ...


class ReplayError(ValueError):
    """The events cannot be replayed (an unknown kind or check, a detail missing)."""


def replay(events: Iterable[StoredEvent], procedure: ProcedureDef) -> CallState:
    """The state the call's ``events`` (oldest first) leave it in."""
    state = CallState()
    for state in replay_steps(events, procedure):  # noqa: B007 - the last one is the answer
        pass
    return state


def replay_steps(events: Iterable[StoredEvent], procedure: ProcedureDef) -> Iterator[CallState]:
    """The state after each of ``events`` in turn: a call followed or replayed panel by
    panel (process confirmation, trainer mode) reads it at any point."""
    state = CallState()
    for event in events:
        try:
            state = _apply(state, event, procedure)
        except (KeyError, TypeError, ValueError) as error:
            raise ReplayError(f"event {event.kind}/{event.check}: {error}") from error
        yield state


def _apply(state: CallState, event: StoredEvent, procedure: ProcedureDef) -> CallState:
    kind = EventKind(event.kind)
    detail = detail_of(event.detail)
    result = str(detail.get("result", event.result))
    if kind in MARK_KINDS:
        if procedure.check(event.check) is None:
            raise ReplayError(f"unknown check {event.check!r}")
        state = _before_mark(state, kind, detail)
        mark = Mark(event.check, event.request, result, _aware(event.at))
        return replace(state, marks=(*state.marks, mark))
    if kind == EventKind.REVOKE:
        key = (event.check, event.request)
        return replace(state, marks=tuple(m for m in state.marks if (m.check, m.request) != key))
    if kind == EventKind.STEP:
        return replace(state, step=int(result))
    if kind == EventKind.CLOSE or (kind == EventKind.HANG_UP and detail.get("ended") is True):
        return replace(state, ended=True)
    if kind == EventKind.OFFER and detail.get("says"):
        return state.with_field(CALLER_SAYS_FIELD, str(detail["says"]))
    if kind in (EventKind.FIELD, EventKind.SUBFLOW):
        return _field(state, str(detail["field"]), result)
    if kind == EventKind.TYPED:
        values = detail["values"]
        if not isinstance(values, dict):
            raise ReplayError("typed values are not a mapping")
        typed = {str(name): str(value) for name, value in values.items()}
        return state.with_typed(str(detail["panel"]), typed)
    if kind == EventKind.FRONT:
        return state.with_front(str(detail["front"]))
    return state  # hold, resume, transfer, abandon, acw, panel, action, note


def _before_mark(state: CallState, kind: EventKind, detail: dict[str, object]) -> CallState:
    """What an account opened or a request recorded changes besides its check."""
    if kind == EventKind.ACCOUNT:
        if detail["dropped"] is True:
            kept = tuple(m for m in state.marks if m.check not in BLACKLIST_CHECKS)
            state = replace(state, marks=kept)
        flags = detail["flags"]
        if not isinstance(flags, list):
            raise ReplayError("account flags are not a list")
        return replace(state, flags=frozenset(str(flag) for flag in flags))
    if kind == EventKind.REQUEST:
        number = detail["number"]
        if not isinstance(number, int):
            raise ReplayError("request number is not a number")
        request = Request(number, str(detail["branch"]), str(detail["description"]))
        others = tuple(r for r in state.requests if r.number != number)
        return replace(state, requests=(*others, request))
    return state


def _field(state: CallState, key: str, value: str) -> CallState:
    declared = field_of(key)
    if declared is None:
        raise ReplayError(f"undeclared field {key!r}")
    if declared.column:
        return state  # caller data: a column of the call row, not the state
    return state.with_field(key, value)


def _aware(moment: datetime) -> datetime:
    """The store gives back the Bogotá wall time the clock wrote, without its zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BOGOTA)
