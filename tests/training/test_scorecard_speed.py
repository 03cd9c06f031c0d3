"""The scorecard of a long call (``bench/scorecard.py``): correct, and fast enough to
score after every training call (the issue's goal: p95 under 50 ms)."""

from __future__ import annotations

from bench import scorecard as bench
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.training.scorecard import score
from swat_tui.domain.training.scoring_rules import load_scoring_rules


def test_the_long_call_of_the_benchmark_is_a_correct_call() -> None:
    facts = bench.long_call()
    assert len(facts.events) >= 290
    card = score(facts, bench.scenario(), load_procedure(), load_scoring_rules())
    assert card.deductions == () and card.passed
    assert card.adherence.applicable == card.adherence.done == 13


def test_scoring_a_long_call_meets_its_goal() -> None:
    [figure] = bench.run(repeats=30)
    assert figure.value is not None and figure.value < bench.GOAL_P95_MS, figure
