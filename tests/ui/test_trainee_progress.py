"""The trainer's trainee side: TRN010 (the trainees), TRN011 (one trainee's history and
progress plot) and TRN012 (a trainee's training call, live and read-only).

The trainer is FORMA01; results are written with ``assignments.record_result`` into the
training store (``training.db`` beside the test's ``swat.db``, built once its worker is
done); a live call is a ``TrainingCall`` started on that store for ASESOR01.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.domain.training import assignments, scorecard_json
from swat_tui.domain.training.catalog import load_catalog
from swat_tui.domain.training.training_call import TrainingCall
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Call, TrainingResult
from swat_tui.ui.app import SwatApp
from tests.training.cards import FLAWED
from tests.ui.campaign_routes import settled
from tests.ui.conftest import FIXED_NOW
from tests.ui.helpers import message, panel_id, screen, shown, sign_on, type_into

Snap = Any
WIDE = (140, 30)
TRAINER = "FORMA01"
# ASESOR01's calls, oldest first: (scenario, mode, score, passed); the third is the card.
SCORES = [
    ("PQR-CON-01", "practica", 55, False),
    ("SAC-CAR-01", "practica", 62, False),
    ("PQR-CON-01", "practica", 67, False),
    ("SOP-PUN-01", "practica", 81, False),
    ("SAC-FAC-01", "practica", 88, True),
    ("CERT-01-1", "certificacion", 79, False),
    ("MAS-REP-01", "practica", 93, True),
    ("CERT-01-1", "certificacion", 90, True),
]


async def to_trainer(pilot: Pilot[None]) -> Services:
    """Signed on as FORMA01 with the training store open; its services."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    await sign_on(pilot, TRAINER)
    assert app.training is not None
    services = app.training.open_store()  # frozen test runs open it when they need it
    assert services is not None, app.training.error
    return services


def _call(services: Services, username: str) -> int:
    """A finished training call row of ``username`` (what a result points at)."""
    agent = assignments.trainee_id(services.engine, username)
    assert agent is not None
    with write_session(services.engine) as session:
        call = Call(
            agent_id=agent,
            ani="3015550101",
            queue="HOGAR_SAC",
            status="ended",
            started_at=FIXED_NOW - timedelta(days=10),
        )
        session.add(call)
        session.flush()
        assert call.id is not None
        return call.id


def write_history(services: Services) -> None:
    """ASESOR01's eight scored calls (one a day), ASESOR02's one, and a pending scenario."""
    for username, scores in (("ASESOR01", SCORES), ("ASESOR02", [SCORES[0]])):
        trainee = assignments.trainee_id(services.engine, username)
        assert trainee is not None
        for index, (scenario, mode, score, passed) in enumerate(scores):
            call_id = _call(services, username)
            card = FLAWED if index == 2 else None
            assignments.record_result(
                services.engine,
                TrainingResult(
                    call_id=call_id,
                    trainee_id=trainee,
                    scenario_id=scenario,
                    mode=mode,
                    score=score,
                    passed=passed,
                    critical=0 if passed else 1,
                    handle_seconds=240 + 15 * index,
                    scorecard_json=scorecard_json.to_json(card) if card else "{}",
                    scored_at=FIXED_NOW - timedelta(days=len(scores) - index),
                ),
            )
    assignments.assign(
        services.engine,
        scenario_ids=["PQR-DES-01"],
        trainees=["ASESOR02"],
        by=TRAINER,
        now=FIXED_NOW,
    )


def start_live_call(services: Services, *, answer: bool = True) -> TrainingCall:
    """ASESOR01's training call on PQR-CON-01: rung, answered, welcomed, name asked."""
    scenario = load_catalog([]).find("PQR-CON-01")
    assert scenario is not None
    call = TrainingCall.start(services, scenario, username="ASESOR01")
    call.ring()
    if answer:
        desk = call.desk
        desk.answer()
        desk.call.record_check("saludo", "guion leído")
        call.ask("caller_name")
        desk.call.set_field("caller_name", scenario.caller.name)
    return call


