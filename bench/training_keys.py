"""Figure 6e: the trainee's key press to repainted panel on scenario calls (issue 20).

The same Pilot session, clock and baseline as ``bench/keys.py`` (80x24,
``frozen=True``, signed on as the bench profile; the clock stops once the
target panel is ready, every message is processed and the frame is encoded).
The training store is opened once, untimed (``app.training.open_store()``:
``training.db`` beside a SQLite bench store, ``<db>_training`` on a server).
Each repetition rings a shipped scenario on this terminal
(``app.training.start``), in turn PQR-CON-01, SAC-FAC-01 and MAS-REP-01, answers
it on the softphone (3) and times, as the practice benches do:

- Intro LLM001 -> LLM002 and Intro LLM002 -> LLM003;
- Intro on LLM003 with Gestión typed -> the sub-flow panel (PQR010, SAC020, MAS010);
- F22 on the sub-flow panel -> TIP001 (F12 back, untimed);
- Intro TIP001 -> LLM008 (the sub-flow done and Intro to TIP001 untimed);
- the softphone's 7 (ACW ended) -> TRN030: the call is scored, its result row
  written and the scorecard shown; reported apart, with the scoring itself
  (``TrainingCall.finish``) as a figure of its own.

F3 on TRN030 and F2 bring the softphone back for the next call. The training
calls the run made are deleted from the training store at the end.
"""

from __future__ import annotations

import asyncio
import gc
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text

from bench.common import Figure, delete_calls, log, median, percentile
from bench.demo_build import Store
from bench.keys import (
    WARM_UP,
    KeyClock,
    _bare_keys,
    _clear_open_calls,
    _fill,
    _press,
    _rr,
    _sign_on,
    baseline_figures,
    key_figures,
    step2_acks,
)
from bench.panel import GcWatch

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.domain.training.training_call import TrainingCall
    from swat_tui.ui.app import SwatApp


@dataclass(frozen=True)
class ScenarioCall:
    """A shipped scenario and what the trainee types to take it through its sub-flow."""

    file: str  # in data/scenarios/
    branch: str  # Rama on LLM002
    option: str  # Gestión on LLM003
    panel: str  # the sub-flow panel it opens
    done: dict[str, str] = field(default_factory=dict)  # the sub-flow panel's checks
    code: str = ""
    resolution: str = "1"  # TIP001: 1 = first contact, 2 = CUN
    stays: int = 0  # Intros the sub-flow panel takes before going on (MAS010 ties the call)


SCENARIOS = (
    ScenarioCall("pqr_consulta_vencida.toml", "4", "1", "PQR010", {"ok": "S"}, "PQR-CON-001"),
    ScenarioCall(
        "facturacion_cobros_adicionales.toml",
        "1",
        "2",
        "SAC020",
        {"ok": "S", "res": "S"},
        "SAC-FAC-006",
    ),
    ScenarioCall(
        "masiva_rellamada.toml",
        "2",
        "2",
        "MAS010",
        {"inf": "S", "aso": "S"},
        "SOP-MAS-002",
        "2",
        stays=1,
    ),
)

# (figure key, label) in report order.
FIGURES = (
    ("llm001", "Intro LLM001 -> LLM002"),
    ("llm002", "Intro LLM002 -> LLM003"),
    ("subflow", "Intro LLM003 -> sub-flow panel"),
    ("f22", "F22 typification, sub-flow panel -> TIP001"),
    ("tip001", "Intro TIP001 -> LLM008"),
)
SCORED = (("trn030", "7 ACW ended -> TRN030 scorecard (scores the call)"),)

Samples = dict[str, list[float]]


def scenarios() -> list[Scenario]:
    """The shipped scenarios the bench rings, in turn."""
    from swat_tui.domain.training.scenario_file import load_scenario
    from swat_tui.paths import data_dir

    return [load_scenario(data_dir() / "scenarios" / s.file) for s in SCENARIOS]


def cuenta_of(scenario: Scenario) -> str:
    """The showcase cuenta the trainee types on LLM001 ("" for a caller with none)."""
    from swat_tui.store.demo import SHOWCASE

    showcase = scenario.account.showcase
    return str(SHOWCASE[showcase]) if showcase is not None else ""


def _timed_finish(call: TrainingCall, spent: list[float]) -> None:
    """Time the scoring (``TrainingCall.finish``: facts read, scored, result written)."""
    finish = call.finish

    def timed() -> object:
        started = time.perf_counter()
        try:
            return finish()
        finally:
            spent.append((time.perf_counter() - started) * 1e3)

    setattr(call, "finish", timed)  # noqa: B010 (an instance's method, for this call only)


