"""The scorecard's procedure rules: adherence (the applicable checks done, in the
procedure's order), the closing protocol, and the two compliance rules the
procedure's checks guard (BLACKLIST, a PQR filed without validated data).

Which checks apply is the engine's own ``applies`` over the call's final state,
asked once per request with that request current: the same answer the guide
gave the trainee during the call.
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.call.events import MARK_KINDS, EventKind, detail_of
from swat_tui.domain.procedure import engine
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.check_ids import F7_READ, IDENTITY
from swat_tui.domain.procedure.definition import CheckDef, StepDef
from swat_tui.domain.training.call_facts import EventFact
from swat_tui.domain.training.scorecard_reading import CallReading, Deduction, Moment

CLOSING_CHECKS = ("guion_cierre", "encuesta")
PQR_FILED_ACTION = "pqr.file"
PQR_VALIDATED = load_actions().action("pqr_validate").check  # data/actions.toml
DETAILS_SHOWN = "validated"  # a panel event's level that shows a BLACKLIST account's data
ANOTHER_REQUEST = "otra_solicitud"  # the step event that starts the next request's cycle
FIRST_HANDLING_STEP = 3  # checks from this step on are the request's handling


@dataclass(frozen=True)
class Applicable:
    """A check the procedure asked of this call (``request`` 0: of the whole call)."""

    check: CheckDef
    step: StepDef
    request: int

    @property
    def key(self) -> tuple[str, int]:
        return self.check.id, self.request


def applicable_checks(reading: CallReading) -> list[Applicable]:
    """The checks asked of this call for its flags and requests, in procedure order."""
    state = reading.state
    routes = reading.procedure.routes
    skipped = reading.rules.without_account if not _has_account(reading) else frozenset()
    requests = state.requests
    per_request = [(r.number, reading.request_state(r.number)) for r in requests]
    last = requests[-1].number if requests else 0
    found: list[Applicable] = []
    for step in reading.procedure.steps:
        for check in step.checks:
            if check.id in skipped:
                continue
            if not check.per_request:
                if engine.applies(check, step, state, routes):
                    found.append(Applicable(check, step, 0))
                continue
            for number, request_state in per_request:
                if check.id in reading.rules.last_request_only and number != last:
                    continue
                if engine.applies(check, step, request_state, routes):
                    found.append(Applicable(check, step, number))
    return found


def _has_account(reading: CallReading) -> bool:
    account = reading.scenario.account
    return account.showcase is not None or account.rows is not None


def is_done(reading: CallReading, item: Applicable) -> bool:
    return reading.state.mark_for(item.check.id, item.request) is not None


def missing_checks(
    reading: CallReading, applicable: list[Applicable], covered: set[tuple[str, int]]
) -> list[Deduction]:
    """One deduction per applicable check not done that no critical rule accounts for;
    charged to the moment the line went down, on the panel that records the check."""
    found: list[Deduction] = []
    end = reading.end
    for item in applicable:
        if is_done(reading, item) or item.key in covered:
            continue
        panel = reading.check_panel(item.check, item.step, item.request) or end.panel
        found.append(
            reading.deduct(
                "check_missing",
                Moment(end.seconds, panel),
                request=item.request,
                label=item.check.label,
                step=item.step.number,
                step_title=item.step.title,
                in_request=f" en la solicitud {item.request}" if item.request else "",
            )
        )
    return found


def out_of_order(reading: CallReading) -> tuple[list[Deduction], int]:
    """A check recorded after one the procedure puts later (within one request's
    cycle: "otra solicitud" starts the next at step 2); the first recording of each
    check counts. Also how many checks were recorded in order."""
    found: list[Deduction] = []
    seen: set[tuple[str, int]] = set()
    in_order = 0
    latest = -1
    latest_label = latest_id = ""
    for index, event in enumerate(reading.events):
        if event.kind == EventKind.STEP and event.check == ANOTHER_REQUEST:
            latest, latest_label, latest_id = -1, "", ""
            continue
        if event.kind not in MARK_KINDS or (event.check, event.request) in seen:
            continue
        seen.add((event.check, event.request))
        position = reading.position.get(event.check)
        if position is None:
            continue
        label = reading.checks[event.check][0].label
        if position < latest and _recorded_together(reading, event.check, latest_id):
            in_order += 1  # one panel's Intro records these: their order is the panel's
            continue
        if position < latest:
            found.append(
                reading.deduct(
                    "out_of_order",
                    reading.moment(index),
                    request=event.request,
                    label=label,
                    after=latest_label,
                )
            )
            continue
        in_order += 1
        latest, latest_label, latest_id = position, label, event.check
    return found, in_order


def _recorded_together(reading: CallReading, check: str, other: str) -> bool:
    """Two checks of one panel, one of them recorded by the panel's Intro (an action
    or a "ready" check) and the other as its field is left: the agent may have done
    them in the procedure's order, and the record cannot tell."""
    if other not in reading.checks:
        return False
    first, _ = reading.checks[check]
    second, _ = reading.checks[other]
    if first.panel is None or first.panel != second.panel:
        return False
    return any(c.entry == "action" or c.ready is not None for c in (first, second))


