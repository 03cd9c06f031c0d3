"""Figure 6c: key press to repainted panel for the support and visit panels (issue 10).

The session, clock and baseline of ``bench/branch_keys.py``. Each repetition
takes three guided calls from demo accounts' mobiles, steps 1 and 2 untimed:

- soporte, Gestión 1: Intro on LLM003 -> TD010 (the T&D trees), F8 -> DIA010
  (the Diagnosticador: plant, neighbours, avisos), F12 back;
- soporte, Gestión 2 and 3: Intro on LLM003 -> MAS010, and -> INV010 (the next
  repetition's call);
- visita: Intro on LLM002 -> VIS010, F23 -> VIS020, Intro with the order typed
  -> VIS030 (the WFM agenda of the zone: the order is created, then the free
  windows read). An account whose node has an open aviso, or that has a visit
  open, gets no order (refused by design): its VIS030 key is not timed.

Each call is hung up from the softphone and its ACW finished; the calls and
the orders they created are deleted at the end. The store file is read once
first (``warm_store``): the figures are the keys', not the shared disk's.
"""

from __future__ import annotations

import asyncio
import gc
import random

from bench.common import Figure, delete_calls, log, warm_store
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

FIGURES = (
    ("TD010", "Intro LLM003 -> TD010 árbol T&D"),
    ("DIA010", "F8 Diagnosticador, TD010 -> DIA010"),
    ("MAS010", "Intro LLM003 -> MAS010 falla masiva"),
    ("INV010", "Intro LLM003 -> INV010 inventario"),
    ("VIS010", "Intro LLM002 -> VIS010 visita"),
    ("VIS020", "F23 nueva LLS, VIS010 -> VIS020"),
    ("VIS030", "Intro VIS020 -> VIS030 agenda WFM"),
)
CASES = ("td", "mass", "inventory", "visit")

Samples = dict[str, list[float]]


async def _one_call(
    pilot: object,
    clock: KeyClock,
    account: CallAccount,
    case: str,
    samples: Samples | None,
    call_ids: list[int],
) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app = clock.app
    times: dict[str, float] = {}
    await answer_to_reception(pilot, account, call_ids)
    await _press(pilot, "enter", then="LLM002")
    acks = step2_acks(app)
    branch = "3" if case == "visit" else "2"
    await _fill(pilot, **acks, sta="S", request="Sin servicio desde ayer", br=branch)
    if case == "visit":
        times["VIS010"] = await clock.time("enter", "VIS010")
        times["VIS020"] = await clock.time("f23", "VIS020")
        if "avi" not in acks and "vis" not in acks:  # no visit under an aviso, one per kind
            await _fill(pilot, sym1="Sin señal en el módem", ok="S")
            times["VIS030"] = await clock.time("enter", "VIS030")
    else:
        await _press(pilot, "enter", then="LLM003")
        option = {"td": "1", "mass": "2", "inventory": "3"}[case]
        target = {"td": "TD010", "mass": "MAS010", "inventory": "INV010"}[case]
        await _fill(pilot, g=option)
        times[target] = await clock.time("enter", target)
        if case == "td":
            times["DIA010"] = await clock.time("f8", "DIA010")
            await _press(pilot, "f12", then="TD010")
    await hang_up(pilot)
    if samples is not None:
        for name, elapsed in times.items():
            samples[name].append(elapsed)


def _delete_orders(engine: object, call_ids: list[int]) -> None:
    """The work orders (and their bookings) the bench's calls created."""
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    marks = ",".join(str(i) for i in call_ids)
    with engine.begin() as connection:
        connection.execute(
            text(
                "DELETE FROM visit_booking WHERE work_order_id IN "
                f"(SELECT id FROM work_order WHERE call_id IN ({marks}))"
            )
        )
        connection.execute(text(f"DELETE FROM work_order WHERE call_id IN ({marks})"))


async def _session(
    store: Store, calls: list[CallAccount], count: int, watch: GcWatch
) -> tuple[Samples, list[float]]:
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
            log(f"support_keys: {len(calls)} calls to the support and visit panels")
            for index, account in enumerate(calls):
                counted = samples if index >= WARM_UP * len(CASES) else None
                case = CASES[index % len(CASES)]
                await _one_call(pilot, clock, account, case, counted, call_ids)
            await app.navigator.exit_to_menu()
            bare = await _bare_keys(pilot, clock, count)
            app.exit()
        return samples, bare
    finally:
        if call_ids:
            _delete_orders(services.engine, call_ids)
            delete_calls(services.engine, call_ids)
            log(f"support_keys: deleted the {len(call_ids)} calls the run made")
        services.close()


def run(store: Store, count: int) -> list[Figure]:
    """p50/p95 of each key to its support or visit panel, against a bare-screen key."""
    calls = pick_accounts(store, (WARM_UP + count) * len(CASES), random.Random(10))
    _clear_open_calls(store)
    if store.is_file:  # a server keeps its own cache
        warmed = warm_store(store.path)
        log(f"support_keys: store read into the OS cache in {warmed:.1f} s")
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        samples, bare = asyncio.run(_session(store, calls, count, watch))
    finally:
        gc.callbacks.remove(watch)
    figures = key_figures("support_keys", FIGURES, samples, bare)
    figures += baseline_figures("support_keys", bare, watch)
    return figures
