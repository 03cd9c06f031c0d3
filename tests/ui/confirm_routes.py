"""Routes to the process-confirmation panels (SUP010-SUP013, CNF001, CNF002), for their
own tests and the legend test. ASESOR01's call is driven on a desk of the same store
(``DeskCall``) while the app is signed on as SUPERV01 (or as ASESOR01 for CNF001)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.follow import FollowService, ItemMark
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.desk_calls import DeskCall
from tests.ui.helpers import enter, sign_on, type_into

SUPERVISOR = "SUPERV01"
Route = Callable[[Pilot[None]], Awaitable[None]]


def services_of(pilot: Pilot[None]) -> Services:
    app = pilot.app
    assert isinstance(app, SwatApp) and app.services is not None
    return app.services


async def settle(pilot: Pilot[None]) -> None:
    """The follow panel's worker done and its paint shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def asesor_call(services: Services, case: str = "activa") -> DeskCall:
    """ASESOR01's call on ``case``'s account, answered, step 1 done, on LLM002."""
    call = DeskCall.answered(services, SHOWCASE[case])
    call.desk.call.panel_shown("LLM001", None)
    call.reception()
    call.desk.call.panel_shown("LLM002", call.cuenta)
    return call


async def to_pick(pilot: Pilot[None]) -> None:
    """SUPERV01's SUP012 (menu 13) with ASESOR01's last calls listed."""
    await sign_on(pilot, SUPERVISOR)
    await type_into(pilot, "option", "13")
    await enter(pilot)
    await type_into(pilot, "user", "ASESOR01")
    await enter(pilot)


async def to_follow(pilot: Pilot[None]) -> None:
    """SUP010 following ASESOR01's call in progress (8 on SUP012)."""
    asesor_call(services_of(pilot))
    await to_pick(pilot)
    await type_into(pilot, "o_0", "8")
    await enter(pilot)
    await settle(pilot)


async def to_checklist(pilot: Pilot[None]) -> None:
    """SUP011 over the call followed (F6 on SUP010)."""
    await to_follow(pilot)
    await pilot.press("f6")
    await pilot.pause()


async def to_replay(pilot: Pilot[None]) -> None:
    """SUP013 of ASESOR01's call, hung up (5 on SUP012)."""
    call = asesor_call(services_of(pilot))
    call.desk.hang_up()
    await to_pick(pilot)
    await type_into(pilot, "o_0", "5")
    await enter(pilot)


def confirmed_call(services: Services) -> None:
    """ASESOR01's call, hung up, confirmed by SUPERV01 (one item N, a note, feedback)."""
    call = asesor_call(services)
    started = call.record.started_at
    call.desk.hang_up()
    call.desk.sign_off()  # ASESOR01 signs on in the app next
    leader = FollowService(services, _profile(services, SUPERVISOR))
    followed = leader.live("ASESOR01", since=started)
    assert followed is not None
    items = leader.checklist(followed)
    marks = [
        ItemMark(item.id, item.id != "encuesta", "No invitó" if item.id == "encuesta" else "")
        for item in items
    ]
    leader.record(
        followed,
        marks,
        "Buen saludo y buena lectura de la cuenta; recuerde invitar a la encuesta.",
        started_at=services.clock(),
        live=True,
    )


def _profile(services: Services, username: str) -> SignedOnAgent:
    from sqlmodel import select

    from swat_tui.store.engine import read_session
    from swat_tui.store.models import Agent

    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
        assert agent.id is not None
        return SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)


async def to_mine(pilot: Pilot[None]) -> None:
    """ASESOR01's CNF001 (menu 10) with one confirmation, unread."""
    confirmed_call(services_of(pilot))
    await sign_on(pilot, "ASESOR01")
    await type_into(pilot, "option", "10")
    await enter(pilot)


async def to_my_confirmation(pilot: Pilot[None]) -> None:
    """CNF002: 5 beside it on CNF001."""
    await to_mine(pilot)
    await type_into(pilot, "o_0", "5")
    await enter(pilot)


ROUTES: dict[str, Route] = {
    "SUP010": to_follow,
    "SUP011": to_checklist,
    "SUP012": to_pick,
    "SUP013": to_replay,
    "CNF001": to_mine,
    "CNF002": to_my_confirmation,
}
OPENS = {"confirm": "SUP011"}
REFRESHED = {
    "SUP010": "Llamada leída de nuevo; se renueva sola cada segundo.",
    "CNF001": "Sus confirmaciones, leídas de nuevo.",
}


def add(
    routes: dict[str, Route], opens: dict[str, str], refreshed: dict[str, str]
) -> tuple[dict[str, Route], dict[str, str], dict[str, str]]:
    """The legend test's tables with these panels' routes, key and F5 messages added."""
    return routes | ROUTES, opens | OPENS, refreshed | REFRESHED
