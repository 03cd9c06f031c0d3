"""Pilot tests: the panels shown during a call are on its record (with the disclosure
level of the account they show) and in the agent's presence, once per change of the
panel on top, never outside a call."""

from __future__ import annotations

from sqlmodel import col, select

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import CallEvent
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import presence as presence_queries
from swat_tui.ui.app import SwatApp
from tests.ui.conftest import SIZE
from tests.ui.helpers import (
    USER,
    answer_call,
    desk_of,
    enter,
    fill,
    panel_id,
    phone_of,
    type_into,
)


def _panels(services: Services, call_id: int) -> list[tuple[str, str]]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent)
            .where(CallEvent.call_id == call_id, CallEvent.kind == "panel")
            .order_by(col(CallEvent.id))
        ).all()
        return [(row.check, row.result) for row in rows]


def _presence_panel(services: Services) -> str | None:
    with read_session(services.engine) as session:
        agent = agent_queries.get_agent(session, username=USER)
        assert agent is not None and agent.id is not None
        row = presence_queries.get_presence(session, agent_id=agent.id)
        assert row is not None
        return row.panel


async def test_the_panels_shown_in_a_call_follow_on_its_record_and_in_presence(
    app: SwatApp, services: Services
) -> None:
    other = SHOWCASE["pqr_pending"]
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        desk = desk_of(app)
        assert desk.active is not None
        call_id = desk.active.call_id
        assert panel_id(app) == "LLM001"
        # Before the answer (the softphone) nothing was in a call; LLM001 replaces the
        # softphone without the menu under it coming on top in between.
        assert _panels(services, call_id) == [("LLM001", "")]  # no account opened yet
        assert _presence_panel(services) == "LLM001"
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        assert _panels(services, call_id)[-1] == ("LLM002", "full")  # the call's account
        await pilot.press("f14")  # the Espejo: its menu, then another account
        await pilot.pause()
        await type_into(pilot, "option", "1")
        await enter(pilot)
        await type_into(pilot, "value", str(other))
        await enter(pilot)
        assert panel_id(app) == "CTA001"
        assert _presence_panel(services) == "CTA001"
        await pilot.press("f14")  # back to the call, exactly where it was
        await pilot.pause()
        assert panel_id(app) == "LLM002"
        panels = _panels(services, call_id)
        start = panels.index(("LLM002", "full"))
        assert panels[start:] == [
            ("LLM002", "full"),
            ("MNU001", ""),  # the Espejo's menu
            ("CTA010", ""),  # the search: no account shown
            ("CTA001", "full"),  # another account, at its own level
            ("LLM002", "full"),  # back on the call
        ]
        assert _presence_panel(services) == "LLM002"
        count = len(panels)
        await pilot.pause()
        assert len(_panels(services, call_id)) == count  # a repaint writes nothing
        await pilot.press("f2")  # the softphone over the call, then hang up
        await pilot.pause()
        await type_into(pilot, "opt", "6")
        await enter(pilot)
        assert desk.active is None
        assert _presence_panel(services) is None  # no call: no call panel on the floor
        after_call = len(_panels(services, call_id))
        await type_into(pilot, "opt", "7")  # end the ACW: panels outside a call
        await enter(pilot)
        assert len(_panels(services, call_id)) == after_call
