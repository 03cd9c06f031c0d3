"""Routes to the trainer's and trainee's panels (TRN001-TRN003, TRN020), for
their own tests and the legend test: each opens the training store (a test run, frozen,
does not open it at sign-on; its first opening builds the demo)."""

from __future__ import annotations

from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.domain.training.model_run import perform
from swat_tui.domain.training.training_call import TrainingCall
from swat_tui.domain.training.training_store import materialise
from swat_tui.ui.app import SwatApp
from swat_tui.ui.training_host import TrainingHost
from tests.ui.helpers import enter, screen, sign_on, type_into


def training_of(app: SwatApp) -> TrainingHost:
    assert app.training is not None
    return app.training


def training_services(app: SwatApp) -> Services:
    services = training_of(app).services
    assert services is not None, training_of(app).error
    return services


async def signed_on_for_training(pilot: Pilot[None], user: str) -> None:
    """Signed on, and the training store open (the worker done)."""
    await sign_on(pilot, user)
    app = pilot.app
    assert isinstance(app, SwatApp)
    training_of(app).open_store()  # test runs (frozen) open it when the test needs it
    await pilot.pause()


async def to_catalogue(pilot: Pilot[None]) -> None:
    """FORMA01's TRN001 (menu option 7)."""
    await signed_on_for_training(pilot, "FORMA01")
    await type_into(pilot, "option", "7")
    await enter(pilot)


async def to_assign(pilot: Pilot[None], scenario_id: str = "PQR-CON-01") -> None:
    """TRN002 for ``scenario_id`` (option 1 on its row of TRN001)."""
    await to_catalogue(pilot)
    await choose(pilot, scenario_id, "1")


async def to_my_training(pilot: Pilot[None]) -> None:
    """ASESOR01's TRN020 (menu option 8)."""
    await signed_on_for_training(pilot, "ASESOR01")
    await type_into(pilot, "option", "8")
    await enter(pilot)


async def choose(pilot: Pilot[None], scenario_id: str, option: str) -> None:
    """``option`` on the row of ``scenario_id`` (turning pages to it), then Intro."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    records = screen(app).all_records  # type: ignore[attr-defined]
    index = next(i for i, record in enumerate(records) if record["id"] == scenario_id)
    name = screen(app).show_option_on(option, index)  # type: ignore[attr-defined]
    await type_into(pilot, name, option)
    await enter(pilot)


def scored_call(services: Services, scenario_id: str, catalog_app: SwatApp) -> int:
    """ASESOR01 takes ``scenario_id``'s call with its model answer; the call id."""
    scenario = training_of(catalog_app).catalog.find(scenario_id)
    assert scenario is not None
    cuenta = materialise(services, scenario)
    call = TrainingCall.start(services, scenario, username="ASESOR01")
    call.ring()
    assert perform(call.desk, scenario.model, cuenta=cuenta) == ()
    card = call.finish()
    call.leave()
    return card.call_id


async def to_scenario_view(pilot: Pilot[None]) -> None:
    """TRN003: option 5 on PQR-CON-01."""
    await to_catalogue(pilot)
    await choose(pilot, "PQR-CON-01", "5")
