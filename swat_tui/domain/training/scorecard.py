"""The scorecard of a training call: what the procedure and the scenario asked, what
the trainee did, and the score.

``score(facts, scenario, procedure, rules)`` is a pure function over the call's
facts (``call_facts`` loads them from the store): adherence to the procedure's
applicable checks and their order; critical errors in the three COPC categories
(end user, business, compliance), any of which fails the call whatever it
scores; non-critical deviations; the handle time against the scenario's target.
A call starts at 100 and every deduction takes its points away; each says, in
Spanish, which rule, why, and the moment (elapsed time and panel). Weights,
pass mark, thresholds and messages are data (``data/scorecard.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.training import scorecard_conduct as conduct
from swat_tui.domain.training import scorecard_procedure as procedure_rules
from swat_tui.domain.training.call_facts import CallFacts, call_facts
from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scorecard_reading import CallReading, Deduction, Moment
from swat_tui.domain.training.scorecard_scenario import scenario_rules
from swat_tui.domain.training.scoring_rules import ScoringRules, load_scoring_rules

__all__ = [
    "Adherence",
    "CallFacts",
    "Deduction",
    "Moment",
    "Scorecard",
    "ScoringRules",
    "call_facts",
    "load_scoring_rules",
    "score",
]


@dataclass(frozen=True)
class Adherence:
    """The procedure's checks this call asked for, how many were done, and how many
    of those were recorded in the procedure's order."""

    applicable: int
    done: int
    in_order: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 100


@dataclass(frozen=True)
class Scorecard:
    """A scored training call."""

    call_id: int
    scenario_id: str
    score: float  # 0..100
    passed: bool
    pass_mark: float
    abandoned: bool  # the line went down mid-call: scored with what happened
    adherence: Adherence
    handle_seconds: int
    target_seconds: int
    deductions: tuple[Deduction, ...]  # in the order they happened

    @property
    def critical(self) -> tuple[Deduction, ...]:
        """The critical errors: any one fails the call."""
        return tuple(d for d in self.deductions if d.critical)

    def by_category(self, category: str) -> tuple[Deduction, ...]:
        return tuple(d for d in self.deductions if d.category == category)


def score(
    call: CallFacts,
    scenario: Scenario,
    procedure: ProcedureDef,
    rules: ScoringRules | None = None,
) -> Scorecard:
    """The scorecard of ``call`` against ``scenario`` and the procedure."""
    rules = rules or load_scoring_rules()
    reading = CallReading(call, scenario, procedure, rules)
    applicable = procedure_rules.applicable_checks(reading)
    found, covered = scenario_rules(reading)
    found += procedure_rules.blacklist_disclosure(reading)
    found += procedure_rules.pqr_unvalidated(reading, covered)
    closing = procedure_rules.closing_skipped(reading, applicable)
    if closing:
        covered |= {(check, 0) for check in procedure_rules.CLOSING_CHECKS}
    found += closing
    found += procedure_rules.missing_checks(reading, applicable, covered)
    ordered, in_order = procedure_rules.out_of_order(reading)
    found += ordered
    found += conduct.short_notes(reading)
    found += conduct.silent_holds(reading)
    found += conduct.blind_retries(reading)
    found += conduct.abandoned(reading)
    seconds = conduct.handle_seconds(reading)
    found += conduct.handle_time(reading, seconds)
    deductions = tuple(sorted(found, key=lambda d: d.moment.seconds))  # stable: rule order
    total = round(max(0.0, 100.0 - sum(d.points for d in deductions)), 1)
    critical = any(d.critical for d in deductions) and rules.critical_fails
    done = sum(1 for item in applicable if procedure_rules.is_done(reading, item))
    return Scorecard(
        call_id=call.call_id,
        scenario_id=scenario.id,
        score=total,
        passed=not critical and total >= rules.pass_mark,
        pass_mark=rules.pass_mark,
        abandoned=conduct.is_abandoned(reading),
        adherence=Adherence(len(applicable), done, in_order),
        handle_seconds=seconds,
        target_seconds=scenario.target_seconds,
        deductions=deductions,
    )
