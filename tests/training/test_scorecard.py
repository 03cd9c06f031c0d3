"""The scorecard: a correct call scores 100; each rule proven by a mutation of a
correct call (an action dropped, two swapped, one done otherwise) that makes
exactly the expected deductions appear, and nothing else."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.services import Services
from swat_tui.domain.training.call_facts import CallFacts, call_facts
from swat_tui.domain.training.scenario import Contact, Scenario
from swat_tui.domain.training.scorecard import Scorecard, score
from swat_tui.domain.training.scoring_rules import load_scoring_rules
from tests.training.scorecard_calls import (
    CONSULT,
    ESCALATE,
    FILE,
    Action,
    blacklist_consult_call,
    change,
    consult_call,
    cut_after,
    drop,
    escalation_call,
    file_pqr,
    filing_call,
    insert_before,
    move_before,
    play,
    scenario,
    swap,
    typify,
)

PROCEDURE = load_procedure()
RULES = load_scoring_rules()


def _facts(services: Services, actions: list[Action]) -> CallFacts:
    return call_facts(services.engine, play(services, actions).call_id)


def _score(services: Services, actions: list[Action], on: Scenario) -> Scorecard:
    return score(_facts(services, actions), on, PROCEDURE, RULES)


def _without(facts: CallFacts, kind: str, name: str) -> CallFacts:
    """The call's facts with its one event ``kind``/``name`` removed: an action the
    engine makes impossible to skip, removed after the fact."""
    kept = tuple(e for e in facts.events if (e.kind, e.check) != (kind, name))
    assert len(kept) == len(facts.events) - 1, (kind, name)
    return replace(facts, events=kept)


def _rules(card: Scorecard) -> Counter[str]:
    return Counter(d.rule for d in card.deductions)


def _explain(card: Scorecard) -> str:
    return "\n".join(f"{d.rule} {d.points} {d.moment.clock} {d.message}" for d in card.deductions)


# -- correct calls -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actions", "on"),
    [
        (consult_call(), scenario(CONSULT)),
        (blacklist_consult_call(), scenario(CONSULT, showcase="blacklist")),
        (filing_call(), scenario(FILE, showcase="activa")),
    ],
    ids=["consult", "blacklist", "filing"],
)
def test_a_correct_call_scores_100_and_passes(
    demo_services: Services, actions: list[Action], on: Scenario
) -> None:
    card = _score(demo_services, actions, on)
    assert card.deductions == (), _explain(card)
    assert (card.score, card.passed, card.abandoned) == (100.0, True, False)
    assert card.adherence.done == card.adherence.applicable == card.adherence.in_order
    assert 0 < card.handle_seconds <= on.target_seconds


@pytest.mark.parametrize(
    ("actions", "on"),
    [(escalation_call(), scenario(ESCALATE, showcase="activa"))],
    ids=["escalation"],
)
def test_a_correct_escalation_scores_100(
    demo_services: Services, actions: list[Action], on: Scenario
) -> None:
    card = _score(demo_services, actions, on)
    assert card.deductions == (), _explain(card)
    assert card.passed


# -- adherence and its order ------------------------------------------------------------


def test_a_check_not_done_is_one_adherence_deduction(demo_services: Services) -> None:
    """The engine refuses to go on without a step's checks: removed after the fact."""
    facts = _without(_facts(demo_services, consult_call()), "check", "estado_revisado")
    card = score(facts, scenario(CONSULT), PROCEDURE, RULES)
    assert _rules(card) == {"check_missing": 1}, _explain(card)
    [deduction] = card.deductions
    assert deduction.message == (
        "No se registró «Estado de la cuenta revisado» (paso 2: Interpretación del requerimiento)."
    )
    assert (deduction.category, deduction.points, deduction.critical) == ("adherence", 5, False)
    assert deduction.moment.panel == "LLM002"
    assert deduction.moment.seconds == card.handle_seconds - 20  # the line down, before ACW
    assert (card.score, card.passed) == (95.0, True)
    assert card.adherence.done == card.adherence.applicable - 1


