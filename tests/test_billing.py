"""SAC facturación: the rent and its parts, campaigns and months left,
extra charges, Paradigma's last invoice, resends and delivery changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from swat_tui.domain.billing.campaigns import (
    AccountFacts,
    Campaign,
    Condition,
    Enrolled,
    add_months,
    default_conditions,
    enrolments_in_force,
    meets,
    months_left,
    offers,
    read_conditions,
    whole_months,
)
from swat_tui.domain.billing.charges import UNDETAILED, charge_lines
from swat_tui.domain.billing.paradigma import payment_status, valid_email
from swat_tui.domain.billing.rent import (
    BilledService,
    Discounted,
    EquipmentRent,
    IssuedInvoice,
    RentCatalog,
    default_catalog,
    history,
    rent_parts,
    split_iva,
)
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.procedure.state import SUGGESTED_CODE_FIELD
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import (
    AccessLog,
    CallEvent,
    Invoice,
    InvoiceCharge,
    InvoiceDeliveryChange,
    Typification,
)
from swat_tui.store.queries import billing as billing_queries
from tests.desk_calls import DeskCall

TODAY = date(2026, 11, 28)
P = load_procedure()
CATALOG = RentCatalog(
    plan_prices={"INT100": 69900, "TVAHD": 69900, "VOZLOC": 19900},
    equipment={
        "modem": EquipmentRent("modem", "Cablemódem adicional", 1, 6900),
        "decoder": EquipmentRent("decoder", "Decodificador adicional", 1, 5900),
        "smart_card": EquipmentRent("smart_card", "Smart card", 1, 0),
    },
)
THREE_PLAY = [
    BilledService("internet", "INT100", "Internet 100 Megas", "ACTIVO"),
    BilledService("tv", "TVAHD", "TV Avanzada HD", "ACTIVO"),
    BilledService("voz", "VOZLOC", "Telefonía ilimitada local", "SUSPENDIDO"),
]


# -- the rent and its parts -----------------------------------------------------------


def test_iva_is_inside_the_tariff_and_base_plus_iva_is_the_tariff() -> None:
    assert split_iva(69900, exempt=False) == (58739, 11161)  # 69900 / 1.19 = 58739.5...
    assert split_iva(119, exempt=False) == (100, 19)
    assert split_iva(69900, exempt=True) == (69900, 0)
    for price in range(0, 200_000, 997):
        base, iva = split_iva(price, exempt=False)
        assert base + iva == price and abs(iva - base * 19 / 100) <= 1


def test_rent_parts_add_up_to_the_tariffs_and_rented_equipment() -> None:
    equipment = ["modem", "decoder", "decoder", "decoder", "smart_card", "smart_card"]
    parts = rent_parts(THREE_PLAY, equipment, 4, CATALOG)
    assert [p.label for p in parts] == [
        "Internet 100 Megas",
        "TV Avanzada HD",
        "Telefonía ilimitada local",
        "Decodificador adicional x2",  # the first decoder comes with the plan
    ]
    assert parts[3].total == 2 * 5900
    assert sum(p.base + p.iva for p in parts) == 69900 + 69900 + 19900 + 11800
    cancelled = [*THREE_PLAY[:2], BilledService("voz", "VOZLOC", "Telefonía", "CANCELADO")]
    assert len(rent_parts(cancelled, [], 4, CATALOG)) == 2  # a cancelled service bills nothing


@pytest.mark.parametrize(("estrato", "exempt"), [(1, True), (2, True), (3, True), (4, False)])
def test_internet_of_estratos_1_to_3_pays_no_iva(estrato: int, exempt: bool) -> None:
    internet, tv, voz = rent_parts(THREE_PLAY, [], estrato, CATALOG)
    assert internet.exempt is exempt and (internet.iva == 0) is exempt
    assert internet.total == 69900
    assert tv.iva > 0 and voz.iva > 0 and not tv.exempt  # TV and voz are always taxed


def test_the_data_files_price_every_demo_plan() -> None:
    catalog = default_catalog()
    assert catalog.plan_prices["INT100"] == 69900
    assert catalog.equipment["decoder"].included == 1


def test_history_shows_each_invoice_with_its_discount_and_change() -> None:
    invoices = [
        IssuedInvoice("F3", "2026-11", date(2026, 11, 15), 160_000, 16_000),
        IssuedInvoice("F2", "2026-10", date(2026, 10, 15), 144_000, 0),
        IssuedInvoice("F1", "2026-09", date(2026, 9, 15), 180_000, 0),
    ]
    discounts = [Discounted("HOGAR3P", 20, date(2026, 10, 1), date(2026, 11, 30))]
    lines = history(invoices, discounts, count=2)
    assert [(line.number, line.discount_code, line.change) for line in lines] == [
        ("F3", "HOGAR3P", 16_000),
        ("F2", "HOGAR3P", -36_000),  # the invoice before it is not shown, but counts
    ]
    assert (
        history(invoices, [])[-1].change is None and history(invoices, [])[-1].discount_code is None
    )


# -- campaigns --------------------------------------------------------------------------


def test_months_left_are_whole_months_to_the_end() -> None:
    assert months_left(TODAY, date(2026, 11, 30)) == 0  # ends this month
    assert months_left(TODAY, date(2026, 12, 27)) == 0
    assert months_left(TODAY, date(2026, 12, 28)) == 1
    assert months_left(TODAY, date(2027, 5, 31)) == 6
    assert months_left(TODAY, date(2026, 11, 1)) == 0  # already over
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert whole_months(date(2027, 1, 31), date(2027, 2, 28)) == 1


CONDITIONS = {
    "HOGAR3P": Condition("HOGAR3P", "ACTIVA", frozenset({"internet", "tv", "voz"}), 0, False, True),
    "PERM12": Condition("PERM12", "ACTIVA", frozenset(), 12, True, True),
    "RETEN6": Condition("RETEN6", "ACTIVA", frozenset(), 0, False, False),
}
CAMPAIGNS = [
    Campaign("HOGAR3P", "Promo Hogar 3Play", 20, date(2026, 8, 1), date(2027, 7, 31)),
    Campaign("PERM12", "Descuento por permanencia", 10, date(2026, 2, 1), date(2028, 2, 1)),
    Campaign("RETEN6", "Retención 6 meses", 30, date(2026, 4, 1), date(2027, 9, 1)),
    Campaign("OLD", "Campaña vencida", 50, date(2025, 1, 1), date(2025, 12, 31)),
]


def _account(**changes: object) -> AccountFacts:
    values: dict[str, object] = {
        "status": "ACTIVA",
        "service_kinds": frozenset({"internet", "tv", "voz"}),
        "tenure_months": 24,
        "balance": 0,
    }
    values.update(changes)
    return AccountFacts(**values)  # type: ignore[arg-type]


def _codes(facts: AccountFacts, enrolled: list[Enrolled] | None = None) -> list[str]:
    return [o.code for o in offers(CAMPAIGNS, enrolled or [], CONDITIONS, facts, TODAY)]


def test_campaigns_on_offer_are_the_ones_whose_conditions_the_account_meets() -> None:
    assert _codes(_account()) == ["HOGAR3P", "PERM12"]  # RETEN6: retention only; OLD: over
    assert _codes(_account(service_kinds=frozenset({"internet", "tv"}))) == ["PERM12"]
    assert _codes(_account(balance=5000)) == ["HOGAR3P"]  # PERM12 asks for no debt
    assert _codes(_account(tenure_months=11)) == ["HOGAR3P"]
    assert _codes(_account(status="CANCELADO DEBE")) == []
    now = Enrolled("HOGAR3P", date(2026, 9, 1), date(2027, 2, 28))
    past = Enrolled("PERM12", date(2025, 1, 1), date(2025, 12, 31))
    assert _codes(_account(), [now, past]) == ["PERM12"]  # enrolled now: not offered again
    assert not meets(CONDITIONS["RETEN6"], _account())


def test_enrolments_in_force_with_months_left() -> None:
    by_code = {c.code: c for c in CAMPAIGNS}
    enrolled = [
        Enrolled("HOGAR3P", date(2026, 7, 31), date(2026, 11, 30)),
        Enrolled("PERM12", date(2025, 1, 1), date(2025, 12, 31)),  # over
    ]
    (line,) = enrolments_in_force(enrolled, by_code, TODAY)
    assert (line.code, line.percent, line.months_left) == ("HOGAR3P", 20, 0)


def test_campaign_conditions_are_data(tmp_path: Path) -> None:
    conditions = default_conditions()
    assert conditions["HOGAR3P"].services == frozenset({"internet", "tv", "voz"})
    assert not conditions["RETEN6"].offered_in_sac
    bad = tmp_path / "c.csv"
    bad.write_text(
        "code,status,services,min_tenure_months,up_to_date,offered_in_sac\nX,ACTIVA,cable,0,no,si\n",
        encoding="utf-8",
    )
    with pytest.raises(DomainError, match="línea 2, services"):
        read_conditions(bad)
    bad.write_text("code,percent\nX,1\n", encoding="utf-8")
    with pytest.raises(DomainError, match="línea 1"):
        read_conditions(bad)


# -- extra charges and Paradigma -----------------------------------------------------------


def _invoice(number: str, extra: int, *, id: int, issued: date = date(2026, 11, 15)) -> Invoice:
    return Invoice(
        id=id,
        cuenta=1,
        number=number,
        period=f"{issued.year}-{issued.month:02d}",
        issued_on=issued,
        due_on=issued,
        amount=100_000 + extra,
        extra_charges=extra,
        delivery="digital",
    )


def test_extra_charges_are_listed_and_add_up_to_the_invoices() -> None:
    invoices = [
        _invoice("F2", 30_000, id=2),
        _invoice("F1", 9_900, id=1, issued=date(2026, 10, 15)),
    ]
    charges = [
        InvoiceCharge(
            invoice_id=2,
            cuenta=1,
            kind="ppv",
            description="Película",
            charged_on=date(2026, 11, 3),
            amount=12_900,
        ),
        InvoiceCharge(
            invoice_id=2,
            cuenta=1,
            kind="ldi",
            description="LDI",
            charged_on=date(2026, 11, 9),
            amount=17_100,
        ),
    ]
    lines = charge_lines(invoices, charges)
    assert [(line.kind_name, line.amount) for line in lines] == [
        ("LDI", 17_100),
        ("PPV", 12_900),
        ("Otros", 9_900),  # F1 billed extras Paradigma does not detail
    ]
    assert lines[-1].description == UNDETAILED
    assert sum(line.amount for line in lines) == sum(i.extra_charges for i in invoices)


@pytest.mark.parametrize(
    "email", ["ana@correo.com", " Ana.Ruiz+fact@claro.com.co ", "x_y@mi-dominio.co"]
)
def test_a_real_email_is_accepted_trimmed_and_lower_case(email: str) -> None:
    assert valid_email(email, P) == email.strip().lower()


@pytest.mark.parametrize(
    "email",
    [
        "",
        "ana",
        "ana@",
        "@correo.com",
        "ana@correo",
        "ana correo@x.com",
        "a@@b.com",
        "a..b@x.com",
        "ana@correo..com",
        "ana@correo.c",
        "a" * 75 + "@x.com",
    ],
)
def test_an_email_that_is_not_one_is_refused(email: str) -> None:
    with pytest.raises(DomainError) as refused:
        valid_email(email, P)
    assert refused.value.message == P.message("billing_email_invalid")


def test_payment_status_of_the_last_invoice() -> None:
    invoice = _invoice("F", 0, id=1)
    invoice.due_on = date(2026, 11, 30)
    assert payment_status(invoice, TODAY) == "PENDIENTE"
    invoice.due_on = date(2026, 11, 20)
    assert payment_status(invoice, TODAY) == "VENCIDA"
    invoice.paid_on = date(2026, 11, 21)
    assert payment_status(invoice, TODAY) == "PAGADA"


# -- through the desk, on the demo store ------------------------------------------------------


def _changes(services: Services) -> list[InvoiceDeliveryChange]:
    with read_session(services.engine) as session:
        return list(session.exec(select(InvoiceDeliveryChange)).all())


def _last_number(services: Services, key: str) -> str:
    with read_session(services.engine) as session:
        (invoice,) = billing_queries.invoices_of(session, cuenta=SHOWCASE[key], limit=1)
        return invoice.number


def test_resend_refusals_write_nothing(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["invoice_digital"])
    desk, cuenta = call.desk, SHOWCASE["invoice_digital"]
    own = _last_number(demo_services, "invoice_digital")
    other = _last_number(demo_services, "invoice_physical")
    cases = [
        (other, "ana@correo.com", True, "billing_invoice_other"),
        ("FV0000000000", "ana@correo.com", True, "billing_invoice_other"),
        (own, "ana@correo", True, "billing_email_invalid"),
        (own, "ana@correo.com", False, "billing_confirm"),
    ]
    for number, email, confirmed, rule in cases:
        with pytest.raises(DomainError) as refused:
            desk.billing.resend_invoice(cuenta, number, email, confirmed=confirmed)
        assert refused.value.message == P.message(rule)
    with pytest.raises(DomainError) as refused:
        desk.billing.resend_invoice(SHOWCASE["new_account"], "", "ana@correo.com", confirmed=True)
    assert refused.value.message == P.message("billing_no_invoices")
    with pytest.raises(DomainError, match="aún no tiene facturas"):
        desk.billing.last_invoice(SHOWCASE["new_account"])
    with pytest.raises(DomainError) as refused:
        desk.billing.change_delivery(cuenta, "x", "ana@correo.com", confirmed=True)
    assert refused.value.message == P.message("billing_delivery_choice")
    assert _changes(demo_services) == []
    with read_session(demo_services.engine) as session:
        logged = session.exec(select(AccessLog).where(col(AccessLog.action) == "PARADIGMA")).all()
    assert logged == []  # a refused view is not logged either: nothing was shown


def test_billing_of_a_blacklisted_account_is_refused_until_the_rule_allows(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["blacklist"])
    call.reception()
    desk, cuenta = call.desk, SHOWCASE["blacklist"]
    for intent in (
        desk.billing.rent,
        desk.billing.campaigns,
        desk.billing.extra_charges,
        desk.billing.last_invoice,
    ):
        with pytest.raises(DomainError, match="BLACKLIST"):
            intent(cuenta)
    with pytest.raises(DomainError, match="BLACKLIST"):
        desk.billing.resend_invoice(cuenta, "X", "ana@correo.com", confirmed=True)
    with read_session(demo_services.engine) as session:
        assert session.exec(select(AccessLog).where(AccessLog.action == "RENTA")).all() == []
    call.interpretation("sac", "Pregunta por su factura")  # F7 read, identity validated
    assert desk.billing.rent(cuenta).total > 0


def test_rent_and_campaigns_of_the_showcase_accounts(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["campaign_ending"])
    desk = call.desk
    rent = desk.billing.rent(SHOWCASE["campaign_ending"])
    assert rent.total == sum(part.base + part.iva for part in rent.parts)
    assert rent.history and rent.history[0].discount_code == "HOGAR3P"
    campaigns = desk.billing.campaigns(SHOWCASE["campaign_ending"])
    assert [(e.code, e.months_left) for e in campaigns.enrolled] == [("HOGAR3P", 0)]
    assert "HOGAR3P" not in {o.code for o in campaigns.offers}
    charges = desk.billing.extra_charges(SHOWCASE["ppv_charges"])
    kinds = {line.kind for line in charges.lines}
    assert {"ppv", "evento", "toma_adicional", "ldn", "ldi", "movil"} <= kinds
    with read_session(demo_services.engine) as session:
        actions = {row.action for row in session.exec(select(AccessLog)).all()}
    assert {"RENTA", "CAMPANAS", "CARGOS"} <= actions


def test_a_billing_call_resends_the_invoice_and_typifies_it(
    demo_services: Services,
) -> None:
    """End to end: SAC, Facturación (2), resend the last invoice, typify, close."""
    cuenta = SHOWCASE["invoice_digital"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "No le llegó la factura al correo", subflow="2")
    desk = call.desk
    assert desk.call.step_panel() == "SAC020"
    assert desk.call.suggested_code() == "SAC-FAC-001"  # the route's, until an action says more
    invoice = desk.billing.last_invoice(cuenta)
    assert invoice.delivery == "digital" and invoice.delivery_status == "ENTREGADA"
    done = desk.billing.resend_invoice(
        cuenta, invoice.number, "Nuevo.Correo@Gmail.com", confirmed=True
    )
    assert done.message == P.message("billing_resent") and done.record is not None
    assert desk.call.suggested_code() == "SAC-FAC-012"
    assert desk.billing.last_invoice(cuenta).last_change is not None
    with pytest.raises(DomainError, match="Paso 3 incompleto"):
        desk.call.advance()
    desk.call.record_check("facturacion_informada", "informada")
    desk.call.record_check("facturacion_resuelta", "resuelta")
    desk.call.advance()
    call.typify()
    record = call.close()
    (change,) = _changes(demo_services)
    assert (change.cuenta, change.call_id, change.action, change.delivery) == (
        cuenta,
        record.id,
        "REENVIO",
        "digital",
    )
    assert change.destination == "nuevo.correo@gmail.com" and change.agent == "ASESOR01"
    with read_session(demo_services.engine) as session:
        sent = session.get(Invoice, change.invoice_id)
        assert sent is not None and sent.number == invoice.number
        events = session.exec(select(CallEvent).where(CallEvent.call_id == record.id)).all()
        typified = session.exec(select(Typification).where(Typification.call_id == record.id)).one()
    checks = [(e.check, e.result) for e in events]
    assert (SUGGESTED_CODE_FIELD.format(number=1), "SAC-FAC-012") in checks
    assert ("facturacion_informada", "informada") in checks
    assert ("facturacion_resuelta", "resuelta") in checks
    assert (typified.code, typified.first_contact, typified.cuenta) == ("SAC-FAC-012", True, cuenta)


def test_changing_to_digital_suggests_its_code_and_the_same_delivery_is_refused(
    demo_services: Services,
) -> None:
    cuenta = SHOWCASE["invoice_physical"]
    call = DeskCall.answered(demo_services, cuenta)
    call.through_interpretation("sac", "Quiere la factura por correo", subflow="2")
    desk = call.desk
    invoice = desk.billing.last_invoice(cuenta)
    assert (invoice.delivery, invoice.delivery_status) == ("fisica", "DEVUELTA")
    with pytest.raises(DomainError) as refused:
        desk.billing.change_delivery(cuenta, "F", invoice.sent_to or "", confirmed=True)
    assert refused.value.message == P.message("billing_same_delivery")
    done = desk.billing.change_delivery(cuenta, "D", "cliente@correo.com", confirmed=True)
    assert done.change.action == "CAMBIO" and desk.call.suggested_code() == "SAC-FAC-013"
    with pytest.raises(DomainError, match="ya se entrega así"):
        desk.billing.change_delivery(cuenta, "digital", "CLIENTE@correo.com", confirmed=True)
    (row,) = _changes(demo_services)
    assert (row.delivery, row.destination, row.invoice_id is not None) == (
        "digital",
        "cliente@correo.com",
        True,
    )
    with write_session(demo_services.engine) as session:
        assert len(billing_queries.delivery_changes_of(session, cuenta=cuenta)) == 1
