"""A scenario's model answer played through the desk, headless: the call it leaves."""

from __future__ import annotations

from sqlmodel import col, select

from swat_tui.domain.services import Services
from swat_tui.domain.training.model_run import play, resolve
from swat_tui.domain.training.scenario import (
    Scenario,
)
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.paths import data_dir
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call, CallEvent, Typification
from tests.desk_calls import demo_services, demo_template  # noqa: F401


def _consult_scenario() -> Scenario:
    """The shipped PQR consult scenario."""
    return load_scenario(data_dir() / "scenarios" / "pqr_consulta_vencida.toml")


def test_the_model_answer_plays_a_whole_call(demo_services: Services) -> None:  # noqa: F811
    scenario = _consult_scenario()
    cuenta = SHOWCASE["pqr_overdue"]
    run = play(demo_services, scenario, cuenta=cuenta)
    assert run.refused == ()
    with read_session(demo_services.engine) as session:
        call = session.get(Call, run.call_id)
        assert call is not None
        events = session.exec(
            select(CallEvent).where(CallEvent.call_id == run.call_id).order_by(col(CallEvent.id))
        ).all()
        [typification] = session.exec(
            select(Typification).where(Typification.call_id == run.call_id)
        ).all()
    assert (call.ani, call.cuenta, call.status) == ("3056900846", cuenta, "ended")
    assert typification.code == "PQR-CON-001"
    # The call's clock moved by the steps' seconds: answer to end is the model's time.
    total = sum(step.seconds for step in scenario.model[:-1])  # the last step is ACW
    assert call.answered_at is not None and call.ended_at is not None
    assert (call.ended_at - call.answered_at).total_seconds() == total - scenario.model[0].seconds
    assert call.acw_seconds == scenario.model[-1].seconds
    assert [e.check for e in events if e.kind == "check"][:1] == ["saludo"]


def test_a_refused_step_is_noted_and_the_call_goes_on(demo_services: Services) -> None:  # noqa: F811
    scenario = _consult_scenario()
    steps = list(scenario.model)
    # Swap the F22 typification before the PQR consult is informed: refused at step 7.
    typify = next(i for i, s in enumerate(steps) if s.do == "call.typify")
    del steps[typify - 2]  # the consult is never informed
    run = play(demo_services, scenario, cuenta=SHOWCASE["pqr_overdue"], steps=steps)
    assert run.refused, "a step after the missing one must be refused"
    assert all(r.message for r in run.refused)


def test_references_read_saved_results() -> None:
    class View:
        slots = ({"x": 1},)
        number = "LLS123"

    saved: dict[str, object] = {"orden": View(), "cuenta": 10000001}
    assert resolve("=orden.number", saved) == "LLS123"
    assert resolve("=cuenta", saved) == 10000001
    assert resolve("texto", saved) == "texto"


def test_the_caller_answers_what_the_model_answer_asks(demo_services: Services) -> None:  # noqa: F811
    """The transcript comes from the call's events: the opening on answering, the
    request after the welcome, the document only once asked, the closing at "¿algo más?"."""
    from swat_tui.domain.training.caller import transcript
    from swat_tui.store.queries.calls import events_of

    scenario = _consult_scenario()
    run = play(demo_services, scenario, cuenta=SHOWCASE["pqr_overdue"])
    assert run.refused == ()
    with read_session(demo_services.engine) as session:
        events = events_of(session, call_ids=[run.call_id])
        lines = transcript(scenario, events)
    assert [line.cue for line in lines] == [
        "opening",
        "request",
        "answer:caller_name",
        "answer:caller_document",
        "answer:caller_relation",
        "answer:callback_number",
        "closing",
    ]
    assert lines[1].text == "Puse un reclamo hace un mes y nadie me ha respondido."
    assert lines[3].text == "1050577"
    assert lines[0].text == "Aló, sí, buenas tardes."  # the scenario's own opening
    assert lines[-1].text == "No, eso era todo. Gracias."
