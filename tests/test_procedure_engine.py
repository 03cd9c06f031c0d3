"""Every rule of the procedure engine, on plain states (no store, no UI)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import pytest

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure import engine
from swat_tui.domain.procedure.definition import load_procedure, parse_procedure
from swat_tui.domain.procedure.guide import guide
from swat_tui.domain.procedure.state import CallState

P = load_procedure()
AT = datetime(2026, 11, 28, 9, 30, tzinfo=BOGOTA)
STEP1 = ("contestada", "saludo", "datos_llamante", "cuenta_abierta")


def through_step1(flags: frozenset[str] = frozenset()) -> CallState:
    state = CallState(flags=flags)
    for check in STEP1:
        state = engine.record(P, state, check, "ok", AT)
    return engine.advance(P, state)


def typified(state: CallState, branch: str = "sac") -> CallState:
    state = engine.record(P, state, "estado_revisado", "ACTIVA", AT)
    state = engine.start_request(P, state, branch, "Consulta de factura", AT)
    state = engine.advance(P, state)
    assert state.step == {"sac": 3, "soporte": 4, "visita": 5, "pqr": 6}[branch]
    state = engine.record(P, state, P.branch_step(branch).checks[0].id, "ok", AT)
    state = engine.advance(P, state)
    assert state.step == 7
    state = engine.record(P, state, "tipificada", "SAC0101", AT)
    return engine.advance(P, state)


def test_the_definition_has_eight_steps_with_four_branch_steps() -> None:
    assert [s.number for s in P.steps] == list(range(1, 9))
    assert [s.branch for s in P.steps[2:6]] == ["sac", "soporte", "visita", "pqr"]


def test_step_cannot_be_left_with_a_pending_check() -> None:
    state = engine.record(P, CallState(), "contestada", "ok", AT)
    with pytest.raises(engine.RuleViolation) as error:
        engine.advance(P, state)
    assert error.value.rule == "step_pending" and "Guion de bienvenida" in error.value.message


def test_step_two_flags_must_be_acknowledged() -> None:
    state = through_step1(frozenset({"pqr_pendiente", "visita_pendiente"}))
    state = engine.record(P, state, "estado_revisado", "ACTIVA", AT)
    state = engine.start_request(P, state, "sac", "Factura alta", AT)
    with pytest.raises(engine.RuleViolation) as error:
        engine.advance(P, state)
    assert error.value.message == "Paso 2 incompleto: PQR pendiente revisada y 1 más."
    state = engine.record(P, state, "pqr_revisada", "misma solicitud", AT)
    state = engine.record(P, state, "visita_revisada", "agendada", AT)
    assert engine.advance(P, state).step == 3


def test_flag_checks_do_not_apply_without_the_flag() -> None:
    with pytest.raises(engine.RuleViolation) as error:
        engine.record(P, through_step1(), "pqr_revisada", "x", AT)
    assert error.value.rule == "check_not_applicable"


def test_blacklist_hides_personal_data_until_f7_and_identity() -> None:
    state = through_step1(frozenset({"blacklist"}))
    assert not engine.may_show_personal_data(state)
    with pytest.raises(engine.RuleViolation):
        engine.ensure_may_show_personal_data(P, state)
    state = engine.record(P, state, "notas_f7_leidas", "ok", AT)
    assert not engine.may_show_personal_data(state)
    state = engine.record(P, state, "identidad_validada", "CC y fecha de expedición", AT)
    assert engine.may_show_personal_data(state)
    assert engine.may_show_personal_data(CallState())


def test_no_typification_without_a_request() -> None:
    with pytest.raises(engine.RuleViolation) as error:
        engine.record(P, through_step1(), "tipificada", "SAC0101", AT)
    assert error.value.rule == "typify_needs_request"


def test_no_closing_without_typification() -> None:
    state = through_step1()
    state = engine.start_request(P, state, "sac", "Factura", AT)
    with pytest.raises(engine.RuleViolation) as error:
        engine.end(P, state)
    assert error.value.rule == "close_needs_typification"


def test_closing_protocol_cannot_be_skipped() -> None:
    state = typified(through_step1())
    assert state.step == 8
    state = engine.record(P, state, "resolucion_informada", "ok", AT)
    with pytest.raises(engine.RuleViolation) as error:
        engine.end(P, state)
    assert error.value.rule == "closing_protocol" and "Sin más solicitudes" in error.value.message
    for check in ("nada_mas", "guion_cierre", "encuesta"):
        state = engine.record(P, state, check, "ok", AT)
    assert engine.end(P, state).ended
    with pytest.raises(engine.RuleViolation):
        engine.advance(P, state)  # step 8 is the last one


def test_branch_steps_that_do_not_apply_are_skipped() -> None:
    state = typified(through_step1(), branch="pqr")
    view = guide(P, state)
    assert [s.status for s in view.steps] == [
        "hecho",
        "hecho",
        "no aplica",
        "no aplica",
        "no aplica",
        "hecho",
        "hecho",
        "actual",
    ]


def test_another_request_goes_back_to_step_two_in_the_same_call() -> None:
    state = typified(through_step1())
    state = engine.another_request(P, state)
    assert state.step == 2
    state = engine.start_request(P, state, "soporte", "Sin internet", AT)
    assert [r.number for r in state.requests] == [1, 2]
    assert engine.advance(P, state).step == 4  # estado_revisado is call-wide, already done


def test_another_request_needs_the_first_typified() -> None:
    state = engine.start_request(P, through_step1(), "sac", "x", AT)
    with pytest.raises(engine.RuleViolation):
        engine.another_request(P, state)


def test_correcting_the_request_before_typifying_replaces_it() -> None:
    state = engine.start_request(P, through_step1(), "sac", "x", AT)
    state = engine.start_request(P, state, "soporte", "Falla de TV", AT)
    assert [(r.number, r.branch) for r in state.requests] == [(1, "soporte")]


@pytest.mark.parametrize(("branch", "text"), [("ventas", "x"), ("sac", "   ")])
def test_request_needs_a_known_branch_and_a_description(branch: str, text: str) -> None:
    with pytest.raises(DomainError):
        engine.start_request(P, through_step1(), branch, text, AT)


def test_ended_call_refuses_everything() -> None:
    ended = CallState(ended=True)
    actions: tuple[Callable[[], object], ...] = (
        lambda: engine.record(P, ended, "saludo", "ok", AT),
        lambda: engine.advance(P, ended),
        lambda: engine.end(P, ended),
        lambda: engine.another_request(P, ended),
    )
    for action in actions:
        with pytest.raises(engine.RuleViolation) as error:
            action()
        assert error.value.rule == "call_closed"


def test_unknown_check_is_refused() -> None:
    with pytest.raises(engine.RuleViolation) as error:
        engine.record(P, CallState(), "bailar", "x", AT)
    assert error.value.rule == "unknown_check"


def test_next_action_is_the_first_pending_check() -> None:
    assert engine.next_action(P, CallState()) == P.step(1).checks[0].todo
    done_step1 = replace(through_step1(), step=1)
    assert engine.next_action(P, done_step1) == "Paso 1 completo: pulse Intro para continuar."
    ended = replace(typified(through_step1()), ended=True)
    assert "ACW" in engine.next_action(P, ended)


def test_next_action_skips_what_the_panel_holds_typed_and_then_asks_for_intro() -> None:
    """The guide's "Siguiente" follows the keys, not only the recorded state."""
    start = CallState()
    first, second = P.step(1).checks[:2]
    assert engine.next_action(P, start, frozenset({first.id})) == second.todo
    everything = frozenset(check.id for check in P.step(1).checks)
    assert engine.next_action(P, start, everything) == "Pulse Intro para abrir la cuenta digitada."