def test_two_checks_swapped_are_one_order_deviation(demo_services: Services) -> None:
    card = _score(
        demo_services, swap(consult_call(), "pqr_revisada", "estado_revisado"), scenario(CONSULT)
    )
    assert _rules(card) == {"out_of_order": 1}, _explain(card)
    [deduction] = card.deductions
    assert deduction.message == (
        "«PQR pendiente revisada» se registró después de «Estado de la cuenta revisado»; "
        "el procedimiento pide primero «PQR pendiente revisada»."
    )
    assert deduction.moment.panel == "LLM002"
    names = [a.name for a in consult_call()]
    assert deduction.moment.seconds == 5 * names.index("estado_revisado")  # answered at 5 s
    assert card.adherence.in_order == card.adherence.applicable - 1
    assert (card.score, card.passed) == (98.0, True)


# -- critical: end user ------------------------------------------------------------------


def test_a_request_the_scenario_has_and_the_call_not_is_missing(demo_services: Services) -> None:
    second = replace(
        CONSULT, says="Y quiere cambiar la factura a digital", branch="sac", subflow=""
    )
    card = _score(demo_services, consult_call(), scenario(CONSULT, second))
    assert _rules(card) == {"missing_request": 1}, _explain(card)
    assert card.deductions[0].message == (
        "No se atendió la solicitud 2 del cliente: «Y quiere cambiar la factura a digital»."
    )
    assert card.deductions[0].critical and not card.passed


def test_a_different_resolution_than_expected(demo_services: Services) -> None:
    """The scenario asks a PQR filed (on whatever panel): the call only consulted."""
    wants_filing = replace(CONSULT, subflow="", pqr="radicar", codes=())
    card = _score(demo_services, consult_call(), scenario(wants_filing))
    assert _rules(card) == {"wrong_resolution": 1}, _explain(card)
    assert card.deductions[0].message == (
        "Solicitud 1: se esperaba la radicación de una PQR y se hizo la consulta de la PQR."
    )
    assert card.deductions[0].category == "end_user" and not card.passed


def test_an_escalation_left_out_is_a_wrong_resolution_and_a_broken_promise(
    demo_services: Services,
) -> None:
    """Solved "on the line" instead of escalated, and typified as first contact."""
    actions = change(
        escalation_call(),
        "escalate",
        lambda d: d.call.record_check("facturacion_resuelta", "resuelta"),
    )
    actions = change(actions, "typify", typify("SAC-DIM-001", first_contact=True))
    card = _score(demo_services, actions, scenario(ESCALATE, showcase="activa"))
    assert _rules(card) == {"wrong_resolution": 1, "broken_promise": 1}, _explain(card)
    messages = {d.rule: d.message for d in card.deductions}
    assert messages["wrong_resolution"] == (
        "Solicitud 1: se esperaba el escalamiento a DIME facturacion y se hizo nada de eso."
    )
    assert "el escalamiento a DIME facturacion" in messages["broken_promise"]


def test_closed_as_solved_what_goes_on_is_a_broken_promise(demo_services: Services) -> None:
    follow_up = replace(CONSULT, contact=Contact.CUN)
    card = _score(demo_services, consult_call(), scenario(follow_up))
    assert _rules(card) == {"broken_promise": 1}, _explain(card)


# -- critical: business --------------------------------------------------------------------


def test_a_typification_code_the_scenario_does_not_accept(demo_services: Services) -> None:
    actions = change(consult_call(), "typify", typify("PQR-DES-001"))
    card = _score(demo_services, actions, scenario(CONSULT))
    assert _rules(card) == {"wrong_code": 1}, _explain(card)
    [deduction] = card.deductions
    assert (
        deduction.message
        == "Solicitud 1: se tipificó PQR-DES-001; el escenario acepta PQR-CON-001."
    )
    assert deduction.moment.panel == "TIP001" and deduction.category == "business"
    assert not card.passed and card.score == 80.0


def test_a_request_not_typified(demo_services: Services) -> None:
    card = _score(demo_services, drop(consult_call(), "typify"), scenario(CONSULT))
    assert _rules(card) == {"missing_typification": 1}, _explain(card)
    assert card.deductions[0].message == "La solicitud 1 no se tipificó (F22)."


def test_follow_up_typified_for_a_first_contact_request(demo_services: Services) -> None:
    actions = change(consult_call(), "typify", typify("PQR-CON-001", first_contact=False))
    card = _score(demo_services, actions, scenario(CONSULT))
    assert _rules(card) == {"wrong_contact": 1}, _explain(card)