async def _one_call(
    pilot: Pilot[None],
    clock: KeyClock,
    how: ScenarioCall,
    scenario: Scenario,
    samples: Samples | None,
    call_ids: list[int],
) -> None:
    """One scenario call from the softphone to its scorecard, and back to the softphone."""
    app: SwatApp = pilot.app  # type: ignore[assignment]
    training = app.training
    assert training is not None
    _rr(app, "SFT001")
    training.start(scenario)
    call = training.call
    assert call is not None and call.call_id is not None
    call_ids.append(call.call_id)
    scoring: list[float] = []
    _timed_finish(call, scoring)
    await pilot.pause()
    times: dict[str, float] = {}
    await _fill(pilot, opt="3")
    await _press(pilot, "enter", then="LLM001")
    await _fill(
        pilot,
        wel="S",
        caller_name=scenario.caller.name,
        caller_document=scenario.caller.document,
        rel="1",
        cuenta=cuenta_of(scenario),
    )
    times["llm001"] = await clock.time("enter", "LLM002")
    request = scenario.caller.lines.request or "Consulta"
    await _fill(pilot, **step2_acks(app), sta="S", request=request, br=how.branch)
    times["llm002"] = await clock.time("enter", "LLM003")
    await _fill(pilot, g=how.option)
    times["subflow"] = await clock.time("enter", how.panel)
    times["f22"] = await clock.time("f22", "TIP001")
    await _press(pilot, "f12", then=how.panel)
    await _fill(pilot, **how.done)
    for _ in range(how.stays):
        await _press(pilot, "enter", then=how.panel)
    await _press(pilot, "enter", then="TIP001")
    await _fill(pilot, code_in=how.code, res=how.resolution, notes="Atendida en formación.")
    times["tip001"] = await clock.time("enter", "LLM008")
    await _fill(pilot, inf="S", bye="S", mas="N", srv="2")
    await _press(pilot, "enter", then="SFT001")
    await _fill(pilot, opt="7")
    times["trn030"] = await clock.time("enter", "TRN030")
    await _press(pilot, "f3")
    await _press(pilot, "f2", then="SFT001")
    if samples is not None:
        for name, elapsed in times.items():
            samples[name].append(elapsed)
        samples["scoring"] += scoring


@dataclass
class Session:
    samples: Samples
    bare: list[float]


async def _session(store: Store, count: int, watch: GcWatch) -> Session:
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.ui.app import make_app

    settings = Settings(db_url=store.url, seed_demo_accounts=0, frozen=True)
    services = open_services(settings)
    samples: Samples = {name: [] for name, _ in FIGURES + SCORED}
    samples["scoring"] = []
    call_ids: list[int] = []
    training_services = None
    played = scenarios()
    try:
        app = make_app(settings, services)
        async with app.run_test(size=(80, 24)) as pilot:
            clock = KeyClock(pilot, watch)
            await _sign_on(pilot)
            training = app.training
            if training is None:
                raise RuntimeError(f"{store.shown}: the bench profile has no trainer mode")
            started = time.perf_counter()
            training_services = training.open_store()
            if training_services is None:
                raise RuntimeError(f"training store: {training.error}")
            log(f"training_keys: training store open in {time.perf_counter() - started:.1f} s")
            _clear_training_calls(training_services.engine)
            await _press(pilot, "f2", then="SFT001")
            warm = -(-WARM_UP // len(SCENARIOS)) * len(SCENARIOS)  # whole rounds
            calls = warm + count * len(SCENARIOS)
            log(f"training_keys: {calls} scenario calls ({warm} of warm-up)")
            for index in range(calls):
                turn = index % len(SCENARIOS)
                counted = samples if index >= warm else None
                await _one_call(pilot, clock, SCENARIOS[turn], played[turn], counted, call_ids)
            await app.navigator.exit_to_menu()
            bare = await _bare_keys(pilot, clock, count * len(SCENARIOS))
            app.exit()
        return Session(samples, bare)
    finally:
        if call_ids and training_services is not None:
            _delete_training_calls(training_services.engine, call_ids)
            log(f"training_keys: deleted the {len(call_ids)} training calls the run made")
        if training_services is not None:
            training_services.close()
        services.close()


# Rows of the training store that point at a call and that ``delete_calls`` leaves.
TRAINING_CHILD_TABLES = ("training_result", "incident_link")


def _delete_training_calls(engine: object, call_ids: list[int]) -> None:
    from sqlalchemy.engine import Engine

    assert isinstance(engine, Engine)
    marks = ",".join(str(int(call_id)) for call_id in sorted(set(call_ids)))
    with engine.begin() as connection:
        for table in TRAINING_CHILD_TABLES:
            connection.execute(text(f"DELETE FROM {table} WHERE call_id IN ({marks})"))
    delete_calls(engine, call_ids)


def _clear_training_calls(engine: object) -> None:
    """Training calls of the bench profile an interrupted run left: deleted, so no
    scenario account is still in a call (``AccountInUse``)."""
    from sqlalchemy.engine import Engine

    from bench.common import BENCH_USER

    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        left = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT call.id FROM call JOIN agent ON agent.id = call.agent_id"
                    " WHERE agent.username = :u"
                ),
                {"u": BENCH_USER},
            )
        ]
    if left:
        log(f"training_keys: deleting {len(left)} training calls an earlier run left")
        _delete_training_calls(engine, left)


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95 of each key of a scenario call (``count`` rounds of the three scenarios),
    against a key pushing a bare screen; the scoring apart."""
    _clear_open_calls(store)
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        session = asyncio.run(_session(store, count, watch))
    finally:
        gc.callbacks.remove(watch)
    bare, samples = session.bare, session.samples
    figures = key_figures("training_keys", FIGURES + SCORED, samples, bare)
    scoring = samples["scoring"]
    figures.append(
        Figure(
            "training_keys",
            f"of which scoring the call (TrainingCall.finish) p95 (n={len(scoring)})",
            percentile(scoring, 0.95),
            "ms",
            note=f"median {median(scoring):.1f} ms; call facts read, scored, result written",
        )
    )
    figures += baseline_figures("training_keys", bare, watch)
    return figures