async def to_trainees(pilot: Pilot[None]) -> None:
    """TRN010 with ASESOR01's history written and a live call of theirs."""
    services = await to_trainer(pilot)
    write_history(services)
    start_live_call(services)
    app = pilot.app
    assert isinstance(app, SwatApp)
    await app.navigator.open_panel("TRN010")  # menu option 8 is H5's (data/menus.toml)
    await pilot.pause()


async def _option(pilot: Pilot[None], row: int, option: str) -> None:
    await type_into(pilot, f"o_{row}", option)
    await pilot.press("enter")
    await pilot.pause()


async def to_history(pilot: Pilot[None]) -> None:
    """TRN011 of ASESOR01 (option 5 on the first row of TRN010)."""
    await to_trainees(pilot)
    await _option(pilot, 0, "5")
    await pilot.pause()


async def to_live(pilot: Pilot[None]) -> None:
    """TRN012 of ASESOR01 (option 8 on the first row of TRN010), its first read done."""
    await to_trainees(pilot)
    await _option(pilot, 0, "8")
    await settled(pilot)


def _records(app: SwatApp) -> list[dict[str, str]]:
    return list(getattr(screen(app), "all_records", []))


async def test_trainees_list_sums_each_trainee_up(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_trainees(pilot)
        assert panel_id(app) == "TRN010"
        first, second = _records(app)
        assert first == {
            "usuario": "ASESOR01",
            "name": first["name"],
            "pen": "0",
            "n": "8",
            "last": "90",
            "avg": str(round((81 + 88 + 79 + 93 + 90) / 5)),
            "cert": "Aprobada",
            "live": "EN CURSO",
        }
        assert (second["usuario"], second["pen"], second["n"], second["cert"], second["live"]) == (
            "ASESOR02",
            "1",
            "1",
            "",
            "",
        )
        assert "2 asesores, 1 en llamada ahora" in shown(app, "summary")


async def test_trainees_wrong_option_is_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_trainees(pilot)
        await _option(pilot, 1, "4")
        assert panel_id(app) == "TRN010"
        assert "Opción 4 no válida" in message(app)
        await type_into(pilot, "o_1", "")
        await pilot.press("enter")
        assert "Digite 5" in message(app)


async def test_history_lists_the_calls_and_opens_a_scorecard(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        assert panel_id(app) == "TRN011"
        records = _records(app)
        assert [r["pt"] for r in records] == [str(score) for _, _, score, _ in SCORES]
        assert records[5]["mo"] == "Cert." and records[4]["verdict"] == "Aprobada"
        assert records[0]["verdict"] == "No aprobó" and records[0]["handle"] == "04:00"
        assert "8 llamadas" in shown(app, "trainee")
        assert "ASESOR01" in shown(app, "trainee")
        assert shown(app, "trainee").endswith("promedio últimas 5: 86 · certificado")
        plot = app.screen.query_one("#panel-plot")
        assert (plot.region.y - screen(app).panel.region.y, plot.region.height) == (12, 9)
        # The list opens on its last page (the newest calls); the card is on the first.
        await pilot.press("pageup")
        await _option(pilot, 2, "5")
        assert panel_id(app) == "TRN030"
        assert "PQR-CON-01" in shown(app, "scenario")
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TRN011"


async def test_history_without_a_card_says_so(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        await _option(pilot, 0, "5")  # the newest: written without its card
        assert panel_id(app) == "TRN011"
        assert message(app) == "El resultado de esa llamada no se puede leer."


async def test_live_call_shows_scenario_events_and_caller(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_live(pilot)
        assert panel_id(app) == "TRN012"
        assert "ASESOR01" in shown(app, "trainee") and "EN LÍNEA" in shown(app, "trainee")
        assert shown(app, "scenario").startswith("Escenario PQR-CON-01: Consulta de una PQR")
        assert shown(app, "state").startswith("Paso 1 ")
        events = [shown(app, f"ev{index}") for index in range(7)]
        assert any("Contesta la llamada" in line for line in events), events
        assert any("Pregunta al cliente el nombre de quien llama" in line for line in events), (
            events
        )
        caller = [shown(app, f"tx{index}") for index in range(6)]
        scenario = load_catalog([]).find("PQR-CON-01")
        assert scenario is not None
        assert f"«{scenario.caller.name}»" in caller[2], caller
        assert "«Aló, sí, buenas tardes.»" in caller[0]


async def test_live_call_is_read_again_and_ends(app: SwatApp) -> None:
    """The panel follows the call: a new event shows after the next read (F5 or the
    2-second interval), and a hung-up call leaves "Sin llamada de formación en curso"."""
    async with app.run_test(size=(80, 24)) as pilot:
        services = await to_trainer(pilot)
        call = start_live_call(services, answer=False)
        await app.navigator.open_panel("TRN012", "ASESOR01")
        await settled(pilot)
        assert "TIMBRANDO" in shown(app, "trainee")
        call.desk.answer()
        await pilot.press("f5")
        await settled(pilot)
        assert "EN LÍNEA" in shown(app, "trainee")
        assert message(app).startswith("Llamada leída de nuevo")
        call.desk.hang_up()
        await pilot.press("f5")
        await settled(pilot)
        assert shown(app, "state") == "Sin llamada de formación en curso."
        assert shown(app, "ev0") == ""


async def test_live_panel_stops_reading_when_closed(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_live(pilot)
        live = screen(app)
        timer = live._timer  # type: ignore[attr-defined]
        assert timer is not None
        await pilot.press("f3")
        await pilot.pause()
        assert panel_id(app) == "MNU001"
        assert live._timer is None  # type: ignore[attr-defined]


async def test_results_are_in_the_training_store_only(app: SwatApp, services: Services) -> None:
    """What TRN010 reads is the training store's: the real store has no result."""
    async with app.run_test(size=(80, 24)) as pilot:
        training = await to_trainer(pilot)
        write_history(training)
    with read_session(services.engine) as session:
        assert session.exec(select(TrainingResult)).all() == []


# -- snapshots -----------------------------------------------------------------------------


def test_trainees_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TRN010 at 80x24: ASESOR01 (8 calls, last 90, average 86, certification Aprobada,
    EN CURSO in yellow) and ASESOR02 (1 pending, 1 call); row 3 counts 2 trainees, 1 on a
    call, and names the pass mark."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_trainees)


def test_history_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TRN011 at 80x24: the last page of the list (calls 6-8), "Final" under it, the plot
    title on row 12 and the plot on rows 13-21: eight points rising from 55 to 90, passed
    ones white dots, failed ones red crosses, the pass mark a yellow line; x ticks 1-8."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_history)


def test_history_wide_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TRN011 at 140x30: the panel exactly as at 80x24, and beside it (in the guide's
    place) a taller and wider plot of every call with its title."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_history)


def test_live_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TRN012 at 80x24: ASESOR01's call on PQR-CON-01 EN LÍNEA, step 1, the trainee's
    events (timbra, contesta, "Marca Guion de bienvenida", pregunta, "Digita el nombre de
    quien llama": checks and fields named as the guide and the field declarations name
    them) and the caller's four lines."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_live)


def test_live_wide_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TRN012 at 140x30: the panel drawn exactly as at 80x24, and beside it the trainee's
    Guía SWAT as the trainee sees it (the followed call's, as on SUP010): step 1 at 2/4,
    Llamada contestada and Guion de bienvenida ticked, the next action: capture the
    caller's data."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_live)


async def test_history_of_a_trainee_without_calls(app: SwatApp) -> None:
    """No scored call yet: an empty list, the pass mark alone on the plot, row 24 says so."""
    async with app.run_test(size=(80, 24)) as pilot:
        await to_trainer(pilot)
        await app.navigator.open_panel("TRN011", "ASESOR02")
        await pilot.pause()
        assert panel_id(app) == "TRN011" and _records(app) == []
        assert message(app) == "El asesor aún no tiene llamadas de formación calificadas."
        assert app.screen.query("#panel-plot")


def test_the_plot_library_is_not_imported_at_start() -> None:
    """Cold start: textual-plot (and numpy) load when TRN011 opens, never with the app."""
    import subprocess
    import sys

    code = (
        "import sys, swat_tui.cli.main, swat_tui.ui.app, swat_tui.ui.screens.training.history;"
        "print(sorted(m for m in ('textual_plot', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
