"""The simulated Avaya softphone: every transition, every refusal, and the timers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

import pytest

from swat_tui.domain.desk.softphone import (
    AgentState,
    Softphone,
    format_elapsed,
    parse_config,
    softphone_config,
)
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from tests.conftest import FIXED_NOW

T0 = FIXED_NOW
ANI = "3001234567"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def available() -> Softphone:
    return Softphone.signed_on(T0).go_available(T0)


def ringing() -> Softphone:
    return available().ring(ANI, "HOGAR_SAC", at(5))


def in_call() -> Softphone:
    return ringing().answer(at(10))


def refused(action: Callable[[], object], message: str) -> None:
    with pytest.raises(DomainError) as caught:
        action()
    assert caught.value.message == message
    assert len(caught.value.message) <= MESSAGE_WIDTH


# -- configuration ---------------------------------------------------------------------


def test_shipped_config_has_aux_codes_and_queues() -> None:
    config = softphone_config()
    names = {reason.code: reason.name for reason in config.aux_reasons}
    assert names[1] == "Break" and names[2] == "Almuerzo" and names[3] == "Capacitación"
    assert "Reunión" in names.values()
    assert config.default_aux.code == 0
    ids = {queue.id for queue in config.queues}
    assert {"HOGAR_SAC", "HOGAR_SOPORTE", "HOGAR_PQR", "HOGAR_RETENCION"} <= ids
    assert 0 <= config.ring_delay_min <= config.ring_delay_max
    assert config.queue("hogar_pqr").id == "HOGAR_PQR"


def test_config_rejects_an_empty_queue_list() -> None:
    with pytest.raises(ValueError):
        parse_config(
            {
                "aux": [{"code": 1, "name": "Break"}],
                "queue": [],
                "simulation": {"ring_delay_min": 1, "ring_delay_max": 2, "kinds": {}},
            }
        )


# -- transitions -----------------------------------------------------------------------


def test_sign_on_leaves_the_agent_in_default_aux() -> None:
    phone = Softphone.signed_on(T0)
    assert phone.state == AgentState.AUX and phone.since == T0
    assert phone.aux is not None and phone.aux.code == 0
    assert phone.label == "AUX 0 Inicio de sesión"
    assert phone.call is None


def test_go_available_from_aux() -> None:
    phone = Softphone.signed_on(T0).go_available(at(3))
    assert phone.state == AgentState.DISPONIBLE and phone.since == at(3)
    assert phone.aux is None and phone.label == "DISPONIBLE"


def test_go_aux_with_a_reason_code_from_disponible_and_between_reasons() -> None:
    phone = available().go_aux(2, at(60))
    assert phone.state == AgentState.AUX and phone.label == "AUX 2 Almuerzo"
    assert phone.since == at(60)
    changed = phone.go_aux(softphone_config().aux(3), at(90))
    assert changed.label == "AUX 3 Capacitación" and changed.since == at(90)


def test_ring_only_in_disponible_and_keeps_ani_and_queue() -> None:
    phone = ringing()
    assert phone.state == AgentState.TIMBRANDO and phone.since == at(5)
    assert phone.call is not None
    assert (phone.call.ani, phone.call.queue, phone.call.rang_at) == (ANI, "HOGAR_SAC", at(5))
    assert phone.call.answered_at is None


def test_answer_hold_resume_hang_up_finish_acw() -> None:
    phone = in_call()
    assert phone.state == AgentState.EN_LLAMADA and phone.call is not None
    assert phone.call.answered_at == at(10)
    phone = phone.hold(at(40))
    assert phone.state == AgentState.EN_ESPERA
    phone = phone.resume(at(70))
    assert phone.state == AgentState.EN_LLAMADA
    phone = phone.hang_up(at(100))
    assert phone.state == AgentState.ACW and phone.since == at(100)
    assert phone.call is not None and phone.call.ended_at == at(100)
    phone = phone.finish_acw(at(130))
    assert phone.state == AgentState.DISPONIBLE and phone.call is None


def test_transfer_to_another_queue_goes_to_acw() -> None:
    phone = in_call().transfer("hogar_retencion", at(50))
    assert phone.state == AgentState.ACW
    assert phone.call is not None
    assert phone.call.transferred_to == "HOGAR_RETENCION" and phone.call.ended_at == at(50)


def test_transfer_and_hang_up_from_hold_close_the_hold() -> None:
    held = in_call().hold(at(20))
    for ended in (held.transfer("HOGAR_PQR", at(50)), held.hang_up(at(50))):
        assert ended.state == AgentState.ACW and ended.call is not None
        assert ended.call.hold_started_at is None
        assert ended.hold_elapsed(at(500)) == timedelta(seconds=30)


def test_go_available_and_go_aux_end_acw() -> None:
    acw = in_call().hang_up(at(30))
    assert acw.go_available(at(40)).state == AgentState.DISPONIBLE
    assert acw.go_aux(1, at(40)).label == "AUX 1 Break"


def test_transitions_return_new_values() -> None:
    phone = available()
    rung = phone.ring(ANI, "HOGAR_SAC", at(1))
    assert phone.state == AgentState.DISPONIBLE and rung is not phone


def test_naive_times_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        available().ring(ANI, "HOGAR_SAC", datetime(2026, 3, 10, 9, 30))


# -- refusals --------------------------------------------------------------------------


def test_answer_without_a_ringing_call() -> None:
    for phone in (available(), Softphone.signed_on(T0), in_call(), in_call().hang_up(at(20))):
        refused(partial(phone.answer, at(30)), "No hay ninguna llamada timbrando.")


def test_ring_outside_disponible() -> None:
    message = "Solo entran llamadas en estado Disponible."
    for phone in (Softphone.signed_on(T0), ringing(), in_call(), in_call().hang_up(at(20))):
        refused(partial(phone.ring, ANI, "HOGAR_SAC", at(30)), message)


def test_ring_with_a_bad_number_or_queue() -> None:
    refused(
        lambda: available().ring("30A", "HOGAR_SAC", at(1)), "Número que llama inválido: '30A'."
    )
    refused(lambda: available().ring(ANI, "VENTAS", at(1)), "La cola VENTAS no existe.")


def test_state_changes_refused_during_a_call() -> None:
    refused(
        lambda: ringing().go_available(at(6)),
        "Hay una llamada timbrando: contéstela antes de pasar a Disponible.",
    )
    refused(
        lambda: ringing().go_aux(1, at(6)),
        "Hay una llamada timbrando: contéstela antes de pasar a AUX.",
    )
    for phone in (in_call(), in_call().hold(at(20))):
        refused(
            partial(phone.go_available, at(30)),
            "Está en una llamada: cuelgue o transfiera antes de pasar a Disponible.",
        )
        refused(
            partial(phone.go_aux, 2, at(30)),
            "Está en una llamada: cuelgue o transfiera antes de pasar a AUX.",
        )


def test_repeated_state_is_refused() -> None:
    refused(lambda: available().go_available(at(1)), "Ya está en Disponible.")
    refused(lambda: available().go_aux(1, at(1)).go_aux(1, at(2)), "Ya está en AUX 1 Break.")


def test_unknown_aux_code() -> None:
    refused(lambda: available().go_aux(42, at(1)), "El código AUX 42 no existe.")


def test_hold_resume_transfer_hang_up_need_a_call_in_progress() -> None:
    for phone in (available(), Softphone.signed_on(T0), in_call().hang_up(at(20))):
        for action in (phone.hold, phone.resume, phone.hang_up):
            refused(partial(action, at(30)), "No hay ninguna llamada en curso.")
        refused(
            partial(phone.transfer, "HOGAR_PQR", at(30)),
            "No hay ninguna llamada en curso.",
        )
    for action in (ringing().hold, ringing().hang_up):
        refused(partial(action, at(6)), "La llamada aún no ha sido contestada.")


def test_hold_twice_and_resume_without_hold() -> None:
    refused(lambda: in_call().hold(at(20)).hold(at(21)), "La llamada ya está en espera.")
    refused(lambda: in_call().resume(at(20)), "La llamada no está en espera.")


def test_transfer_to_the_same_or_an_unknown_queue() -> None:
    refused(
        lambda: in_call().transfer("HOGAR_SAC", at(20)), "La llamada ya está en la cola HOGAR_SAC."
    )
    refused(lambda: in_call().transfer("NADA", at(20)), "La cola NADA no existe.")


def test_finish_acw_outside_acw() -> None:
    for phone in (available(), ringing(), in_call()):
        refused(
            partial(phone.finish_acw, at(30)),
            "No está en ACW (trabajo posterior a la llamada).",
        )


# -- timers ----------------------------------------------------------------------------


def test_state_timer() -> None:
    phone = available()
    assert phone.state_elapsed(at(75)) == timedelta(seconds=75)
    assert phone.state_elapsed(at(-5)) == timedelta(0)  # a clock going back never goes negative


def test_call_timers_with_two_holds() -> None:
    phone = in_call()  # answered at 10 s
    assert phone.call_elapsed(at(25)) == timedelta(seconds=15)
    phone = phone.hold(at(30))
    assert phone.hold_elapsed(at(45)) == timedelta(seconds=15)  # the current hold counts
    phone = phone.resume(at(50)).hold(at(80)).resume(at(90))
    assert phone.call is not None and phone.call.holds == 2
    assert phone.hold_elapsed(at(100)) == timedelta(seconds=30)
    assert phone.call_elapsed(at(100)) == timedelta(seconds=90)
    assert phone.talk_elapsed(at(100)) == timedelta(seconds=60)
    ended = phone.hang_up(at(110))
    # After hang-up the call timers stop; the state timer is the ACW timer.
    assert ended.call_elapsed(at(500)) == timedelta(seconds=100)
    assert ended.talk_elapsed(at(500)) == timedelta(seconds=70)
    assert ended.state_elapsed(at(140)) == timedelta(seconds=30)


def test_no_call_timers_before_answer_or_without_call() -> None:
    assert ringing().call_elapsed(at(60)) == timedelta(0)
    assert available().call_elapsed(at(60)) == timedelta(0)
    assert available().hold_elapsed(at(60)) == timedelta(0)
    assert available().talk_elapsed(at(60)) == timedelta(0)


def test_aux_time_limit() -> None:
    phone = available().go_aux(1, T0)  # Break: 15 minutes
    assert not phone.aux_exceeded(T0 + timedelta(minutes=15))
    assert phone.aux_exceeded(T0 + timedelta(minutes=15, seconds=1))
    assert not available().go_aux(3, T0).aux_exceeded(T0 + timedelta(hours=8))
    assert not available().aux_exceeded(T0 + timedelta(hours=8))


def test_format_elapsed() -> None:
    assert format_elapsed(timedelta(seconds=0)) == "00:00"
    assert format_elapsed(timedelta(seconds=754)) == "12:34"
    assert format_elapsed(timedelta(hours=1, seconds=5)) == "1:00:05"


def test_with_no_call_on_the_desk_the_next_action_follows_the_phone() -> None:
    """The guide's "Siguiente" while idle says what the phone asks."""
    from swat_tui.domain.desk.softphone import IDLE_NEXT, AgentState

    assert set(IDLE_NEXT) == set(AgentState)
    assert "contéstela" in IDLE_NEXT[AgentState.TIMBRANDO]
    assert "Disponible" in IDLE_NEXT[AgentState.AUX]