def test_a_code_that_needs_a_cun_typified_without_one(demo_services: Services) -> None:
    accepts = replace(CONSULT, codes=("PQR-CON-001", "PQR-QUE-001"))
    actions = change(consult_call(), "typify", typify("PQR-QUE-001", first_contact=True))
    card = _score(demo_services, actions, scenario(accepts))
    assert _rules(card) == {"missing_cun": 1}, _explain(card)
    assert "PQR-QUE-001 exige CUN" in card.deductions[0].message


def test_escalated_to_the_wrong_dime_area(demo_services: Services) -> None:
    card = _score(demo_services, escalation_call("cartera"), scenario(ESCALATE, showcase="activa"))
    assert _rules(card) == {"wrong_dime_area": 1}, _explain(card)
    assert card.deductions[0].message == (
        "Solicitud 1: se escaló a DIME cartera; correspondía DIME facturacion."
    )


def test_the_wrong_sub_flow_is_one_route_error(demo_services: Services) -> None:
    """What follows from the wrong route (resolution, code) is not charged again."""
    desist = replace(CONSULT, subflow="desistir", pqr="desistir", codes=("PQR-DES-001",))
    card = _score(demo_services, consult_call(), scenario(desist))
    assert _rules(card) == {"wrong_route": 1}, _explain(card)
    assert card.deductions[0].message == (
        "Solicitud 1: se atendió por PQR (Consultar) y correspondía PQR (Desistir)."
    )


# -- critical: compliance --------------------------------------------------------------------


def test_a_blacklisted_request_handled_before_f7_and_identity(demo_services: Services) -> None:
    actions = move_before(
        blacklist_consult_call(), ["request", "subflow", "pqr_consultada"], "read_f7"
    )
    card = _score(demo_services, actions, scenario(CONSULT, showcase="blacklist"))
    # F7, identity and the account's status then came after: three order deviations.
    assert _rules(card) == {"blacklist_disclosure": 1, "out_of_order": 3}, _explain(card)
    [breach] = card.by_category("compliance")
    assert breach.message == (
        "Cuenta con BLACKLIST: se gestionó («PQR consultada e informada») antes de leer "
        "las notas F7 y validar la identidad."
    )
    assert breach.moment.panel == "PQR010" and not card.passed


def test_a_pqr_filed_without_validated_data(demo_services: Services) -> None:
    """Filing refuses it: the validation removed after the fact."""
    facts = _without(_facts(demo_services, filing_call()), "check", "pqr_datos_validados")
    card = score(facts, scenario(FILE, showcase="activa"), PROCEDURE, RULES)
    assert _rules(card) == {"pqr_unvalidated": 1}, _explain(card)
    assert card.deductions[0].message.startswith("Solicitud 1: se radicó la PQR RAD")


def test_the_closing_script_skipped(demo_services: Services) -> None:
    facts = _without(_facts(demo_services, consult_call()), "check", "guion_cierre")
    card = score(facts, scenario(CONSULT), PROCEDURE, RULES)
    assert _rules(card) == {"closing_skipped": 1}, _explain(card)
    assert card.deductions[0].message == "Se omitió el protocolo de cierre: «Guion de cierre»."
    assert card.deductions[0].moment.panel == "LLM008"


def test_a_call_hung_up_mid_way_is_scored_and_marked_abandoned(demo_services: Services) -> None:
    hang_up = Action("hang_up", lambda d: d.hang_up())
    card = _score(demo_services, cut_after(consult_call(), "typify", hang_up), scenario(CONSULT))
    assert _rules(card) == {"closing_skipped": 1, "check_missing": 2, "abandoned": 1}, _explain(
        card
    )
    assert card.abandoned and not card.passed
    messages = [d.message for d in card.deductions]
    assert (
        "Se omitió el protocolo de cierre: «Guion de cierre», «Encuesta de satisfacción»."
        in messages
    )
    assert (
        "Llamada abandonada: la línea se cortó (colgada) antes de terminar el procedimiento."
        in messages
    )


# -- non-critical deviations ---------------------------------------------------------------


def test_typification_notes_too_short(demo_services: Services) -> None:
    actions = change(consult_call(), "typify", typify("PQR-CON-001", notes="ok"))
    card = _score(demo_services, actions, scenario(CONSULT))
    assert _rules(card) == {"short_notes": 1}, _explain(card)
    assert card.passed and card.score == 97.0


def test_pqr_notes_too_short(demo_services: Services) -> None:
    actions = change(filing_call(), "file", file_pqr(notes="Cobro doble en la factura."))
    card = _score(demo_services, actions, scenario(FILE, showcase="activa"))
    assert _rules(card) == {"short_pqr_notes": 1}, _explain(card)


