"""Call KPIs from the store, on both backends: hand-made calls with known answers
(tests/supervisor/kpi_rows.py), the role check, and training calls kept out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import Engine

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.domain.supervisor.kpi import Period, report
from swat_tui.domain.supervisor.kpi_figures import Counts
from tests.conftest import FIXED_NOW
from tests.supervisor.kpi_rows import DAY1, DAY2, seed

PERIOD = Period(DAY1, DAY2)


@pytest.fixture
def kpi_store(store_engine: Engine) -> Engine:
    seed(store_engine, FIXED_NOW)
    return store_engine


def _desk(
    engine: Engine, clock: Callable[[], datetime], username: str, role: str
) -> SupervisorDesk:
    return SupervisorDesk(
        Services.create(engine, clock), SignedOnAgent(3, username, username, role)
    )


def test_per_agent_and_day_with_the_bogota_day(kpi_store: Engine) -> None:
    lines = report(kpi_store, PERIOD, by_day=True).lines
    assert [(line.username, line.day) for line in lines] == [
        ("ASESOR01", DAY1),
        ("ASESOR01", DAY2),
        ("ASESOR02", DAY1),
    ]
    day1 = lines[0].counts
    # c1, c2 and the 23:50 abandoned call (already 10 March in UTC); not the open one.
    assert day1 == Counts(
        calls=3,
        answered=2,
        talk_seconds=840,
        hold_seconds=60,
        acw_seconds=90,
        transfers=1,
        abandoned=1,
        surveys=1,
        survey_points=5,
        typified=3,
        first_contact=1,
        with_cun=1,
    )
    assert day1.aht == 495.0
    assert lines[1].counts == Counts(
        calls=1,
        answered=1,
        talk_seconds=120,
        acw_seconds=10,
        surveys=1,
        survey_points=3,
        typified=1,
        first_contact=1,
    )


def test_per_agent_for_the_period_and_the_totals(kpi_store: Engine) -> None:
    result = report(kpi_store, PERIOD, by_day=False)
    first, second = result.lines
    assert (first.username, first.display_name, first.day) == ("ASESOR01", "Laura Gómez", None)
    assert (first.counts.calls, first.counts.answered) == (4, 3)
    assert first.counts.fcr_percent == 50.0 and first.counts.cun_percent == 25.0
    assert first.counts.survey_score == 4.0
    assert second.counts == Counts(
        calls=1,
        answered=1,
        talk_seconds=160,
        hold_seconds=20,
        acw_seconds=40,
        typified=1,
        first_contact=1,
    )
    assert result.totals.calls == 5 and result.totals.aht == 335.0


def test_one_agent_only_and_an_unknown_agent(kpi_store: Engine) -> None:
    lines = report(kpi_store, PERIOD, by_day=True, username="asesor02").lines
    assert [(line.username, line.counts.calls) for line in lines] == [("ASESOR02", 1)]
    with pytest.raises(DomainError, match="NADIE"):
        report(kpi_store, PERIOD, by_day=True, username="nadie")


def test_a_period_without_calls_has_no_lines(kpi_store: Engine) -> None:
    empty = report(kpi_store, Period(date(2026, 4, 1), date(2026, 4, 30)), by_day=False)
    assert empty.lines == () and empty.totals == Counts()


def test_detail_typifications_by_code_and_time_per_step(
    kpi_store: Engine, fixed_clock: Callable[[], datetime]
) -> None:
    desk = _desk(kpi_store, fixed_clock, "SUPERV01", "supervisor")
    detail = desk.kpi.agent_detail(PERIOD, "asesor01")
    assert [(c.code, c.count, c.first_contact, c.with_cun) for c in detail.codes] == [
        ("SAC-FAC-001", 2, 2, 0),
        ("PQR-QUE-001", 1, 0, 1),
        ("SAC-DIM-001", 1, 0, 0),
    ]
    # From the answer to the end of the line: c1 300 s, c2 600 s, the day-2 call 120 s.
    assert [(s.step, s.seconds, s.calls) for s in detail.steps] == [
        (1, 240, 3),
        (2, 240, 3),
        (3, 120, 1),
        (4, 360, 1),
        (7, 30, 1),
        (8, 30, 1),
    ]
    assert detail.step_seconds == 1020
    assert detail.steps[0].name == "Recepción de la llamada"
    assert detail.display_name == "Laura Gómez"


@pytest.mark.parametrize("role", ["supervisor", "coordinador"])
def test_leaders_read_the_kpis(
    kpi_store: Engine, fixed_clock: Callable[[], datetime], role: str
) -> None:
    desk = _desk(kpi_store, fixed_clock, "JEFE01", role)
    assert desk.kpi.default_period() == Period(date(2026, 3, 3), date(2026, 3, 10))
    assert len(desk.kpi.agents(PERIOD).lines) == 2
    assert len(desk.kpi.days(PERIOD, "ASESOR01").lines) == 2


@pytest.mark.parametrize("role", ["asesor", "formador"])
def test_no_other_role_reads_them(
    kpi_store: Engine, fixed_clock: Callable[[], datetime], role: str
) -> None:
    desk = _desk(kpi_store, fixed_clock, "ASESOR01", role)
    for read in (
        desk.kpi.default_period,
        lambda: desk.kpi.agents(PERIOD),
        lambda: desk.kpi.days(PERIOD),
        lambda: desk.kpi.agent_detail(PERIOD, "ASESOR01"),
    ):
        with pytest.raises(DomainError) as refused:
            read()
        assert refused.value.code == "CPF2217"


def test_a_period_backwards_or_too_long_is_refused() -> None:
    with pytest.raises(DomainError, match="10/03/2026 es posterior a hasta 09/03/2026"):
        Period.checked(DAY2, DAY1)
    with pytest.raises(DomainError, match="367 días"):
        Period.checked(date(2025, 3, 9), DAY2)
    assert Period.checked(DAY1, DAY1) == Period(DAY1, DAY1)


def test_a_day_typed_on_the_panel() -> None:
    from swat_tui.domain.supervisor.kpi import typed_day, typed_period

    assert typed_day(" 09032026 ") == DAY1
    assert typed_period("09032026", "10032026") == PERIOD
    for bad in ("", "9032026", "31022026", "2026-03-09", "0903202x"):
        with pytest.raises(DomainError, match="no válida: use DDMMAAAA"):
            typed_day(bad)
