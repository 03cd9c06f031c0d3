"""Filing a PQR in step 6 (PQR030), and the link from step 2's
"PQR pendiente" to the consult panel (5 on LLM002 opens PQR010 to look)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.models import Pqr, Typification
from swat_tui.ui.app import SwatApp
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import (
    answer_call,
    desk_of,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    to_interpretation,
)

SIZE = (80, 24)
NOTES = "Cobro doble del servicio de internet en la factura de noviembre."
EMAIL = "cliente.prueba@correo.com.co"
Snap = Any


async def _to_blacklisted_filing(pilot: Pilot[None], services: Services) -> None:
    """A BLACKLIST account through step 2 (F7 read, identity validated) to PQR030."""
    await answer_call(pilot, phone_of(services, "blacklist"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await pilot.press("f7")
    await pilot.press("f12")
    await pilot.pause()
    await fill(pilot, identity="cc+fecha exp", sta="s", request="Insiste en radicar", br="4")
    await enter(pilot)
    await fill(pilot, g="3")
    await enter(pilot)


async def _fill_form(pilot: Pilot[None], **changes: str) -> None:
    values = {"mot": "2", "notes": NOTES, "ch": "1", "dest": EMAIL, "cf": "s", **changes}
    await fill(pilot, **values)


async def test_filing_end_to_end_to_the_typification(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        assert panel_id(app) == "PQR030"
        assert shown(app, "next").startswith("Valide los datos personales")
        assert shown(app, "mlist1").startswith("1=queja_calidad  2=queja_facturacion")
        assert shown(app, "rad1").startswith("Intro radica")
        await fill(pilot, val="cédula y fecha de expedición")
        await _fill_form(pilot)
        assert shown(app, "motive") == "Queja, genera CUN, UCC PQR-QUE-002"
        assert shown(app, "mdetail") == "Queja por facturación; responde Facturación"
        await enter(pilot)
        assert panel_id(app) == "PQR030", message(app)
        assert message(app).startswith("PQR radicada RAD")
        assert shown(app, "rad1").startswith("Radicado RAD") and "CUN 4410-26-" in shown(
            app, "rad1"
        )
        assert shown(app, "rad2") == (
            "Responde Facturación a más tardar el 21/12/2026 (15 días hábiles)"
        )
        assert app.screen.focused is screen(app).field("inf")
        await enter(pilot)  # not told yet: the step waits for S
        assert panel_id(app) == "PQR030" and message(app).startswith("Paso 6 incompleto")
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "PQR-QUE-002"
        assert screen(app).field("res").value == "2"  # the code takes a CUN
        await enter(pilot)
        assert panel_id(app) == "LLM008", message(app)
        call_id = desk_of(app).active.call_id  # type: ignore[union-attr]
    with read_session(services.engine) as session:
        pqr = session.exec(select(Pqr).where(Pqr.call_id == call_id)).one()
        typification = session.exec(
            select(Typification).where(Typification.call_id == call_id)
        ).one()
    assert (pqr.motive, pqr.kind, pqr.status, pqr.filed_by) == (
        "queja_facturacion",
        "queja",
        "ABIERTA",
        "ASESOR01",
    )
    assert (pqr.response_channel, pqr.response_address, pqr.notes) == (
        "CORREO ELECTRONICO",
        EMAIL,
        NOTES,
    )
    assert (typification.code, typification.cun, typification.first_contact) == (
        "PQR-QUE-002",
        pqr.cun,
        False,
    )


async def test_a_request_that_generated_a_cun_is_never_first_contact(
    app: SwatApp, services: Services
) -> None:
    """After filing a PQR (CUN generated) TIP001 accepted Resolución 1 and
    stored first contact with the CUN; now Resolución 1 is refused there, with the
    cursor on it, and 2 records the PQR's CUN."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        await fill(pilot, val="cédula y fecha de expedición")
        await _fill_form(pilot, mot="1")
        await enter(pilot)
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        await fill(pilot, res="1")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert message(app).startswith("Generó el CUN 4410-26-")
        assert message(app).endswith("no es primer contacto (Resolución 2).")
        assert app.screen.focused is screen(app).field("res")
        await fill(pilot, res="2")
        await enter(pilot)
        assert panel_id(app) == "LLM008", message(app)
        call_id = desk_of(app).active.call_id  # type: ignore[union-attr]
    with read_session(services.engine) as session:
        pqr = session.exec(select(Pqr).where(Pqr.call_id == call_id)).one()
        rows = session.exec(select(Typification).where(Typification.call_id == call_id)).all()
    assert [(row.first_contact, row.cun) for row in rows] == [(False, pqr.cun)]


