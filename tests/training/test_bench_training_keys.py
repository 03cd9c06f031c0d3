"""The trainee's key bench (``bench/training_keys.py``) and the scorecard bench are
registered, and what the trainee types agrees with the scenarios it rings (no timing:
the figures are the bench's, on a quiet machine)."""

from __future__ import annotations

from typing import cast

from bench import training_keys
from bench.__main__ import BENCHES, parse_args
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.training.scenario import Contact
from swat_tui.domain.training.training_call import TrainingCall
from swat_tui.store.demo import SHOWCASE


def test_both_trainer_benches_can_be_run_alone() -> None:
    for name in ("scorecard", "training_keys"):
        assert name in BENCHES
        assert parse_args(["--quick", "--only", name]).only == name


def test_the_trainee_types_what_each_scenario_expects() -> None:
    procedure = load_procedure()
    played = training_keys.scenarios()
    assert [s.id for s in played] == ["PQR-CON-01", "SAC-FAC-01", "MAS-REP-01"]
    for how, scenario in zip(training_keys.SCENARIOS, played, strict=True):
        expected = scenario.expected[0]
        assert procedure.branch(expected.branch).option == how.branch, scenario.id
        assert how.code in expected.codes, scenario.id
        cun = expected.contact == Contact.CUN
        assert how.resolution == ("2" if cun else "1"), scenario.id
        assert scenario.account.showcase is not None
        assert training_keys.cuenta_of(scenario) == str(SHOWCASE[scenario.account.showcase])
        assert scenario.caller.lines.request  # typed as the request on LLM002


def test_the_scoring_of_a_call_is_timed_and_its_card_returned() -> None:
    class Call:
        def finish(self) -> str:
            return "card"

    call, spent = Call(), cast(list[float], [])
    training_keys._timed_finish(cast(TrainingCall, call), spent)
    assert call.finish() == "card"
    assert len(spent) == 1 and spent[0] >= 0


def test_every_figure_has_its_label() -> None:
    keys = [name for name, _ in training_keys.FIGURES + training_keys.SCORED]
    assert keys == ["llm001", "llm002", "subflow", "f22", "tip001", "trn030"]
