"""Cartera and recaudo rules: debt by age, benefit
eligibility, commitment checks, reported payments by channel."""

from __future__ import annotations

from datetime import date

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.sac.benefits import DebtFacts, eligibilities, load_benefits
from swat_tui.domain.sac.cartera import CarteraView, DebtByAge, age_debt
from swat_tui.domain.sac.commitment import check_commitment
from swat_tui.domain.sac.inputs import parse_amount, parse_day
from swat_tui.domain.sac.recaudo import Finding, PaymentLine, find_reported
from swat_tui.store.models import Invoice

TODAY = date(2026, 11, 28)


def _invoice(due: date, amount: int) -> Invoice:
    return Invoice(
        cuenta=1,
        number="F",
        period="2026-11",
        issued_on=due,
        due_on=due,
        amount=amount,
        delivery="fisica",
    )


def test_debt_is_aged_by_due_date_and_older_balance_is_61_plus() -> None:
    invoices = [
        _invoice(date(2026, 9, 20), 100),  # 69 days late
        _invoice(date(2026, 10, 20), 200),  # 39 days
        _invoice(date(2026, 11, 20), 300),  # 8 days
        _invoice(date(2026, 12, 5), 400),  # not due
    ]
    debt, days = age_debt(invoices, 1500, TODAY)
    assert debt == DebtByAge(current=400, d30=300, d60=200, d90=100 + 500)
    assert days == 69
    assert age_debt(invoices, 0, TODAY) == (DebtByAge(), 0)
    partly, _ = age_debt(invoices, 800, TODAY)  # 200 paid: from the oldest part first
    assert partly == DebtByAge(current=400, d30=300, d60=100, d90=0)


def _facts(**changes: object) -> DebtFacts:
    values: dict[str, object] = {
        "status": "ACTIVA",
        "debt": 300_000,
        "days_past_due": 20,
        "unpaid_invoices": 2,
        "payments_90d": 1,
    }
    values.update(changes)
    return DebtFacts(**values)  # type: ignore[arg-type]


def test_benefits_offered_and_met_by_payments_and_unpaid_invoices() -> None:
    judged = {e.benefit.code: e for e in eligibilities(load_benefits(), _facts())}
    assert set(judged) == {"DTO20", "CUOTAS3"}
    assert judged["DTO20"].met and judged["CUOTAS3"].met
    no_payments = {
        e.benefit.code: e for e in eligibilities(load_benefits(), _facts(payments_90d=0))
    }
    assert not no_payments["DTO20"].met
    assert no_payments["DTO20"].reason == "Sin pagos en los últimos 90 días."
    assert no_payments["CUOTAS3"].met
    many = {e.benefit.code: e for e in eligibilities(load_benefits(), _facts(unpaid_invoices=3))}
    assert not many["CUOTAS3"].met and "3 facturas" in many["CUOTAS3"].reason
    assert eligibilities(load_benefits(), _facts(debt=0)) == ()
    castigada = eligibilities(load_benefits(), _facts(status="CARTERA CASTIGADA"))
    assert [e.benefit.code for e in castigada] == ["NORMAL40"]


def _view(facts: DebtFacts) -> CarteraView:
    return CarteraView(
        cuenta=1,
        status=facts.status,
        balance=facts.debt,
        debt=DebtByAge(d30=facts.debt),
        days_past_due=facts.days_past_due,
        final_notice=None,
        benefits=eligibilities(load_benefits(), facts),
        commitments=(),
        reconnection=None,
        facts=facts,
    )


def test_a_commitment_is_checked_against_its_benefit() -> None:
    view = _view(_facts())
    ok = check_commitment(
        view, benefit="dto20", promised_on="05122026", amount="240000", today=TODAY
    )
    assert ok.benefit is not None and ok.benefit.code == "DTO20"
    assert (ok.promised_on, ok.amount) == (date(2026, 12, 5), 240_000)
    cases = {
        ("DTO20", "27112026", "240000"): "no puede ser anterior a hoy",
        ("DTO20", "09122026", "240000"): "máximo el 08/12/2026 (10 días)",
        ("DTO20", "05122026", "239999"): "pide al menos $ 240.000",
        ("DTO20", "05122026", "12a000"): "sin letras",
        ("DTO20", "05122026", "-5000"): "no puede ser negativo",
        ("", "05122026", "400000"): "mayor que la deuda",
        ("XYZ", "05122026", "1000"): "no se ofrece",
        ("", "31022026", "1000"): "no es una fecha válida",
    }
    for (benefit, when, amount), expected in cases.items():
        with pytest.raises(DomainError) as refused:
            check_commitment(view, benefit=benefit, promised_on=when, amount=amount, today=TODAY)
        assert expected in str(refused.value), (benefit, when, amount, str(refused.value))
    not_met = _view(_facts(payments_90d=0))
    with pytest.raises(DomainError, match="No cumple el beneficio DTO20: Sin pagos"):
        check_commitment(
            not_met, benefit="DTO20", promised_on="05122026", amount="240000", today=TODAY
        )


def test_inputs_are_read_strictly() -> None:
    assert parse_amount("$ 120.000") == 120_000
    assert parse_amount("120000") == 120_000
    for bad in ("1.5", "12,000", "0", "", "abc"):
        with pytest.raises(DomainError):
            parse_amount(bad)
    assert parse_day("05/12/2026") == date(2026, 12, 5)


def test_a_reported_payment_by_its_channels_time() -> None:
    pse = PaymentLine(date(2026, 11, 27), 90_000, "PSE", "1", None)  # PSE: 1 business day
    efecty = PaymentLine(date(2026, 11, 20), 50_000, "Efecty", "2", None)  # 3 business days
    applied = PaymentLine(date(2026, 11, 10), 70_000, "Baloto", "3", date(2026, 11, 11))
    payments = (pse, efecty, applied)
    pending = find_reported(payments, paid_on=date(2026, 11, 27), amount=90_000, today=TODAY)
    # Friday 27 + 1 business day = Monday 30 (the weekend does not count)
    assert (pending.finding, pending.apply_by) == (Finding.PENDING, date(2026, 11, 30))
    late = find_reported(payments, paid_on=date(2026, 11, 20), amount=50_000, today=TODAY)
    assert (late.finding, late.apply_by) == (Finding.LATE, date(2026, 11, 25))
    assert (
        find_reported(payments, paid_on=date(2026, 11, 10), amount=70_000, today=TODAY).finding
        is Finding.APPLIED
    )
    assert (
        find_reported(payments, paid_on=date(2026, 11, 10), amount=1, today=TODAY).finding
        is Finding.NOT_FOUND
    )