def test_pending_message_names_the_first_and_counts_the_rest() -> None:
    with pytest.raises(engine.RuleViolation) as error:
        engine.advance(P, CallState())
    assert error.value.message == "Paso 1 incompleto: Llamada contestada y 3 más."


def test_state_survives_json() -> None:
    state = typified(through_step1()).with_field("caller_name", "Ñoño [b]")
    state = replace(state, flags=frozenset({"blacklist", "pqr_pendiente"}))
    assert CallState.from_json(state.to_json()) == state


def test_rule_messages_fit_row_24() -> None:
    for rule, text in P.rules.items():
        values = {
            **{"step": 8, "pending": "x" * 10, "check": "x" * 30, "needed": "x" * 30},
            **{"options": "x" * 40, "motive": "x" * 20, "area": "x" * 20, "number": "x" * 12},
            **{"last": 99, "length": 999, "minimum": 99, "due": "31/12/2026"},
        }
        # Any other placeholder at 10 characters.
        sample = text.format_map(defaultdict(lambda: "x" * 10, values))
        assert len(sample) <= 79, rule


def test_definition_rejects_steps_out_of_order() -> None:
    raw = {"step": [{"number": 2, "id": "x", "title": "x", "checks": []}], "rules": {}}
    with pytest.raises(ValueError):
        parse_procedure(raw)


def test_next_actions_fit_the_panels_next_line() -> None:
    for step in P.steps:
        for check in step.checks:
            assert len(check.todo) <= 67, check.id
            assert check.ready is None or len(check.ready) <= 67, check.id
    for step in P.steps:
        for check in step.checks:
            assert check.needs_message is None or len(check.needs_message) <= 79, check.id


def test_an_open_aviso_on_the_node_is_a_step_2_check_of_llm002() -> None:
    """The aviso is acknowledged in step 2, from data."""
    check = next(c for c in P.step(2).checks if c.when == "aviso")
    assert (check.panel, check.entry) == ("LLM002", "confirm") and check.field
    with_aviso = replace(through_step1(), step=2, flags=frozenset({"aviso"}))
    assert check in engine.pending(P, with_aviso, 2)
    without = replace(through_step1(), step=2)
    assert check not in engine.pending(P, without, 2)


def test_labels_and_titles_fit_the_guide_column() -> None:
    """Nothing in the 36-column guide is cut mid-word."""
    for step in P.steps:
        assert len(step.title) <= 27 or 0 < len(step.short_title) <= 27, step.id
        for check in step.checks:
            assert len(check.label) <= 30, check.id
