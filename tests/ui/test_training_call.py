"""A trainee takes an assigned scenario's call through the real panels: it rings from
the training store, the simulated caller talks, and after the ACW the scorecard shows.

The real store is never written by a training call (a test below proves it), and the
trainee's real desk waits in AUX Capacitación meanwhile.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect
from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.domain.training import assignments
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.paths import data_dir
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, fill, message, panel_id, screen, shown, sign_on, type_into

Snap = Any
SIZE = (80, 24)
SCENARIO = data_dir() / "scenarios" / "pqr_consulta_vencida.toml"


def _assign(app: SwatApp) -> None:
    training = app.training
    assert training is not None and training.open_store() is not None
    assert training.services is not None
    scenario = load_scenario(SCENARIO)
    assignments.assign(
        training.services.engine,
        scenario_ids=[scenario.id],
        trainees=["ASESOR01"],
        by="FORMA01",
        now=training.services.clock(),
    )


def _row_counts(app: SwatApp) -> dict[str, int]:
    assert app.services is not None
    engine = app.services.engine
    tables = inspect(engine).get_table_names()
    with engine.connect() as connection:
        from sqlalchemy import table

        return {
            name: connection.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in tables
        }


async def _take_the_assigned_call(pilot: object) -> SwatApp:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app = pilot.app
    assert isinstance(app, SwatApp)
    await sign_on(pilot)
    _assign(app)
    await pilot.press("f2")
    await type_into(pilot, "opt", "1")  # Disponible: the assigned scenario rings first
    await enter(pilot)
    assert app.training is not None and app.training.poll()
    await pilot.pause()
    assert app.training.active and app.desk is not None and app.desk.ringing is not None
    assert app.desk.ringing.ani == "3056900846"
    await type_into(pilot, "opt", "3")
    await enter(pilot)
    return app


async def test_a_trainee_takes_an_assigned_scenario_through_the_panels(app: SwatApp) -> None:
    before: dict[str, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        before = _row_counts(app)
        await pilot.press("f3")  # signed off: the test signs on again below
        await pilot.pause()
        await _take_the_assigned_call(pilot)
        assert panel_id(app) == "LLM001"
        # The caller greets; the request comes only after the welcome script is read.
        assert shown(app, "says") == "Cliente: «Aló, sí, buenas tardes.»"
        await fill(pilot, wel="s")
        await type_into(pilot, "caller_name", "Yaneth Salamanca Moreno")
        await pilot.pause()
        holder = _holder(app)  # a holder calling is the account's holder in this store
        assert message(app) == f"Cliente: «{holder}»"  # asked: the caller answers
        await type_into(pilot, "caller_document", "1050577")
        await fill(pilot, rel="1")
        await enter(pilot)
        assert panel_id(app) == "LLM002", message(app)
        assert "Puse un reclamo hace un mes" in shown(app, "says")
        await fill(pilot, pqr="s", sta="s", request="Consulta su reclamo sin respuesta", br="4")
        await enter(pilot)
        assert panel_id(app) == "LLM003"
        await fill(pilot, g="1")
        await enter(pilot)
        assert panel_id(app) == "PQR010"
        await fill(pilot, ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        await fill(pilot, code_in="PQR-CON-001", res="1", notes="Se informa la PQR vencida.")
        await enter(pilot)
        assert panel_id(app) == "LLM008", message(app)
        await type_into(pilot, "mas", "n")
        await pilot.pause()  # the question is asked once the cursor settled there
        assert "eso era todo" in message(app)  # "¿algo más?" answered
        await fill(pilot, inf="s", bye="s", srv="1", sc="5")
        await enter(pilot)
        assert panel_id(app) == "SFT001", message(app)
        await type_into(pilot, "opt", "7")  # the ACW ends: the call is scored
        await enter(pilot)
        await pilot.pause()
        assert panel_id(app) == "TRN030", message(app)
        assert shown(app, "verdict").startswith("Puntaje: ")
        training = app.training
        assert training is not None and not training.active
        assert app.desk is not None and app.desk.phone.aux is not None
        assert app.desk.phone.aux.code == 3  # the real desk waited in Capacitación
        services = training.services
        assert services is not None
        [kept] = assignments.history(services.engine)
        assert kept.scenario_id == "PQR-CON-01" and kept.trainee == "ASESOR01"
        assert screen(app).card.call_id == kept.call_id  # type: ignore[attr-defined]
        # Nothing of the training call reached the real store.
        assert _row_counts(app) == {**before, **_presence_rows(app, before)}
        assert app.services is not None
        with read_session(app.services.engine) as session:
            assert session.exec(select(Call)).all() == []


def _holder(app: SwatApp) -> str:
    from swat_tui.store.models import Account

    training = app.training
    assert training is not None and training.services is not None
    with read_session(training.services.engine) as session:
        account = session.get(Account, 10000039)
        assert account is not None
        return account.holder_name


def _presence_rows(app: SwatApp, before: dict[str, int]) -> dict[str, int]:
    """The tables a signed-on session writes in the real store whatever it does (its
    presence and the access log of the sign-on): compared as they are now."""
    now = _row_counts(app)
    return {
        name: now[name] for name in ("agent_presence", "access_log", "profile_audit") if name in now
    }


async def _to_interpretation_in_training(pilot: Pilot[None]) -> None:
    """A trainee's assigned call answered, step 1 done: LLM002 with the caller talking."""
    await _take_the_assigned_call(pilot)
    await fill(pilot, wel="s")
    await type_into(pilot, "caller_name", "Yaneth Salamanca Moreno")
    await type_into(pilot, "caller_document", "1050577")
    await fill(pilot, rel="1")
    await enter(pilot)
    assert panel_id(pilot.app) == "LLM002"  # type: ignore[arg-type]


def test_caller_line_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """LLM002 of a training call at 80x24: the turquoise caller line under "Siguiente"
    reads «Puse un reclamo hace un mes y nadie me ha respondido.» (the request stays in
    sight while the agent types it, though the caller answered name, document and
    relation after it on LLM001)."""
    assert snap_compare(app, terminal_size=SIZE, run_before=_to_interpretation_in_training)


def test_caller_transcript_wide_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """The same LLM002 at 160x24: the panel as at 80x24, the Guía SWAT column, and the
    "Cliente (formación)" column with everything the caller said, in order: greeting,
    request, name, document, relation."""
    assert snap_compare(app, terminal_size=(160, 24), run_before=_to_interpretation_in_training)


async def test_a_trainee_who_hangs_up_sees_the_card_of_an_abandoned_call(app: SwatApp) -> None:
    """Hung up from the softphone in step 1, then the ACW ended: the card comes up (its
    call panel, uncovered on the way, goes back to the menu first, never over it)."""
    async with app.run_test(size=SIZE) as pilot:
        await _take_the_assigned_call(pilot)
        assert panel_id(app) == "LLM001"
        await pilot.press("f2")
        await type_into(pilot, "opt", "6")
        await enter(pilot)
        await type_into(pilot, "opt", "7")
        await enter(pilot)
        await pilot.pause()
        assert panel_id(app) == "TRN030", message(app)
        assert "abandonada" in shown(app, "critical")
        assert [getattr(s, "PANEL_ID", "") for s in app.screen_stack][-2:] == ["MNU001", "TRN030"]
