"""Training calls never count in the KPIs: they live in the training store.

By construction (``domain.supervisor.kpi`` reads ``services.engine``, the real store,
and training calls are written to the training store); proved here by a whole
training call that the training store's own figures see and the real one's do not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from swat_tui.config import BOGOTA
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.domain.supervisor.kpi import Period, report
from swat_tui.domain.training.training_store import open_training_services
from swat_tui.store.demo import SHOWCASE
from tests.backends import PgServer
from tests.desk_calls import DeskCall
from tests.ui.conftest import ui_settings
from tests.ui.kpi_routes import with_call_week


@pytest.fixture
def stores(
    demo_services: Services, pg_database: str | None, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Services, Services]]:
    """The real demo store with its week of calls and its training store, opened as the
    app opens them."""
    with_call_week(demo_services.engine)
    url = demo_services.engine.url.render_as_string(hide_password=False)
    settings = replace(ui_settings(tmp_path / "swat.db"), db_url=url)
    server: PgServer | None = None
    if pg_database is not None:
        server = request.getfixturevalue("pg_server")
        server.create(f"{pg_database}_training")
    training = open_training_services(settings, real=demo_services, env={})
    yield demo_services, training
    training.close()
    if server is not None:
        server.drop(f"{pg_database}_training")


def test_a_training_call_is_not_in_the_kpis(stores: tuple[Services, Services]) -> None:
    real, training = stores
    today = real.clock().astimezone(BOGOTA).date()
    period = Period.default(today)
    supervisor = SupervisorDesk(real, SignedOnAgent(3, "SUPERV01", "Carolina Vélez", "supervisor"))
    before = supervisor.kpi.agents(period)
    assert before.totals.calls > 0  # the demo's week
    assert report(training.engine, period, by_day=False).lines == ()
    call = DeskCall.answered(training, SHOWCASE["activa"])
    call.through_interpretation("sac", "Pregunta por la factura", subflow="2")
    call.desk.call.record_check("facturacion_informada", "informada")
    call.desk.call.record_check("facturacion_resuelta", "resuelta")
    call.desk.call.advance()
    call.typify("SAC-FAC-001")
    call.close()
    [trained] = report(training.engine, period, by_day=False).lines
    assert (trained.username, trained.counts.calls, trained.counts.typified) == ("ASESOR01", 1, 1)
    assert supervisor.kpi.agents(period) == before
