"""Fixtures for the UI: a seeded demo store per test, a fixed clock, 80x24.

The demo store is built once per worker from a fixed seed and copied for each
test, so every test starts from the same data and none sees another's writes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from swat_tui.config import BOGOTA, Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp, make_app

FIXED_NOW = datetime(2026, 11, 28, 9, 30, 0, tzinfo=BOGOTA)
DEMO_ACCOUNTS = 200
DEMO_SEED = 2026
SIZE = (80, 24)


def fixed_clock() -> datetime:
    return FIXED_NOW


def ui_settings(db_path: Path) -> Settings:
    """Settings every UI test uses: fixed clock and seed, no ticking, small demo."""
    return Settings(
        db_url=f"sqlite:///{db_path}",
        clock=fixed_clock,
        seed_demo_accounts=DEMO_ACCOUNTS,
        demo_seed=DEMO_SEED,
        demo_call_week=False,  # kpi_routes.with_call_week adds it where a test needs it
        frozen=True,
    )


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "swat.db"
    services = open_services(ui_settings(path))
    services.close()
    return path


@pytest.fixture(scope="session")
def training_template_db(template_db: Path) -> Path:
    """The training store beside the template (``training.db``), built once per worker:
    a test's copy opens in a moment instead of building its demo."""
    from swat_tui.domain.training.training_store import open_training_services, training_url

    settings = ui_settings(template_db)
    open_training_services(settings, real=None).close()
    return Path(training_url(settings.db_url).removeprefix("sqlite:///"))


@pytest.fixture
def settings(template_db: Path, training_template_db: Path, tmp_path: Path) -> Settings:
    copy = tmp_path / "swat.db"
    shutil.copyfile(template_db, copy)
    shutil.copyfile(training_template_db, tmp_path / training_template_db.name)
    return ui_settings(copy)


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    opened = open_services(settings)
    yield opened
    opened.close()


@pytest.fixture
def app(settings: Settings, services: Services) -> SwatApp:
    return make_app(settings, services)
