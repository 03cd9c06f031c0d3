"""The trainer's area (TRN001-TRN003) and the trainee's own training (TRN020).

FORMA01 filters the catalogue, assigns a scenario to ASESOR01 (the row lands in the
training store) and rings another on their own terminal (option 9); ASESOR01, signed
on after them, sees the assignment pending on TRN020 and opens a scored call's card.
The training store (``training.db`` beside the test's ``swat.db``) is built with the
demo when first opened: each route opens it (a frozen test run does not at sign-on).
"""

from __future__ import annotations

from swat_tui.domain.training import assignments
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, message, panel_id, screen, shown, sign_on, type_into
from tests.ui.training_routes import (
    choose,
    scored_call,
    to_assign,
    to_catalogue,
    to_my_training,
    training_of,
    training_services,
)


async def test_trainer_filters_assigns_and_the_trainee_sees_it_pending(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_catalogue(pilot)
        assert panel_id(app) == "TRN001", message(app)
        assert shown(app, "summary").startswith("32 escenarios")
        await type_into(pilot, "rama", "PQR")
        await enter(pilot)
        ids = [record["id"] for record in screen(app).all_records]  # type: ignore[attr-defined]
        assert ids == ["CERT-01-5", "PQR-CON-01", "PQR-DES-01", "PQR-PEN-01", "PQR-RAD-01"]
        assert shown(app, "summary") == "5 de 32 escenarios con estos filtros."
        await type_into(pilot, "rama", "PQR/DESISTIR")
        await enter(pilot)
        assert [r["id"] for r in screen(app).all_records] == ["PQR-DES-01"]  # type: ignore[attr-defined]
        await type_into(pilot, "rama", "PQR")
        await enter(pilot)

        await choose(pilot, "PQR-CON-01", "1")
        assert panel_id(app) == "TRN002"
        assert "ASESOR01, ASESOR02" in shown(app, "list1")
        await type_into(pilot, "trainees", "ASESOR01, NADIE99")
        await enter(pilot)
        assert message(app) == "No existe el perfil NADIE99 en la formación."
        assert screen(app).field("trainees").value == "ASESOR01, NADIE99"  # kept to correct
        engine = training_services(app).engine
        assert assignments.assignments(engine) == ()  # refused whole
        await type_into(pilot, "trainees", "asesor01")
        await enter(pilot)
        assert message(app) == "Escenario PQR-CON-01 asignado a ASESOR01."
        [given] = assignments.assignments(engine, pending_only=True)
        assert (given.scenario_id, given.trainee, given.assigned_by) == (
            "PQR-CON-01",
            "ASESOR01",
            "FORMA01",
        )

        # ASESOR01 signs on at this terminal after the trainer: the assignment waits.
        await pilot.press("f3")  # TRN002 -> the menu
        await type_into(pilot, "option", "90")
        await enter(pilot)
        assert panel_id(app) == "SGN001"
        await to_my_training(pilot)
        assert panel_id(app) == "TRN020", message(app)
        assert shown(app, "pending") == "1"
        assert shown(app, "pend1").startswith("PQR-CON-01 ")
        assert "de FORMA01, 28/11/26 09:30" in shown(app, "pend1")
        assert shown(app, "detail") == "Aún no tiene llamadas de formación calificadas."


async def test_a_whole_series_goes_in_id_order(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_assign(pilot, "CERT-01-3")
        assert shown(app, "series_q") == "Serie completa (S/N):"
        assert shown(app, "series").startswith("CERT-01: CERT-01-1, CERT-01-2")
        await type_into(pilot, "w", "X")
        await type_into(pilot, "trainees", "ASESOR02")
        await enter(pilot)
        assert message(app) == "Serie completa: S o N."
        await type_into(pilot, "w", "S")
        await type_into(pilot, "trainees", "ASESOR01,ASESOR02")
        await enter(pilot)
        assert message(app) == "Serie CERT-01 (5 escenarios) asignada a ASESOR01, ASESOR02."
        given = assignments.assignments(training_services(app).engine)
        assert len(given) == 10
        mine = sorted(
            (line for line in given if line.trainee == "ASESOR01"), key=lambda x: x.position
        )
        assert [(line.scenario_id, line.position, line.series) for line in mine] == [
            (f"CERT-01-{n}", n - 1, "CERT-01") for n in range(1, 6)
        ]


async def test_option_9_rings_the_scenario_on_this_terminal(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_catalogue(pilot)
        real = app.desk
        await choose(pilot, "PQR-CON-01", "9")
        training = training_of(app)
        assert training.active
        assert app.desk is not real and app.desk is not None
        assert app.desk.ringing is not None  # the training call, on the training desk
        assert panel_id(app) == "TRN001"
        assert message(app) == (
            "PQR-CON-01 timbra en esta terminal: contéstelo en el softphone (F2)."
        )
        await choose(pilot, "PQR-DES-01", "9")  # one at a time
        assert message(app) == "Ya tiene una llamada de formación: termínela antes de otra."


async def test_option_5_shows_the_summary_and_bad_filters_are_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_catalogue(pilot)
        await type_into(pilot, "rama", "VENTAS")
        await enter(pilot)
        assert message(app) == "Rama ventas: no existe. Ramas: pqr, sac, soporte, visita."
        assert len(screen(app).all_records) == 32  # type: ignore[attr-defined]
        await type_into(pilot, "rama", "")
        await type_into(pilot, "n", "7")
        await enter(pilot)
        assert message(app) == "Nivel: 1, 2 o 3 (o en blanco)."
        await type_into(pilot, "n", "")
        await type_into(pilot, "objetivo", "Vencída")
        await enter(pilot)
        assert [r["id"] for r in screen(app).all_records] == ["CERT-01-5"]  # type: ignore[attr-defined]
        await choose(pilot, "CERT-01-5", "4")
        assert message(app).startswith("Opción 4: no válida.")
        await choose(pilot, "CERT-01-5", "5")
        assert panel_id(app) == "TRN003"
        first = screen(app).all_records[0]["line"]  # type: ignore[attr-defined]
        assert first.startswith("CERT-01-5  Certificación 5/5")


async def test_trainee_opens_a_scored_calls_card(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_my_training(pilot)
        call_id = scored_call(training_services(app), "PQR-CON-01", app)
        await pilot.press("f5")
        await pilot.pause()
        assert message(app) == "Sus escenarios y resultados, leídos de nuevo."
        [record] = screen(app).all_records  # type: ignore[attr-defined]
        assert (record["scn"], record["pts"], record["ok"], record["kind"]) == (
            "PQR-CON-01",
            "100",
            "Sí",
            "práctica",
        )
        await type_into(pilot, "o_0", "5")
        await enter(pilot)
        assert panel_id(app) == "TRN030"
        assert screen(app).card.call_id == call_id  # type: ignore[attr-defined]


async def test_before_the_training_store_is_open_the_panel_says_so(app: SwatApp) -> None:
    """A frozen test run does not open the training store at sign-on: the panel is
    reached before it is open, as an agent may reach it in the first seconds."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "FORMA01")
        training = training_of(app)
        assert training.services is None
        await type_into(pilot, "option", "7")
        await enter(pilot)
        assert panel_id(app) == "TRN001"
        assert message(app) == "Se está preparando la formación; pulse F5 (o Intro) en un momento."
        assert screen(app).all_records == []  # type: ignore[attr-defined]
        training.error = "el disco está lleno"  # what open_store keeps when it fails
        await enter(pilot)
        assert message(app) == "Formación no disponible: el disco está lleno"
        training.error = ""
        training.open_store()
        await pilot.press("f5")
        await pilot.pause()
        assert len(screen(app).all_records) == 32  # type: ignore[attr-defined]
        assert message(app) == "Escenarios leídos de nuevo."
