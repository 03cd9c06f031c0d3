"""Agents (separate processes) taking the next campaign record at the same moment, on
either backend: every record is worked once, by one agent."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine
from sqlmodel import select

from swat_tui.store.engine import read_session
from swat_tui.store.models import CampaignAttempt, CampaignRecord
from tests.campaign import seed
from tests.process_race import race

AGENTS = 4
RECORDS = 40
WORKER = """
import sys
from swat_tui.domain.supervisor.campaign import outbound
from swat_tui.store.engine import make_engine
from tests.conftest import FIXED_NOW

url, agent_id = sys.argv[1], int(sys.argv[2])
engine = make_engine(url)
engine.connect().close()
at_barrier()
mine = []
while (call := outbound.next_record(
    engine, agent_id=agent_id, campaign_code="CMP1", now=FIXED_NOW
)) is not None:
    outbound.record_attempt(
        engine, agent_id=agent_id, record_id=call.record_id, phone=call.phone,
        result="contacto_efectivo", recall_at=None, note="", call_id=None, now=FIXED_NOW,
    )
    mine.append(call.record_id)
engine.dispose()
print(" ".join(map(str, mine)))
"""


def test_agents_taking_the_next_record_at_once_never_share_one(
    store_engine: Engine, store_url: str, tmp_path: object
) -> None:
    from pathlib import Path

    agent_ids = seed.agents(store_engine, AGENTS)
    seed.campaign(store_engine, RECORDS)
    outcomes = race(WORKER, [[store_url, str(a)] for a in agent_ids], Path(str(tmp_path)) / "go")
    worked = [int(n) for line in outcomes for n in line.split()]
    assert len(worked) == RECORDS and len(set(worked)) == RECORDS  # each once, none lost
    with read_session(store_engine) as session:
        attempts = session.exec(select(CampaignAttempt)).all()
        records = session.exec(select(CampaignRecord)).all()
    assert Counter(a.record_id for a in attempts) == Counter(worked)  # one attempt each
    assert {r.status for r in records} == {"contactado"}
    by_agent = {a.record_id: a.agent_id for a in attempts}
    assert all(by_agent[r.id] == r.contacted_by for r in records if r.id is not None)
