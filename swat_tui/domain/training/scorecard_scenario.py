"""The scorecard's scenario rules: each request against its ``ExpectedHandling``.

Request n of the call is held against the scenario's n-th expected handling:
its branch and sub-flow, the resolution it got (a PQR consulted, desisted or
filed; a visit booked or a CGO form; a DIME escalation and its area, as
``data/scorecard.toml`` says what proves each), and its typification (code,
first contact or follow-up, the CUN the catalogue asks). A request sent down
the wrong branch or sub-flow is charged that one error: what follows from it
(the resolution, the code) is its consequence, not a second fault.
"""

from __future__ import annotations

from swat_tui.domain.call.events import EventKind, detail_of
from swat_tui.domain.procedure.check_ids import REQUEST, TYPIFICATION
from swat_tui.domain.procedure.state import Request
from swat_tui.domain.training.call_facts import TypificationFact
from swat_tui.domain.training.scenario import Contact, ExpectedHandling
from swat_tui.domain.training.scorecard_reading import CallReading, Deduction, Moment
from swat_tui.domain.training.scoring_rules import Evidence

Covered = set[tuple[str, int]]


def scenario_rules(reading: CallReading) -> tuple[list[Deduction], Covered]:
    """The deductions of every request against the scenario, and the (check, request)
    pairs they account for (adherence does not charge those again)."""
    found: list[Deduction] = []
    covered: Covered = set()
    requests = sorted(reading.state.requests, key=lambda r: r.number)
    for index, expected in enumerate(reading.scenario.expected):
        number = index + 1
        if index >= len(requests):
            moment = _panel(reading.end, reading.checks[REQUEST][1].panel)
            found.append(
                reading.deduct("missing_request", moment, number=number, says=expected.says)
            )
            continue
        route = _wrong_route(reading, requests[index], expected)
        if route is not None:
            found.append(route)
            continue
        found += _resolution(reading, number, expected, covered)
        found += _typification(reading, number, expected, covered)
    return found, covered


def _panel(moment: Moment, panel: str | None) -> Moment:
    return Moment(moment.seconds, panel or moment.panel)


def _route_label(reading: CallReading, branch: str, subflow: str) -> str:
    names = {b.id: b.name for b in reading.procedure.branches}
    text = names.get(branch, branch)
    routes = reading.procedure.routes
    if subflow and routes is not None:
        labels = {route.subflow: route.label for route in routes.subflows(branch)}
        subflow = labels.get(subflow) or subflow
    return f"{text} ({subflow})" if subflow else text


def _wrong_route(
    reading: CallReading, request: Request, expected: ExpectedHandling
) -> Deduction | None:
    number = request.number
    subflow = reading.subflow(number)
    if request.branch != expected.branch:
        index = reading.first_event(EventKind.REQUEST, number)
    elif expected.subflow and subflow != expected.subflow:
        index = reading.first_event(EventKind.SUBFLOW, number)
    else:
        return None
    return reading.deduct(
        "wrong_route",
        reading.moment(index),
        request=number,
        number=number,
        done=_route_label(reading, request.branch, subflow),
        expected=_route_label(reading, expected.branch, expected.subflow),
    )


def _evidence_found(
    reading: CallReading, number: int, evidence: dict[str, Evidence]
) -> dict[str, int]:
    """The resolutions of ``evidence`` request ``number`` got, with the event that
    proves each."""
    found: dict[str, int] = {}
    for key, proof in evidence.items():
        for index, event in enumerate(reading.events):
            if event.request != number:
                continue
            if (
                proof.check
                and event.kind == EventKind.CHECK
                and event.check == proof.check
                and reading.state.mark_for(proof.check, number) is not None
            ):
                found[key] = index
                break
            if (
                proof.action
                and event.kind == EventKind.ACTION
                and event.check == proof.action
                and event.result.startswith(proof.prefix)
            ):
                found[key] = index
                break
    return found


