"""The demo's management model: four weeks of practices with gaps for SUPERV01 and
COORD01 (adherence under the goal on some, at it on others), ideas in every status;
the same day gives the same rows; nothing in the future."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from swat_tui.config import BOGOTA, Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.store.demo.management import first_day
from swat_tui.store.engine import read_session
from tests.desk_calls import demo_services, demo_template  # noqa: F401
from tests.management.leaders import desk_of


def test_the_demo_leaders_have_practices_with_gaps(demo_services: Services) -> None:  # noqa: F811
    today = demo_services.clock().astimezone(BOGOTA).date()
    supervisor = desk_of(demo_services, "SUPERV01")
    report = supervisor.practices.adherence(first_day(today), today)
    cells = {(c.username, c.practice): c for c in report.cells}
    assert cells[("SUPERV01", "dialogo_diario")].meets is False
    assert cells[("SUPERV01", "agenda_lider")].meets is True
    assert cells[("SUPERV01", "confirmacion_proceso")].tally.pct < 80  # type: ignore[operator]
    assert cells[("COORD01", "confirmacion_funciones")].meets is False
    assert cells[("COORD01", "agenda_lider")].meets is True
    assert all(line.tally.done > 0 for line in report.leaders)
    with read_session(demo_services.engine) as session:
        latest = session.execute(text("SELECT max(held_on) FROM practice_record")).scalar_one()
    latest_day = latest.date() if isinstance(latest, datetime) else date.fromisoformat(latest[:10])
    assert latest_day < today
    ideas = supervisor.ideas.listed()
    assert {idea.status for idea in ideas} == {
        "propuesta",
        "aprobada",
        "en_ejecucion",
        "descartada",
    }


def _rows(services: Services) -> list[tuple[object, ...]]:
    with read_session(services.engine) as session:
        return [
            tuple(row)
            for query in (
                "SELECT * FROM practice_record ORDER BY id",
                "SELECT * FROM practice_participant ORDER BY 1, 2",
                "SELECT id, title, status, raised_at, status_by FROM improvement_idea ORDER BY id",
            )
            for row in session.execute(text(query))
        ]


def test_the_same_day_gives_the_same_rows(
    tmp_path: Path, fixed_clock: Callable[[], datetime]
) -> None:
    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'a.db'}", clock=fixed_clock, seed_demo_accounts=30
    )
    first = open_services(settings)
    second = open_services(replace(settings, db_url=f"sqlite:///{tmp_path / 'b.db'}"))
    later = open_services(
        replace(
            settings,
            db_url=f"sqlite:///{tmp_path / 'c.db'}",
            clock=lambda: fixed_clock() + timedelta(days=7),
        )
    )
    assert len(_rows(first)) > 50
    assert _rows(first) == _rows(second) != _rows(later)
    for services in (first, second, later):
        services.close()
