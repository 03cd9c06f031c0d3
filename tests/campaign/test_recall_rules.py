"""The recall rules (data/recall_rules.toml): what each result does to a record."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.supervisor.campaign.outbound import RESULTS
from swat_tui.domain.supervisor.campaign.recall import (
    Decision,
    RecallRules,
    RecordState,
    decide,
    parse_recall_rules,
    recall_rules,
)
from tests.conftest import FIXED_NOW

RULES = recall_rules()
MOBILE, LANDLINE = "3001234567", "6015551234"
FRESH = RecordState(attempts=0, phone=MOBILE, phone2=LANDLINE, number_attempts=0)


def _decide(
    result: str,
    record: RecordState = FRESH,
    *,
    dialled: str = MOBILE,
    recall_at: datetime | None = None,
) -> Decision:
    return decide(RULES, record, result=result, dialled=dialled, recall_at=recall_at, now=FIXED_NOW)


def test_the_shipped_results_in_order() -> None:
    assert [(r.code, r.label) for r in RESULTS] == [
        ("contacto_efectivo", "Contacto efectivo"),
        ("no_contesta", "No contesta"),
        ("ocupado", "Ocupado"),
        ("numero_errado", "Número errado"),
        ("buzon", "Buzón de voz"),
        ("volver_a_llamar", "Volver a llamar"),
    ]


def test_an_effective_contact_closes_the_record() -> None:
    decision = _decide("contacto_efectivo")
    assert (decision.status, decision.next_call_at) == ("contactado", None)


@pytest.mark.parametrize(
    ("result", "minutes"), [("no_contesta", 120), ("ocupado", 30), ("buzon", 240)]
)
def test_other_results_wait_their_minutes(result: str, minutes: int) -> None:
    decision = _decide(result)
    assert decision.status == "pendiente"
    assert decision.next_call_at == FIXED_NOW + timedelta(minutes=minutes)


def test_a_wrong_number_moves_to_the_second_number() -> None:
    decision = _decide("numero_errado")
    assert (decision.status, decision.phone, decision.phone2) == ("pendiente", LANDLINE, None)
    assert decision.next_call_at == FIXED_NOW


def test_a_wrong_second_number_keeps_the_first() -> None:
    decision = _decide("numero_errado", dialled=LANDLINE)
    assert (decision.phone, decision.phone2) == (MOBILE, None)


def test_a_wrong_only_number_exhausts_the_record() -> None:
    decision = _decide("numero_errado", replace(FRESH, phone2=None))
    assert decision.status == "agotado"


def test_the_last_attempt_on_a_number_drops_it() -> None:
    worn = replace(FRESH, attempts=3, number_attempts=RULES.max_attempts_per_number - 1)
    decision = _decide("no_contesta", worn)
    assert (decision.status, decision.phone, decision.phone2) == ("pendiente", LANDLINE, None)
    alone = replace(worn, phone2=None)
    assert _decide("no_contesta", alone).status == "agotado"


def test_the_last_attempt_on_the_account_exhausts_it_unless_it_is_a_contact() -> None:
    last = replace(FRESH, attempts=RULES.max_attempts_per_account - 1)
    assert _decide("ocupado", last).status == "agotado"
    assert _decide("contacto_efectivo", last).status == "contactado"
    one_before = replace(FRESH, attempts=RULES.max_attempts_per_account - 2)
    assert _decide("ocupado", one_before).status == "pendiente"


def test_call_back_waits_for_the_customer_s_time() -> None:
    at = FIXED_NOW + timedelta(days=1, hours=2)
    decision = _decide("volver_a_llamar", recall_at=at)
    assert (decision.status, decision.next_call_at) == ("pendiente", at)


def test_a_naive_call_back_time_is_bogota_s() -> None:
    at = (FIXED_NOW + timedelta(hours=1)).replace(tzinfo=None)
    assert _decide("volver_a_llamar", recall_at=at).next_call_at == FIXED_NOW + timedelta(hours=1)


@pytest.mark.parametrize(
    ("result", "recall_at", "rule"),
    [
        ("volver_a_llamar", None, "recall_missing"),
        ("volver_a_llamar", FIXED_NOW, "recall_past"),
        ("volver_a_llamar", FIXED_NOW - timedelta(minutes=1), "recall_past"),
        ("no_contesta", FIXED_NOW + timedelta(hours=1), "recall_not_asked"),
        ("colgo", None, "result_unknown"),
    ],
)
def test_bad_results_are_refused(result: str, recall_at: datetime | None, rule: str) -> None:
    with pytest.raises(DomainError) as refused:
        _decide(result, recall_at=recall_at)
    assert refused.value.rule == f"supervisor.campaign.{rule}"


def test_a_past_recall_names_the_time() -> None:
    with pytest.raises(DomainError, match="10/03 09:00"):
        _decide("volver_a_llamar", recall_at=FIXED_NOW - timedelta(minutes=30))


def test_a_number_not_on_the_record_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        _decide("no_contesta", dialled="3110000000")
    assert refused.value.rule == "supervisor.campaign.phone_not_on_record"


def _raw(**overrides: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "max_attempts_per_account": 3,
        "max_attempts_per_number": 2,
        "claim_timeout_minutes": 10,
        "result": [
            {"code": "si", "label": "Sí", "closes": True},
            {"code": "no", "label": "No", "minutes": 5},
        ],
    }
    return raw | overrides


def test_rules_are_data() -> None:
    rules: RecallRules = parse_recall_rules(_raw())
    decision = decide(
        rules,
        replace(FRESH, phone2=None),
        result="no",
        dialled=MOBILE,
        recall_at=None,
        now=FIXED_NOW,
    )
    assert decision.next_call_at == FIXED_NOW + timedelta(minutes=5)


@pytest.mark.parametrize(
    "bad",
    [
        {"max_attempts_per_account": 0},
        {"result": [{"code": "no", "label": "No"}]},  # nothing closes a record
        {"result": [{"code": "si", "label": "Sí", "closes": True}] * 2},
        {"result": [{"code": "si", "label": "Sí", "closes": True, "minutes": -1}]},
    ],
)
def test_bad_rules_files_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        parse_recall_rules(_raw(**bad))