async def test_bad_input_is_refused_on_row_24_and_what_was_typed_stays(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        await _fill_form(pilot)
        await enter(pilot)  # personal data not validated in this call
        assert message(app).startswith("Valide primero los datos personales"), message(app)
        assert app.screen.focused is screen(app).field("val")
        assert screen(app).field("notes").value == NOTES
        await fill(pilot, val="cédula", mot="99", notes=NOTES)  # leaving "mot" says it at once
        assert message(app).startswith("El motivo 99 no está en la matriz de PQR")
        await enter(pilot)
        assert message(app).startswith("El motivo 99 no está en la matriz de PQR")
        assert app.screen.focused is screen(app).field("mot")
        await fill(pilot, mot="queja_calidad", dest="cliente@correo")
        await enter(pilot)
        assert message(app).startswith("El correo cliente@correo no es válido")
        assert app.screen.focused is screen(app).field("dest")
        assert screen(app).field("mot").value == "queja_calidad"
        assert shown(app, "rad1").startswith("Intro radica")
        await fill(pilot, ch="3", dest="3001234567", cf="")
        await enter(pilot)
        assert message(app).startswith("Confirme con el cliente el destino")
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.mark_for("pqr_radicada", 1) is None
        assert state.mark_for("pqr_datos_validados", 1) is not None
        call_id = desk_of(app).active.call_id  # type: ignore[union-attr]
    with read_session(services.engine) as session:
        assert session.exec(select(Pqr).where(Pqr.call_id == call_id)).all() == []


async def test_a_blacklisted_account_offers_step_2s_validation_to_record(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _to_blacklisted_filing(pilot, services)
        assert panel_id(app) == "PQR030", message(app)
        assert screen(app).field("val").value == "cc+fecha exp"  # prefilled, not recorded
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.mark_for("pqr_datos_validados", 1) is None
        await _fill_form(pilot, mot="1", ch="4", dest="6014567890")
        await enter(pilot)
        assert message(app).startswith("PQR radicada"), message(app)
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.mark_for("pqr_datos_validados", 1).result == "cc+fecha exp"  # type: ignore[union-attr]


async def test_5_on_step_2s_pqr_pendiente_opens_the_consult_to_look(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "pqr_pending"))
        assert shown(app, "pqr_label") == "PQR pendiente revisada (5=Ver)"
        await fill(pilot, pqr="5", sta="s", request="Pregunta por su PQR", br="4")
        await enter(pilot)
        assert panel_id(app) == "PQR010", message(app)
        assert message(app).startswith("Consulta de la PQR pendiente (paso 2)")
        assert not screen(app).field("ok").display  # nothing to confirm from step 2
        assert "ABIERTA" in app.screen.panel.canvas.plain().splitlines()[6]  # type: ignore[attr-defined]
        await fill(pilot, o_0="5")
        await enter(pilot)
        assert panel_id(app) == "PQR010" and shown(app, "detail2").startswith("Asunto: ")
        await enter(pilot)  # Intro (or F12) goes back to step 2, which is unchanged
        assert panel_id(app) == "LLM002", message(app)
        state = desk_of(app).active.record.state  # type: ignore[union-attr]
        assert state.step == 2 and state.mark_for("pqr_revisada", 0) is None
        assert screen(app).field("pqr").value == ""
        assert screen(app).field("request").value == "Pregunta por su PQR"
        await fill(pilot, pqr="s")
        await enter(pilot)
        assert panel_id(app) == "LLM003", message(app)


async def test_5_on_pqr_pendiente_waits_for_the_blacklist_rule(
    app: SwatApp, services: Services
) -> None:
    """The "everything" account is blacklisted with a pending PQR: no look before F7."""
    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "everything"))
        await fill(pilot, pqr="5")
        await enter(pilot)
        assert panel_id(app) == "LLM002" and "BLACKLIST" in message(app)


# -- snapshots (80x24, fixed clock) -----------------------------------------------------


def test_snapshot_filing_empty(snap_compare: Snap, app: SwatApp) -> None:
    """PQR030 as step 6 opens it: the request from step 2, the ten matrix motives listed under an
    empty Motivo, and every field (validation, notes, channel, destination, confirmation)
    empty, with the hint to validate the personal data first."""
    assert snap_compare(app, terminal_size=SIZE, run_before=routes.to_pqr_filing)


def test_snapshot_filing_filed(snap_compare: Snap, app: SwatApp) -> None:
    """PQR030 after Intro on a complete form: motive 2 explained (Queja, genera CUN, UCC
    PQR-QUE-002, responds Facturación), the radicado and CUN with the response date 15
    business days away, the hint to read them to the customer, and row 24 confirms the filing."""

    async def run_before(pilot: Pilot[None]) -> None:
        await routes.to_pqr_filing(pilot)
        await fill(pilot, val="cédula y fecha de expedición")
        await _fill_form(pilot)
        await enter(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_filing_blacklist_refused_before_validation(
    snap_compare: Snap, app: SwatApp, services: Services
) -> None:
    """PQR030 on a BLACKLIST account whose validation field was emptied: the filled form stays
    as typed, no radicado is shown, and row 24 refuses to file until the personal data are
    validated in this call."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _to_blacklisted_filing(pilot, services)
        await _fill_form(pilot, val="")
        await enter(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def test_a_motive_without_cun_says_so_and_the_channel_offers_the_account_address(
    app: SwatApp, services: Services, tmp_path: Any, monkeypatch: Any
) -> None:
    from swat_tui.domain.pqr import intents as pqr_intents
    from swat_tui.domain.pqr.matrix import COLUMNS, read_matrix
    from swat_tui.store.demo import SHOWCASE
    from tests.gates import SEE_ALL
    from tests.ui.helpers import type_keys

    path = tmp_path / "matriz.csv"
    row = "peticion_info,Petición de información,peticion,no,Servicio al cliente,PQR-CON-002"
    path.write_text(f"{','.join(COLUMNS)}\n{row}\n", encoding="utf-8")
    matrix = read_matrix(path)
    monkeypatch.setattr(pqr_intents, "load_matrix", lambda: matrix)
    address = services.accounts.open_panel(SHOWCASE["activa"], agent="T", gate=SEE_ALL).address
    assert address
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_pqr_filing(pilot)
        assert shown(app, "mlist1") == "1=peticion_info"
        await fill(pilot, val="cédula", mot="1", notes=NOTES)
        assert shown(app, "motive") == "Petición, sin CUN, UCC PQR-CON-002"
        await type_keys(pilot, "ch", "2")
        assert screen(app).field("dest").value == address  # to confirm with the customer
        await fill(pilot, cf="S")
        await enter(pilot)
        assert "sin CUN (la matriz no lo da)" in shown(app, "rad1"), message(app)
        await fill(pilot, inf="S")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "PQR-CON-002"
        assert screen(app).field("res").value == "1"  # no CUN: first contact is offered
