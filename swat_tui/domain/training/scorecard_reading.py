"""One call read once for its scorecard: its final state, and the moment of each event.

The scorecard's rules (``scorecard_procedure``, ``scorecard_scenario``,
``scorecard_conduct``) share this reading so the events are walked and
replayed once: a deduction says when it happened (seconds since the call was
answered) and on which panel — the last ``panel`` event's (the UI writes one
for every panel put on top) or, for a call played without a UI, the panel of
the step and route the call was on.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import datetime

from swat_tui.domain.call.events import EventKind, detail_of
from swat_tui.domain.call.replay import replay
from swat_tui.domain.procedure.definition import CheckDef, ProcedureDef, StepDef
from swat_tui.domain.procedure.state import SUBFLOW_FIELD, CallState
from swat_tui.domain.training.call_facts import CallFacts, EventFact
from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scoring_rules import ScoringRules

# The events that end the line: the moment a missing check is charged to.
LINE_DOWN = frozenset({EventKind.CLOSE, EventKind.HANG_UP, EventKind.TRANSFER, EventKind.ABANDON})


@dataclass(frozen=True)
class Moment:
    """When in the call: seconds since it was answered, and the panel on screen."""

    seconds: int
    panel: str

    @property
    def clock(self) -> str:
        """``mm:ss`` as the softphone shows a call's time."""
        return f"{self.seconds // 60:02d}:{self.seconds % 60:02d}"


@dataclass(frozen=True)
class Deduction:
    """One thing the trainee lost points for, explained."""

    rule: str  # the rule's id in data/scorecard.toml
    category: str  # adherence | end_user | business | compliance | deviation | time
    points: float
    critical: bool
    message: str  # Spanish, the rule's own message with the specifics filled in
    moment: Moment
    request: int = 0  # the request it is about, 0 for the whole call


class CallReading:
    """A call's facts with what every rule needs computed once."""

    def __init__(
        self,
        facts: CallFacts,
        scenario: Scenario,
        procedure: ProcedureDef,
        rules: ScoringRules,
    ) -> None:
        self.facts = facts
        self.scenario = scenario
        self.procedure = procedure
        self.rules = rules
        self.events = facts.events
        self.state: CallState = replay(facts.events, procedure)
        self.base = facts.answered_at or facts.started_at
        self.checks: dict[str, tuple[CheckDef, StepDef]] = {}
        self.position: dict[str, int] = {}  # a check's place in the procedure's order
        for step in procedure.steps:
            for check in step.checks:
                self.checks[check.id] = (check, step)
                self.position[check.id] = len(self.position)
        self.panels = self._panels()
        self._times = [event.at for event in self.events]
        self.end_index = next(
            (i for i, e in enumerate(self.events) if e.kind in LINE_DOWN), len(self.events) - 1
        )

    # -- moments ------------------------------------------------------------------------

    def _panels(self) -> list[str]:
        """The panel on screen at each event: the UI's last ``panel`` event; without
        one, the panel a check is recorded on, else the step's (and route's)."""
        panels: list[str] = []
        shown = ""
        branch_of: dict[int, str] = {}
        subflow_of: dict[int, str] = {}
        for event in self.events:
            kind = event.kind
            if kind == EventKind.PANEL:
                shown = event.check
            elif kind == EventKind.REQUEST:
                detail = detail_of(event.detail)
                branch_of[int(str(detail.get("number", event.request)))] = str(detail["branch"])
            elif kind == EventKind.SUBFLOW:
                subflow_of[event.request] = event.result
            own = self.checks.get(event.check) if kind == EventKind.CHECK else None
            recorded_on = own[0].panel if own is not None else None
            panels.append(shown or recorded_on or self._step_panel(event, branch_of, subflow_of))
        return panels

    def _step_panel(
        self, event: EventFact, branch_of: dict[int, str], subflow_of: dict[int, str]
    ) -> str:
        if not 1 <= event.step <= len(self.procedure.steps):
            return ""
        step = self.procedure.step(event.step)
        if step.panel or step.branch is None:
            return step.panel or ""
        own = branch_of.get(event.request) == step.branch
        return self.route_panel(step.branch, subflow_of.get(event.request, "") if own else "")

    def route_panel(self, branch: str, subflow: str) -> str:
        routes = self.procedure.routes
        if routes is None:
            return ""
        try:
            return routes.route(branch, subflow).panel
        except KeyError:
            return routes.entry(branch).panel if subflow else ""

    def seconds_at(self, moment: datetime) -> int:
        return max(int((moment - self.base).total_seconds()), 0)

    def moment(self, index: int) -> Moment:
        """The moment of event ``index`` (the end of the call for -1 or past the end)."""
        if not self.events:
            return Moment(0, "")
        if index < 0 or index >= len(self.events):
            index = self.end_index
        event = self.events[index]
        return Moment(self.seconds_at(event.at), self.panels[index])

    def moment_at(self, at: datetime) -> Moment:
        """The moment of something the events do not hold (a refused intent): its time,
        and the panel of the last event before it."""
        index = bisect_right(self._times, at) - 1
        return Moment(self.seconds_at(at), self.panels[index] if index >= 0 else "")

    @property
    def end(self) -> Moment:
        """When the line went down (or the last event of a call still open)."""
        return self.moment(self.end_index)

    # -- the procedure ------------------------------------------------------------------

    def check_panel(self, check: CheckDef, step: StepDef, request: int) -> str:
        """The panel that records ``check`` for ``request``: its own, its step's, or
        the route its request took."""
        if check.panel:
            return check.panel
        if step.panel:
            return step.panel
        if step.branch is None:
            return ""
        state = self.request_state(request)
        return self.route_panel(step.branch, state.subflow_in(step.branch))

    def request_state(self, number: int) -> CallState:
        """The final state as it stood for request ``number`` (its branch and sub-flow
        current), to ask the engine which checks applied to it."""
        requests = self.state.requests
        kept = tuple(r for r in requests if r.number <= number)
        return replace(self.state, requests=kept)

    def subflow(self, number: int) -> str:
        return self.state.fields.get(SUBFLOW_FIELD.format(number=number), "")

    def first_event(self, kind: str, request: int | None = None, check: str = "") -> int:
        """The index of the first event of ``kind`` (for ``request``, named ``check``),
        or -1 (the end of the call)."""
        for index, event in enumerate(self.events):
            if event.kind != kind or (request is not None and event.request != request):
                continue
            if check and event.check != check:
                continue
            return index
        return -1

    # -- deductions -----------------------------------------------------------------------

    def deduct(
        self,
        rule_id: str,
        moment: Moment,
        *,
        request: int = 0,
        points: float | None = None,
        **values: object,
    ) -> Deduction:
        """A deduction of rule ``rule_id`` with its message filled in with ``values``."""
        rule = self.rules.rule(rule_id)
        return Deduction(
            rule=rule.id,
            category=rule.category,
            points=rule.points if points is None else points,
            critical=rule.critical,
            message=rule.text(**values),
            moment=moment,
            request=request,
        )
