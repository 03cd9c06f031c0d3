"""A training call at a trainee's desk: it rings from the scenario, the caller talks,
and once its after-call work is done it is scored and kept in the trainee's history."""

from __future__ import annotations

from dataclasses import replace

from swat_tui.domain.services import Services
from swat_tui.domain.training import assignments
from swat_tui.domain.training.live import live_call
from swat_tui.domain.training.model_run import perform
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.domain.training.scorecard_json import from_json
from swat_tui.domain.training.training_call import TrainingCall
from swat_tui.paths import data_dir
from tests.desk_calls import demo_services, demo_template  # noqa: F401

SCENARIO = data_dir() / "scenarios" / "pqr_consulta_vencida.toml"


def test_a_whole_training_call_is_scored_and_kept(demo_services: Services) -> None:  # noqa: F811
    scenario = load_scenario(SCENARIO)
    [given] = assignments.assign(
        demo_services.engine,
        scenario_ids=[scenario.id],
        trainees=["ASESOR01"],
        by="FORMA01",
        now=demo_services.clock(),
    )
    training = TrainingCall.start(demo_services, scenario, username="ASESOR01", assignment=given)
    record = training.ring()
    assert (record.ani, record.queue) == (scenario.caller.phone, scenario.caller.queue)
    assert not training.over
    assert perform(training.desk, scenario.model, cuenta=10000039) == ()
    assert training.over
    lines = training.caller_lines()
    assert [line.cue for line in lines][:2] == ["opening", "request"]
    card = training.finish()
    assert training.finish() is card  # scored once
    [kept] = assignments.history(demo_services.engine)
    assert (kept.call_id, kept.scenario_id, kept.trainee) == (record.id, scenario.id, "ASESOR01")
    assert from_json(kept.scorecard_json) == card
    [done] = assignments.assignments(demo_services.engine)
    assert done.status == "hecha"
    training.leave()


def test_a_trainee_who_hangs_up_mid_call_is_scored_as_abandoned(
    demo_services: Services,  # noqa: F811
) -> None:
    scenario = load_scenario(SCENARIO)
    training = TrainingCall.start(demo_services, scenario, username="ASESOR01")
    training.ring()
    steps = list(scenario.model)
    advance = next(i for i, step in enumerate(steps) if step.do == "call.advance")
    assert perform(training.desk, steps[: advance + 1], cuenta=10000039) == ()
    training.desk.hang_up()
    assert not training.over  # ACW still running
    training.desk.finish_acw()
    card = training.finish()
    assert card.abandoned and not card.passed
    assert "abandoned" in {d.rule for d in card.deductions}
    [kept] = assignments.history(demo_services.engine)
    assert kept.abandoned


def test_a_holder_calling_is_the_holder_rr_shows(demo_services: Services) -> None:  # noqa: F811
    """A demo's names depend on the day it was built: a titular caller of a showcase
    account answers with the holder's name and document of this store."""
    from swat_tui.store.engine import read_session
    from swat_tui.store.models import Account

    scenario = load_scenario(SCENARIO)
    training = TrainingCall.start(demo_services, scenario, username="ASESOR01")
    with read_session(demo_services.engine) as session:
        account = session.get(Account, 10000039)
        assert account is not None
        holder, document = account.holder_name, account.document_number
    caller = training.scenario.caller
    assert (caller.name, caller.document) == (holder, document)
    assert caller.answers["caller_name"] == holder
    assert caller.answers["caller_document"] == document
    assert caller.answers["caller_relation"] == "titular"  # the rest as written


def test_a_killed_sessions_training_call_is_closed_and_scored(
    demo_services: Services,  # noqa: F811
) -> None:
    """The trainee's terminal died mid-call: next time the training store opens, the
    call is closed as abandoned and, being assigned, scored with what happened."""
    from swat_tui.domain.training.training_call import close_interrupted

    scenario = load_scenario(SCENARIO)
    [given] = assignments.assign(
        demo_services.engine,
        scenario_ids=[scenario.id],
        trainees=["ASESOR01"],
        by="FORMA01",
        now=demo_services.clock(),
    )
    training = TrainingCall.start(demo_services, scenario, username="ASESOR01", assignment=given)
    record = training.ring()
    assert perform(training.desk, scenario.model[:4], cuenta=10000039) == ()
    # ...the process is killed here: nothing more of this desk runs.
    find = {scenario.id: scenario}.get
    assert close_interrupted(demo_services, username="ASESOR01", find=find) == 1
    assert close_interrupted(demo_services, username="ASESOR01", find=find) == 0
    [kept] = assignments.history(demo_services.engine)
    assert (kept.call_id, kept.abandoned, kept.passed) == (record.id, True, False)
    [done] = assignments.assignments(demo_services.engine)
    assert done.status == "hecha"
    assert demo_services.calls.interrupted(training.desk.agent.id) == []


def test_the_trainer_sees_the_scenario_an_unassigned_call_plays(
    demo_services: Services,  # noqa: F811
) -> None:
    """A scenario taken without an assignment: its ring's event names it, so TRN012
    shows that scenario even when another one rings from the same number on the
    same queue (it was guessed from the number, and the other could win)."""
    scenario = load_scenario(SCENARIO)
    twin = replace(scenario, id="PQR-GEMELO", title="Otro escenario, el mismo número")
    training = TrainingCall.start(demo_services, scenario, username="ASESOR01")
    training.ring()
    catalog = {s.id: s for s in (scenario, twin)}
    seen = live_call(
        demo_services.engine,
        username="ASESOR01",
        find=catalog.get,
        scenarios=[twin, scenario],  # the number alone would give the twin
    )
    assert seen is not None and (seen.scenario_id, seen.scenario) == (scenario.id, scenario)
    training.leave()