def _escalations(reading: CallReading, number: int) -> list[tuple[int, str]]:
    rules = reading.rules
    return [
        (index, str(detail_of(event.detail).get(rules.escalation_area_detail, "")))
        for index, event in enumerate(reading.events)
        if event.request == number
        and event.kind == EventKind.ACTION
        and event.check == rules.escalation_action
    ]


def _resolution(
    reading: CallReading, number: int, expected: ExpectedHandling, covered: Covered
) -> list[Deduction]:
    rules = reading.rules
    pqr = _evidence_found(reading, number, rules.pqr_evidence)
    visit = _evidence_found(reading, number, rules.visit_evidence)
    escalations = _escalations(reading, number)
    done_labels = [rules.pqr_evidence[key].label for key in pqr]
    done_labels += [rules.visit_evidence[key].label for key in visit]
    done_labels += [rules.escalation_label.format(area=area) for _, area in escalations]
    done = ", ".join(done_labels) or rules.none_labels["nothing"]
    typified = reading.first_event(EventKind.TYPIFICATION, number)
    found: list[Deduction] = []

    def wrong(index: int, expected_text: str) -> None:
        found.append(
            reading.deduct(
                "wrong_resolution",
                reading.moment(index),
                request=number,
                number=number,
                expected=expected_text,
                done=done,
            )
        )

    for want, got, evidence, none in (
        (expected.pqr, pqr, rules.pqr_evidence, "pqr"),
        (expected.visit, visit, rules.visit_evidence, "visit"),
    ):
        if want:
            proof = evidence.get(want)
            if proof is not None and proof.check:
                covered.add((proof.check, number))
            if want not in got:
                wrong(typified, proof.label if proof is not None else want)
        elif got:
            wrong(min(got.values()), rules.none_labels[none])
    areas = [area for _, area in escalations]
    if expected.escalation and not escalations:
        wrong(typified, rules.escalation_label.format(area=expected.escalation))
    elif expected.escalation and expected.escalation not in areas:
        found.append(
            reading.deduct(
                "wrong_dime_area",
                reading.moment(escalations[0][0]),
                request=number,
                number=number,
                done=areas[0],
                expected=expected.escalation,
            )
        )
    elif not expected.escalation and escalations:
        wrong(escalations[0][0], rules.none_labels["escalation"])
    return found


def _typification(
    reading: CallReading, number: int, expected: ExpectedHandling, covered: Covered
) -> list[Deduction]:
    rows = [row for row in reading.facts.typifications if row.request == number]
    covered.add((TYPIFICATION, number))
    if not rows:
        moment = _panel(reading.end, reading.checks[TYPIFICATION][1].panel)
        return [reading.deduct("missing_typification", moment, request=number, number=number)]
    row = rows[-1]
    moment = reading.moment(reading.first_event(EventKind.TYPIFICATION, number))
    found: list[Deduction] = []
    if expected.codes and row.code not in expected.codes:
        found.append(
            reading.deduct(
                "wrong_code",
                moment,
                request=number,
                number=number,
                code=row.code,
                codes=", ".join(expected.codes),
            )
        )
    if expected.contact == Contact.FIRST_CONTACT and not row.first_contact:
        found.append(reading.deduct("wrong_contact", moment, request=number, number=number))
    if expected.contact == Contact.CUN and row.first_contact:
        found.append(
            reading.deduct(
                "broken_promise",
                moment,
                request=number,
                number=number,
                expected=_follow_up(reading, expected),
            )
        )
    if _missing_cun(row):
        found.append(
            reading.deduct("missing_cun", moment, request=number, number=number, code=row.code)
        )
    return found


def _missing_cun(row: TypificationFact) -> bool:
    return row.requires_cun and not row.cun


def _follow_up(reading: CallReading, expected: ExpectedHandling) -> str:
    """What follows the request in the scenario, in words."""
    rules = reading.rules
    parts = []
    if expected.escalation:
        parts.append(rules.escalation_label.format(area=expected.escalation))
    wanted = ((expected.pqr, rules.pqr_evidence), (expected.visit, rules.visit_evidence))
    for want, evidence in wanted:
        if want and want in evidence:
            parts.append(evidence[want].label)
    return ", ".join(parts) or "CUN"