HOLD = (
    Action("hold_script", lambda d: d.call.read_script("hold")),
    Action("hold", lambda d: d.hold_or_resume(), seconds=2),
    Action("resume", lambda d: d.hold_or_resume(), seconds=30),
)


def test_a_hold_the_customer_was_told_of_costs_nothing(demo_services: Services) -> None:
    actions = insert_before(consult_call(), "pqr_consultada", *HOLD)
    card = _score(demo_services, actions, scenario(CONSULT))
    assert card.deductions == (), _explain(card)


def test_a_hold_without_the_hold_script(demo_services: Services) -> None:
    actions = drop(insert_before(consult_call(), "pqr_consultada", *HOLD), "hold_script")
    card = _score(demo_services, actions, scenario(CONSULT))
    assert _rules(card) == {"silent_hold": 1}, _explain(card)
    assert card.deductions[0].moment.panel == "PQR010"


def test_a_refused_intent_retried_blindly(demo_services: Services) -> None:
    again = [Action(f"advance_again_{n}", lambda d: d.call.advance()) for n in (1, 2)]
    actions = insert_before(consult_call(), "estado_revisado", *again)
    card = _score(demo_services, actions, scenario(CONSULT))
    assert _rules(card) == {"blind_retry": 1}, _explain(card)
    assert card.deductions[0].message.startswith(
        "Se repitió «call.advance» sin corregir nada y se volvió a rechazar: "
    )


def test_a_refusal_retried_after_doing_something_is_not_blind(demo_services: Services) -> None:
    actions = insert_before(
        consult_call(), "pqr_revisada", Action("a1", lambda d: d.call.advance())
    )
    actions = insert_before(actions, "estado_revisado", Action("a2", lambda d: d.call.advance()))
    card = _score(demo_services, actions, scenario(CONSULT))
    assert card.deductions == (), _explain(card)


def test_handle_time_over_the_target(demo_services: Services) -> None:
    facts = _facts(demo_services, consult_call())
    seconds = score(facts, scenario(CONSULT), PROCEDURE, RULES).handle_seconds
    on_time = score(facts, scenario(CONSULT, target_seconds=seconds), PROCEDURE, RULES)
    assert on_time.deductions == ()
    assert seconds == 125  # 105 s from the answer to the end, then 20 s of ACW
    over = score(facts, scenario(CONSULT, target_seconds=100), PROCEDURE, RULES)
    assert _rules(over) == {"handle_time": 1}
    # 25 % over: 15 past the 10 % tolerance, two started steps of 10 %, 2 points each.
    [deduction] = over.deductions
    assert (deduction.points, over.passed, over.score) == (4, True, 96.0)
    assert deduction.message == "la llamada tomó 125 s para un objetivo de 100 s (25 % por encima)."
    far_over = score(facts, scenario(CONSULT, target_seconds=seconds // 10), PROCEDURE, RULES)
    assert far_over.deductions[0].points == 10  # capped


def test_an_escalation_the_scenario_does_not_ask_for(demo_services: Services) -> None:
    solved = replace(ESCALATE, escalation="", contact=Contact.FIRST_CONTACT)
    card = _score(demo_services, escalation_call(), scenario(solved, showcase="activa"))
    assert _rules(card) == {"wrong_resolution": 1, "wrong_contact": 1}, _explain(card)
    [wrong] = card.by_category("end_user")
    assert wrong.message == (
        "Solicitud 1: se esperaba ningún escalamiento a DIME "
        "y se hizo el escalamiento a DIME facturacion."
    )


def test_a_scorecard_file_missing_a_rule_is_refused() -> None:
    import tomllib

    from swat_tui.domain.training.scoring_rules import ScoringRulesError, parse_scoring_rules
    from swat_tui.paths import data_dir

    raw = tomllib.loads((data_dir() / "scorecard.toml").read_text(encoding="utf-8"))
    del raw["rules"]["silent_hold"]
    with pytest.raises(ScoringRulesError, match="silent_hold"):
        parse_scoring_rules(raw)
    raw = tomllib.loads((data_dir() / "scorecard.toml").read_text(encoding="utf-8"))
    raw["rules"]["silent_hold"]["category"] = "grave"
    with pytest.raises(ScoringRulesError, match="grave"):
        parse_scoring_rules(raw)
