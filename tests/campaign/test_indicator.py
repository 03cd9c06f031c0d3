"""CASOS CONTACTO EFECTIVO: the pure rules, then the figures read from each backend."""

from __future__ import annotations

import io
from datetime import date, timedelta

from sqlalchemy import Engine

from swat_tui.domain.supervisor.campaign import outbound
from swat_tui.domain.supervisor.campaign.figures import read_indicator
from swat_tui.domain.supervisor.campaign.indicator import AgentRate, agents, days, pct
from swat_tui.domain.supervisor.campaign.report import report_csv, report_lines
from tests.campaign import seed
from tests.conftest import FIXED_NOW

D = date(2026, 3, 1)


def test_pct_is_contacts_over_the_base() -> None:
    assert pct(0, 0) == 0.0
    assert pct(1, 3) == 33.3
    assert pct(4, 5) == 80.0
    assert pct(5, 5) == 100.0


def test_an_agent_is_measured_on_the_records_they_attempted() -> None:
    rate = AgentRate("ASESOR01", "Laura", attempts=9, records=4, contacted=3)
    assert rate.pct == 75.0
    ranked = agents([("B", "b", 1, 2, 1), ("A", "a", 1, 2, 2), ("C", "c", 1, 4, 2)])
    assert [r.username for r in ranked] == ["A", "C", "B"]  # 100 %, then 50 % on more records


def test_the_days_are_cumulative_and_have_no_gaps() -> None:
    trend = days(
        10,
        {D: 5, D + timedelta(days=2): 4},
        {D: 2, D + timedelta(days=2): 3},
        first=D - timedelta(days=1),
        last=D + timedelta(days=3),
    )
    assert [(d.day.day, d.attempts, d.contacted, d.cumulative, d.pct) for d in trend] == [
        (28, 0, 0, 0, 0.0),  # the import day, February's last
        (1, 5, 2, 2, 20.0),
        (2, 0, 0, 2, 20.0),
        (3, 4, 3, 5, 50.0),
        (4, 0, 0, 5, 50.0),
    ]
    assert days(3, {}, {}, first=None, last=D) == days(3, {}, {}, first=D, last=D)


def _work(engine: Engine, agent: int, result: str, at_minutes: int) -> None:
    now = FIXED_NOW + timedelta(minutes=at_minutes)
    call = outbound.next_record(engine, agent_id=agent, campaign_code="CMP1", now=now)
    assert call is not None
    outbound.record_attempt(
        engine, agent_id=agent, record_id=call.record_id, phone=call.phone, result=result,
        recall_at=None, note="", call_id=None, now=now,
    )  # fmt: skip


def test_the_indicator_per_campaign_agent_and_bogota_day(store_engine: Engine) -> None:
    one, two = seed.agents(store_engine, 2)
    seed.campaign(store_engine, 5)  # imported the day before FIXED_NOW (09/03)
    _work(store_engine, one, "contacto_efectivo", 0)  # 10/03 09:30
    _work(store_engine, one, "no_contesta", 1)
    _work(store_engine, two, "contacto_efectivo", 2)
    late = 11 * 60 + 40  # 10/03 21:11 in Bogotá, already 11/03 in UTC
    _work(store_engine, two, "contacto_efectivo", late)
    indicator = read_indicator(store_engine, "cmp1", now=FIXED_NOW + timedelta(days=1))
    assert (indicator.records, indicator.contacted, indicator.pct) == (5, 3, 60.0)
    assert not indicator.meets_goal and indicator.attempts == 4
    assert dict(indicator.by_status) == {"contactado": 3, "pendiente": 2}
    assert [
        (a.username, a.attempts, a.records, a.contacted, a.pct) for a in indicator.by_agent
    ] == [
        ("CAMP01", 2, 2, 2, 100.0),
        ("CAMP00", 2, 2, 1, 50.0),
    ]
    assert [(d.day.day, d.attempts, d.contacted, d.pct) for d in indicator.by_day] == [
        (9, 0, 0, 0.0),
        (10, 4, 3, 60.0),
        (11, 0, 0, 60.0),
    ]


def test_the_report_as_text_and_csv(store_engine: Engine) -> None:
    (agent,) = seed.agents(store_engine, 1)
    seed.campaign(store_engine, 2)
    _work(store_engine, agent, "contacto_efectivo", 0)
    indicator = read_indicator(store_engine, "CMP1", now=FIXED_NOW)
    lines = report_lines(indicator)
    assert lines[1] == (
        "CASOS CONTACTO EFECTIVO: 1 de 2 registros = 50,0 % (meta 80 %: por debajo de la meta)"
    )
    assert "CAMP00     Agente 0                        1         1         1  100,0" in lines
    out = io.StringIO()
    assert report_csv(indicator, out) == 4
    assert out.getvalue().splitlines() == [
        "nivel,campana,clave,nombre,intentos,registros,contactados,pct_contacto_efectivo,meta_pct",
        "campana,CMP1,CMP1,Campaña CMP1,1,2,1,50.0,80",
        "asesor,CMP1,CAMP00,Agente 0,1,1,1,100.0,80",
        "dia,CMP1,2026-03-09,,0,2,0,0.0,80",
        "dia,CMP1,2026-03-10,,1,2,1,50.0,80",
    ]
