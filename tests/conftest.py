"""Fixtures shared by the test modules: a fixed clock; the stores are in tests/backends.py."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from swat_tui.config import BOGOTA

# The demo-store fixtures of whole calls driven through the desk (tests/desk_calls.py).
pytest_plugins = ("tests.backends", "tests.desk_calls")

# A Tuesday morning in Bogotá; tests build their data relative to it.
FIXED_NOW = datetime(2026, 3, 10, 9, 30, tzinfo=BOGOTA)


def pytest_configure(config: pytest.Config) -> None:
    """Refuse ``--snapshot-update`` with ``-k``: syrupy then deletes every snapshot of a
    module that the keyword left out, as if it were unused. Update by node id instead."""
    if config.option.update_snapshots and config.option.keyword:
        raise pytest.UsageError(
            "--snapshot-update together with -k deletes the snapshots -k leaves out: "
            "update one snapshot by its node id, e.g. "
            "uv run pytest 'tests/ui/test_snapshots.py::test_sign_on' --snapshot-update"
        )


@pytest.fixture(scope="session", autouse=True)
def private_user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's data folder of every test (the error log, a default store): never the
    real one of whoever runs the tests."""
    folder = tmp_path_factory.mktemp("xdg-data")
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture
def fixed_clock() -> Callable[[], datetime]:
    """A clock that always says ``FIXED_NOW`` (aware, Bogotá)."""
    return lambda: FIXED_NOW


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test passed, while its fixtures still stand: every call in the stores it
    used rebuilds from its events alone to the state the store holds."""
    result = yield
    from tests.call_replay import assert_calls_replay, stores_of

    funcargs = getattr(item, "funcargs", {})
    for engine in stores_of(funcargs.values()):
        assert_calls_replay(engine)
    return result
