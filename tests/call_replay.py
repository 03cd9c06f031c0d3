"""Every call a test drove can be replayed: its events alone rebuild the state the store holds.

``tests/conftest.py`` runs ``assert_calls_replay`` after each test on the stores
the test used (``store_engine``, ``services``, ``demo_services``...), so every
whole call a desk test drives is replayed without the test saying so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Engine
from sqlmodel import col, select

from swat_tui.domain.call.replay import replay
from swat_tui.domain.procedure.definition import ProcedureDef, load_procedure
from swat_tui.domain.procedure.state import CallState
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.models import Call, CallEvent
from swat_tui.store.queries import calls as call_queries


def assert_calls_replay(engine: Engine, procedure: ProcedureDef | None = None) -> int:
    """Replay every call of the store and compare with its stored state; how many."""
    definition = procedure or load_procedure()
    with read_session(engine) as session:
        calls = session.exec(select(Call).order_by(col(Call.id))).all()
        ids = [call.id for call in calls if call.id is not None]
        events: dict[int, list[CallEvent]] = defaultdict(list)
        for event in call_queries.events_of(session, call_ids=ids):
            events[event.call_id].append(event)  # once: a demo store has a week of calls
        for call in calls:
            own = events[call.id or 0]
            stored = CallState.from_json(call.state_json)
            replayed = replay(own, definition)
            assert replayed == stored, f"call {call.id}: replayed {replayed} != stored {stored}"
    return len(ids)


def stores_of(values: Iterable[object]) -> list[Engine]:
    """The store engines among a test's fixture values (one each)."""
    engines: dict[int, Engine] = {}
    for value in values:
        if isinstance(value, Services):
            engines[id(value.engine)] = value.engine
        elif isinstance(value, Engine):
            engines[id(value)] = value
    return list(engines.values())