def closing_skipped(reading: CallReading, applicable: list[Applicable]) -> list[Deduction]:
    """The closing script or the survey invitation not done: one critical deduction."""
    missing = [
        item
        for item in applicable
        if item.check.id in CLOSING_CHECKS and not is_done(reading, item)
    ]
    if not missing:
        return []
    end = reading.end
    panel = reading.check_panel(missing[0].check, missing[0].step, 0) or end.panel
    labels = ", ".join(f"«{item.check.label}»" for item in missing)
    return [reading.deduct("closing_skipped", Moment(end.seconds, panel), missing=labels)]


def blacklist_disclosure(reading: CallReading) -> list[Deduction]:
    """A BLACKLIST account's request handled (a branch action, a check of steps 3-8,
    the typification) or its data shown, while the F7 notes were not read or the
    identity not validated (never, taken back, or dropped with another account). Once
    per call: the first time is the breach."""
    blacklisted = False
    validated: set[str] = set()
    for index, event in enumerate(reading.events):
        kind = event.kind
        if kind == EventKind.ACCOUNT:
            detail = detail_of(event.detail)
            flags = detail.get("flags", [])
            blacklisted = isinstance(flags, list) and "blacklist" in flags
            if detail.get("dropped") is True:
                validated.clear()
            continue
        if kind in (EventKind.CHECK, EventKind.REVOKE) and event.check in (F7_READ, IDENTITY):
            if kind == EventKind.CHECK:
                validated.add(event.check)
            else:
                validated.discard(event.check)
            continue
        if not blacklisted or validated >= {F7_READ, IDENTITY}:
            continue
        what = _handling(reading, event)
        if what:
            return [reading.deduct("blacklist_disclosure", reading.moment(index), what=what)]
    return []


def _handling(reading: CallReading, event: EventFact) -> str:
    """What ``event`` did of the request's handling, in words, or "" when nothing."""
    kind = event.kind
    if kind == EventKind.ACTION:
        return f"acción {event.check}"
    if kind == EventKind.TYPIFICATION:
        return "tipificación"
    if kind == EventKind.PANEL and event.result == DETAILS_SHOWN:
        return f"panel {event.check} con los datos"
    if kind == EventKind.CHECK:
        known = reading.checks.get(event.check)
        if known is not None and known[1].number >= FIRST_HANDLING_STEP:
            return f"«{known[0].label}»"
    return ""


def pqr_unvalidated(reading: CallReading, covered: set[tuple[str, int]]) -> list[Deduction]:
    """A PQR filed for a request whose personal data were not validated before (the
    validation then counts under this rule, not as a missing check too)."""
    found: list[Deduction] = []
    validated: set[int] = set()
    for index, event in enumerate(reading.events):
        if event.kind == EventKind.CHECK and event.check == PQR_VALIDATED:
            validated.add(event.request)
        elif (
            event.kind == EventKind.ACTION
            and event.check == PQR_FILED_ACTION
            and event.request not in validated
        ):
            covered.add((PQR_VALIDATED, event.request))
            found.append(
                reading.deduct(
                    "pqr_unvalidated",
                    reading.moment(index),
                    request=event.request,
                    number=event.request,
                    radicado=event.result,
                )
            )
    return found
