"""What can happen in a call, typed: the ``kind`` of each ``call_event`` row.

A trainer's scorecard and a supervisor's process confirmation read a call
from its events, and ``replay`` rebuilds the call's procedure state from
them alone; so every change of a call writes one event of a kind below, and
the kinds that change the state carry in the row (and its JSON ``detail``)
all that the change needs to be done again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    """The kind of a call event (``call_event.kind``, at most 12 characters)."""

    OFFER = "offer"  # the call rang (detail: what a practice caller will say)
    ANSWER = "answer"  # answered: the "contestada" check
    HOLD = "hold"
    RESUME = "resume"  # off hold (detail: the hold's seconds)
    TRANSFER = "transfer"  # to another queue (result)
    HANG_UP = "hang_up"  # the line went down (detail: status, by, whether the call ended)
    ABANDON = "abandon"  # closed by the system after a killed session
    CLOSE = "close"  # ended by the procedure
    ACW = "acw"  # the after-call work ended (detail: its seconds)
    ACCOUNT = "account"  # the account opened in RR (detail: cuenta, flags, first dropped)
    CHECK = "check"  # a check of the procedure recorded
    REVOKE = "revoke"  # a revocable check taken back
    STEP = "step"  # the call moved to another step (result: the step)
    REQUEST = "request"  # a request recorded or corrected (detail: number, branch, text)
    SUBFLOW = "subflow"  # the sub-flow chosen for the request
    FIELD = "field"  # a field set (detail: its key, and its value when too long)
    TYPED = "typed"  # what was typed and left on a panel (detail: panel, values)
    FRONT = "front"  # the panel on top of the step's own (detail: front)
    PANEL = "panel"  # a panel opened (result: the disclosure level it was shown at)
    ACTION = "action"  # an area's action and the number it produced (result)
    TYPIFICATION = "typification"  # F22: the "tipificada" check
    SURVEY = "survey"  # the survey's answer: the "encuesta" check
    NOTE = "note"  # something done that changes no state (a SWAT note, a modem restart)


# The kinds that record a check (``Mark``) with the event's name, result and request.
MARK_KINDS = frozenset(
    {
        EventKind.ANSWER,
        EventKind.CHECK,
        EventKind.TYPIFICATION,
        EventKind.SURVEY,
        EventKind.ACCOUNT,
        EventKind.REQUEST,
    }
)


@dataclass(frozen=True)
class CallEventData:
    """One event about to be written: ``request`` is the mark's request for a check
    (0 for a call-wide one), else the request being worked on."""

    kind: EventKind
    name: str
    result: str
    request: int
    detail: str = ""


def detail_text(values: dict[str, object]) -> str:
    """The JSON of an event's detail ("" when there is none)."""
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def detail_of(text: str) -> dict[str, object]:
    loaded = json.loads(text) if text else {}
    return loaded if isinstance(loaded, dict) else {}
