"""The explorer's shared ground: one demo store template and what the oracles read from it."""

from __future__ import annotations

import pytest

from swat_tui.domain.bootstrap import open_services
from tests.explorer.machine import Environment
from tests.explorer.store_view import read_accounts
from tests.ui.conftest import ui_settings


@pytest.fixture(scope="session")
def explorer_env(tmp_path_factory: pytest.TempPathFactory) -> Environment:
    """The demo store built once (fixed seed and clock), copied for every example."""
    root = tmp_path_factory.mktemp("explorer")
    env = Environment()
    env.template = root / "template.db"
    open_services(ui_settings(env.template)).close()
    env.workdir = root / "examples"
    env.secrets, env.phones = read_accounts(env.template, root / "accounts")
    return env
