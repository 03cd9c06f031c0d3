"""The scorecard of a shipped scenario's model answer played headless (``model_run``),
and of its mutations: a step dropped, two swapped — exactly the expected deductions.

"""

from __future__ import annotations

from collections import Counter

import pytest

from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.services import Services
from swat_tui.domain.training.call_facts import call_facts
from swat_tui.domain.training.model_run import play
from swat_tui.domain.training.scenario import (
    ModelStep,
    Scenario,
)
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.domain.training.scorecard import Scorecard, score
from swat_tui.domain.training.scoring_rules import load_scoring_rules
from swat_tui.paths import data_dir
from swat_tui.store.demo import SHOWCASE

FILE = data_dir() / "scenarios" / "pqr_consulta_vencida.toml"
_META = {"do", "save", "seconds"}


def _shipped() -> Scenario:
    return load_scenario(FILE)


def _index(steps: list[ModelStep], do: str, **args: object) -> int:
    return next(
        i
        for i, s in enumerate(steps)
        if s.do == do and all(s.args.get(k) == v for k, v in args.items())
    )


def _score(services: Services, scenario: Scenario, steps: list[ModelStep]) -> Scorecard:
    run = play(services, scenario, cuenta=SHOWCASE[scenario.account.showcase or ""], steps=steps)
    facts = call_facts(services.engine, run.call_id)
    return score(facts, scenario, load_procedure(), load_scoring_rules())


def _rules(card: Scorecard) -> Counter[str]:
    return Counter(d.rule for d in card.deductions)


def test_the_model_answer_scores_100(demo_services: Services) -> None:
    scenario = _shipped()
    card = _score(demo_services, scenario, list(scenario.model))
    assert card.deductions == (), [d.message for d in card.deductions]
    assert (card.score, card.passed) == (100.0, True)


def _swap(steps: list[ModelStep], i: int, j: int) -> list[ModelStep]:
    out = list(steps)
    out[i], out[j] = out[j], out[i]
    return out


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (
            lambda s: _swap(
                s,
                _index(s, "call.record_check", check_id="pqr_revisada"),
                _index(s, "call.record_check", check_id="estado_revisado"),
            ),
            {"out_of_order": 1},
        ),
        (
            lambda s: s[: _index(s, "call.typify")] + s[_index(s, "call.typify") + 1 :],
            {"missing_typification": 1},
        ),
        (
            lambda s: [x for x in s if x.args.get("check_id") != "guion_cierre"],
            {"closing_skipped": 1},
        ),
        (
            lambda s: [*s[: _index(s, "call.typify") + 1], ModelStep("hang_up", {})],
            {"closing_skipped": 1, "check_missing": 2, "abandoned": 1},
        ),
    ],
    ids=["swap-step2-checks", "drop-typify", "drop-closing-script", "hang-up-after-typify"],
)
def test_a_mutated_model_answer_shows_exactly_its_deductions(
    demo_services: Services, mutation: object, expected: dict[str, int]
) -> None:
    scenario = _shipped()
    steps = mutation(list(scenario.model))  # type: ignore[operator]
    card = _score(demo_services, scenario, steps)
    assert _rules(card) == expected, [d.message for d in card.deductions]
    assert not card.passed or set(expected) <= {"out_of_order"}


def test_one_panels_intro_order_is_not_judged(demo_services: Services) -> None:
    """LLM008 records the closing script as its field is left and "sin más solicitudes"
    with its Intro: a trainee who typed them in order has them recorded the other way
    round, and the scorecard does not charge the order the panel made."""
    scenario = _shipped()
    steps = list(scenario.model)
    closing = _index(steps, "call.record_check", check_id="guion_cierre")
    nothing_else = _index(steps, "call.record_check", check_id="nada_mas")
    card = _score(demo_services, scenario, _swap(steps, closing, nothing_else))
    assert card.deductions == (), [d.message for d in card.deductions]
