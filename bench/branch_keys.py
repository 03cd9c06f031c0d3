"""Figure 9: key press to repainted panel for the SAC and PQR panels of steps 3 and 6.

The same Pilot session and clock as ``bench/keys.py`` (80x24, ``frozen=True``,
signed on as the bench profile; the clock stops once the target panel is
ready, every message is processed and the frame is encoded). Each repetition
takes one guided call per sub-flow, from a demo account's mobile, through
steps 1 and 2 (untimed), then times:

- Intro on LLM003 with Gestión typed: -> SAC010 (cartera), SAC020
  (facturación), SAC030 (recaudo), PQR010 (consultar), PQR020 (desistir),
  PQR030 (radicar);
- on SAC020: F13 then F15 (the second key timed) -> SAC021, F24 then T ->
  SAC022, F9 -> DIM001 (F12 back after each, untimed);
- on SAC030: F21 then F18 -> SAC031.

Each call is then hung up from the softphone and its ACW finished; the calls
are deleted from the store at the end. Baseline: a key pushing a bare screen,
in the same session, as in ``bench/keys.py``.
"""

from __future__ import annotations

import asyncio
import gc
import random
from dataclasses import dataclass

from bench.common import Figure, delete_calls, log
from bench.demo_build import Store
from bench.keys import (
    WARM_UP,
    CallAccount,
    KeyClock,
    _bare_keys,
    _clear_open_calls,
    _fill,
    _press,
    _sign_on,
    answer_to_reception,
    baseline_figures,
    hang_up,
    key_figures,
    pick_accounts,
    step2_acks,
)
from bench.panel import GcWatch

# (figure key, label) in report order.
FIGURES = (
    ("SAC010", "Intro LLM003 -> SAC010 cartera"),
    ("SAC020", "Intro LLM003 -> SAC020 facturación"),
    ("SAC030", "Intro LLM003 -> SAC030 recaudo"),
    ("SAC021", "F13+F15 renta, SAC020 -> SAC021"),
    ("SAC022", "F24+T campañas, SAC020 -> SAC022"),
    ("DIM001", "F9 DIME, SAC020 -> DIM001"),
    ("SAC031", "F21+F18 pagos, SAC030 -> SAC031"),
    ("PQR010", "Intro LLM003 -> PQR010 consulta"),
    ("PQR020", "Intro LLM003 -> PQR020 desistimiento"),
    ("PQR030", "Intro LLM003 -> PQR030 radicación"),
)
# One call per sub-flow: (branch option on LLM002, Gestión on LLM003, the panel it opens).
SUBFLOWS = (
    ("1", "1", "SAC010"),
    ("1", "2", "SAC020"),
    ("1", "3", "SAC030"),
    ("4", "1", "PQR010"),
    ("4", "2", "PQR020"),
    ("4", "3", "PQR030"),
)
# Keys timed on a sub-flow panel: (first key, untimed; timed key; panel; figure key).
PANEL_KEYS = {
    "SAC020": (("f13", "f15", "SAC021"), ("f24", "t", "SAC022"), (None, "f9", "DIM001")),
    "SAC030": (("f21", "f18", "SAC031"),),
}

Samples = dict[str, list[float]]


async def _one_call(
    pilot: object,
    clock: KeyClock,
    account: CallAccount,
    subflow: tuple[str, str, str],
    samples: Samples | None,
    call_ids: list[int],
) -> None:
    """One call to a sub-flow's panel, its keys timed, then hung up and its ACW ended."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app = clock.app
    branch, option, target = subflow
    times: dict[str, float] = {}
    await answer_to_reception(pilot, account, call_ids)
    await _press(pilot, "enter", then="LLM002")
    acks = step2_acks(app)
    await _fill(pilot, **acks, sta="S", request="Pregunta por su cuenta", br=branch)
    await _press(pilot, "enter", then="LLM003")
    await _fill(pilot, g=option)
    times[target] = await clock.time("enter", target)
    for first, second, panel in PANEL_KEYS.get(target, ()):
        if first is not None:
            await _press(pilot, first, then=target)  # the chord's first key: row 24 prompts
        times[panel] = await clock.time(second, panel)
        await _press(pilot, "f12", then=target)
    await hang_up(pilot)
    if samples is not None:
        for name, elapsed in times.items():
            samples[name].append(elapsed)


@dataclass
class Session:
    samples: Samples
    bare: list[float]


async def _session(store: Store, calls: list[CallAccount], count: int, watch: GcWatch) -> Session:
    from swat_tui.config import Settings
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.ui.app import make_app

    settings = Settings(db_url=store.url, seed_demo_accounts=0, frozen=True)
    services = open_services(settings)
    samples: Samples = {name: [] for name, _ in FIGURES}
    call_ids: list[int] = []
    try:
        app = make_app(settings, services)
        async with app.run_test(size=(80, 24)) as pilot:
            clock = KeyClock(pilot, watch)
            await _sign_on(pilot)
            await _press(pilot, "f2", then="SFT001")
            log(f"branch_keys: {len(calls)} calls to the SAC and PQR panels")
            for index, account in enumerate(calls):
                subflow = SUBFLOWS[index % len(SUBFLOWS)]
                counted = samples if index >= WARM_UP * len(SUBFLOWS) else None
                await _one_call(pilot, clock, account, subflow, counted, call_ids)
            await app.navigator.exit_to_menu()
            bare = await _bare_keys(pilot, clock, count)
            app.exit()
        return Session(samples, bare)
    finally:
        if call_ids:
            delete_calls(services.engine, call_ids)
            log(f"branch_keys: deleted the {len(call_ids)} calls the run made")
        services.close()


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95 of each key to its SAC or PQR panel, against a key pushing a bare screen."""
    calls_count = (WARM_UP + count) * len(SUBFLOWS)
    calls = pick_accounts(store, calls_count, random.Random(9))
    _clear_open_calls(store)
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        session = asyncio.run(_session(store, calls, count, watch))
    finally:
        gc.callbacks.remove(watch)
    bare = session.bare
    figures = key_figures("branch_keys", FIGURES, session.samples, bare)
    figures += baseline_figures("branch_keys", bare, watch)
    return figures
