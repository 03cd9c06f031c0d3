"""The key-sequence explorer walks the app and keeps its promises.

``test_the_app_keeps_its_promises`` is an ordinary pass/fail test: a bounded
walk in CI (``budget.py``), a long one on request (docs/explorer.md). A
failure prints the seed and the shortest key sequence Hypothesis found.
``test_the_harness_runs_clean`` walks a tiny budget with every invariant off:
it proves the harness itself (event loops closed, apps torn down, no
ResourceWarning) whatever the app's defects.
"""

from __future__ import annotations

import asyncio
import gc
import warnings

import pytest
from hypothesis import seed
from hypothesis.stateful import get_state_machine_test

from tests.explorer.budget import explore_seed, explore_settings
from tests.explorer.machine import Environment, Explorer
from tests.explorer.oracles import NAMES


def _walk(env: Environment, *, smoke: bool = False) -> None:
    """Run the state machine from this run's seed; a failure says how to run it again."""
    Explorer.env = env
    chosen = explore_seed()
    print(f"HYPOTHESIS seed={chosen}")
    test = get_state_machine_test(Explorer, settings=explore_settings(smoke=smoke))
    try:
        seed(chosen)(test)()
    except BaseException as error:
        error.add_note(
            f"HYPOTHESIS seed={chosen}: run it again with SWAT_EXPLORE_SEED={chosen}"
            " uv run pytest -n 0 -p no:randomly tests/explorer"
        )
        raise


def test_the_app_keeps_its_promises(explorer_env: Environment) -> None:
    _walk(explorer_env)


def test_the_harness_runs_clean(explorer_env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWAT_EXPLORE_SKIP", ",".join(NAMES))
    loops: list[asyncio.AbstractEventLoop] = []
    original = asyncio.new_event_loop

    def tracked() -> asyncio.AbstractEventLoop:
        loop = original()
        loops.append(loop)
        return loop

    monkeypatch.setattr(asyncio, "new_event_loop", tracked)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        _walk(explorer_env, smoke=True)
        gc.collect()
    assert loops, "the walk ran no app"
    assert all(loop.is_closed() for loop in loops), "an event loop was left open"
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, leaks
