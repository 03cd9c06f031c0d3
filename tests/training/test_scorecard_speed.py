"""The long call of ``bench/scorecard.py`` is a correct call, so the bench times real
scoring work (its timing goal, p95 under 50 ms, is the bench's to report, never a test's)."""

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


def test_the_bench_reports_a_figure() -> None:
    [figure] = bench.run(repeats=2)
    assert figure.value is not None and figure.value > 0
