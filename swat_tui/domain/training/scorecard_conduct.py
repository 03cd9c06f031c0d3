"""The scorecard's conduct rules: notes too short, a hold the customer was not told
of, a refused intent retried blindly, a call abandoned, and the handle time.

"Telling the customer of a hold" is seen in the events: the hold script read
(``call.read_script("hold")`` writes a ``note`` event ``guion:hold``) shortly
before the ``hold`` event, once per hold.
"""

from __future__ import annotations

import itertools
import math

from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.records import ABANDONED, HUNG_UP
from swat_tui.domain.call.scripts import READ_EVENT
from swat_tui.domain.training.scorecard_procedure import PQR_FILED_ACTION
from swat_tui.domain.training.scorecard_reading import CallReading, Deduction

LINE_CUT = (ABANDONED, HUNG_UP)  # the line went down before the procedure ended
# Events that show the agent did something between two refusals (not merely looked).
_LOOKING = frozenset({EventKind.PANEL, EventKind.FRONT, EventKind.TYPED})


def short_notes(reading: CallReading) -> list[Deduction]:
    """Typification notes, and the notes of PQRs filed, shorter than the thresholds."""
    found: list[Deduction] = []
    minimum = reading.rules.threshold("typification_notes_min")
    last = {row.request: row for row in reading.facts.typifications}
    for number, row in sorted(last.items()):
        length = len(row.notes.strip())
        if length < minimum:
            index = reading.first_event(EventKind.TYPIFICATION, number)
            found.append(
                reading.deduct(
                    "short_notes",
                    reading.moment(index),
                    request=number,
                    number=number,
                    length=length,
                    minimum=minimum,
                )
            )
    pqr_minimum = reading.rules.threshold("pqr_notes_min")
    for pqr in reading.facts.pqrs:
        length = len(pqr.notes.strip())
        if length >= pqr_minimum:
            continue
        index = next(
            (
                i
                for i, e in enumerate(reading.events)
                if e.kind == EventKind.ACTION
                and e.check == PQR_FILED_ACTION
                and e.result == pqr.radicado
            ),
            -1,
        )
        request = reading.events[index].request if index >= 0 else 0
        found.append(
            reading.deduct(
                "short_pqr_notes",
                reading.moment(index),
                request=request,
                radicado=pqr.radicado,
                length=length,
                minimum=pqr_minimum,
            )
        )
    return found


def silent_holds(reading: CallReading) -> list[Deduction]:
    """Each hold not preceded by the hold script, read at most ``hold_notice_seconds``
    before it (one reading tells of one hold)."""
    found: list[Deduction] = []
    notice_name = READ_EVENT.format(name=reading.rules.hold_script)
    window = reading.rules.threshold("hold_notice_seconds")
    told_at = None
    for index, event in enumerate(reading.events):
        if event.kind == EventKind.NOTE and event.check == notice_name:
            told_at = event.at
        elif event.kind == EventKind.HOLD:
            if told_at is None or (event.at - told_at).total_seconds() > window:
                found.append(reading.deduct("silent_hold", reading.moment(index)))
            told_at = None
    return found


def blind_retries(reading: CallReading) -> list[Deduction]:
    """The same intent refused by the same rule twice in a row with nothing done in
    between (an event after the first refusal, up to the second, other than
    looking at panels)."""
    found: list[Deduction] = []
    refusals = reading.facts.refusals
    for first, second in itertools.pairwise(refusals):
        if (first.intent, first.rule) != (second.intent, second.rule):
            continue
        acted = any(
            first.at < event.at <= second.at and event.kind not in _LOOKING
            for event in reading.events
        )
        if not acted:
            found.append(
                reading.deduct(
                    "blind_retry",
                    reading.moment_at(second.at),
                    intent=second.intent,
                    refusal=second.message,
                )
            )
    return found


def is_abandoned(reading: CallReading) -> bool:
    """The line went down mid-call while the scenario had requests to handle."""
    return reading.facts.status in LINE_CUT and bool(reading.scenario.expected)


def abandoned(reading: CallReading) -> list[Deduction]:
    if not is_abandoned(reading):
        return []
    status = "abandonada" if reading.facts.status == ABANDONED else "colgada"
    return [reading.deduct("abandoned", reading.end, status=status)]


def handle_seconds(reading: CallReading) -> int:
    """Talk (hold included) from the answer to the line down, plus the ACW."""
    facts = reading.facts
    if facts.answered_at is None:
        return 0
    ended = facts.ended_at or (facts.events[-1].at if facts.events else facts.answered_at)
    return reading.seconds_at(ended) + facts.acw_seconds


def handle_time(reading: CallReading, seconds: int) -> list[Deduction]:
    """Over the target by more than the tolerance: points per started step, capped."""
    target = reading.scenario.target_seconds
    if target <= 0:
        return []
    over = (seconds - target) * 100 / target
    tolerance = reading.rules.threshold("handle_tolerance_percent")
    if over <= tolerance:
        return []
    steps = math.ceil((over - tolerance) / max(reading.rules.threshold("handle_step_percent"), 1))
    points = min(
        steps * reading.rules.threshold("handle_step_points"),
        reading.rules.threshold("handle_max_points"),
    )
    return [
        reading.deduct(
            "handle_time",
            reading.end,
            points=float(points),
            seconds=seconds,
            target=target,
            over=round(over),
        )
    ]
