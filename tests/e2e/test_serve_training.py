"""A trainee in a browser tab (``swat serve``): the scenario a trainer assigned rings on
the tab's softphone, is answered, hung up and scored as abandoned, all in the training
store beside the real one; the real store gets no call."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Engine, text

from swat_tui.config import BOGOTA, DB_URL_ENV
from swat_tui.domain.training import assignments
from swat_tui.store.engine import make_engine
from tests.e2e.browser import CHROMIUM_ARGS, Served, Tab, require_chromium, until

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow


@pytest.fixture
def stores(template_db: Path, training_template_db: Path, tmp_path: Path) -> Iterator[Any]:
    """The real demo store and its training store, both this test's own."""
    shutil.copyfile(template_db, tmp_path / "swat.db")
    shutil.copyfile(training_template_db, tmp_path / "training.db")
    real = make_engine(f"sqlite:///{tmp_path / 'swat.db'}")
    training = make_engine(f"sqlite:///{tmp_path / 'training.db'}")
    yield real, training
    real.dispose()
    training.dispose()


@pytest.fixture
def browser() -> Iterator[Browser]:
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _count(engine: Engine, query: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(query)).scalar_one())


def test_a_trainee_in_a_browser_takes_an_assigned_scenario(
    browser: Browser, stores: Any, tmp_path: Path
) -> None:
    real, training = stores
    assignments.assign(
        training,
        scenario_ids=["PQR-CON-01"],
        trainees=["ASESOR01"],
        by="FORMA01",
        now=datetime.now(BOGOTA),
    )
    env = {k: v for k, v in os.environ.items() if k != DB_URL_ENV}
    env |= {"SWAT_RING_DELAY": "600"}  # only the assigned scenario rings
    served = Served(real.url.render_as_string(hide_password=False), tmp_path / "serve.log", env)
    try:
        tab = Tab(browser, served.url)
        tab.wait_for("Inicio de sesi")
        tab.keys("asesor01", "Tab", "swat2026", "Enter")
        tab.wait_for("MNU001")
        tab.keys("F2")
        tab.wait_for("SFT001")
        tab.keys("1", "Enter")  # Disponible: the assignment is claimed and rings
        until(
            lambda: _count(training, "SELECT count(*) FROM call WHERE status = 'ringing'") == 1,
            "the scenario rang in the training store",
            tab.pause,
        )
        tab.wait_for("LLAMADA ENTRANTE")
        tab.keys("3", "Enter")
        tab.wait_for("LLM001")
        tab.keys("F2")
        tab.wait_for("SFT001")
        tab.keys("6", "Enter")  # hung up in step 1
        tab.wait_for("Complete el ACW")
        tab.keys("7", "Enter")
        tab.wait_for("TRN030")
        until(
            lambda: _count(training, "SELECT count(*) FROM training_result WHERE abandoned") == 1,
            "the abandoned call scored and kept",
            tab.pause,
        )
        assert _count(real, "SELECT count(*) FROM call") == 0
    finally:
        served.kill()
