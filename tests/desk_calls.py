"""Whole calls driven through the desk, without the UI, on a seeded demo store.

The end-to-end tests of the branch sub-flows (SAC and PQR) use these:
answer, steps 1 and 2 as the procedure asks for the account's flags, then the
sub-flow under test, the typification and the closing. Kept readable: a
trainer's scenario is the same sequence of intents.

    call = DeskCall.answered(demo_services, SHOWCASE["aviso_final"])
    call.through_interpretation("sac", "Pregunta por el aviso final", subflow="1")
    ...the sub-flow's intents on call.desk...
    call.typify()              # the code the path suggests, first contact unless escalated
    call.close()
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlmodel import select

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.practice_queue import IncomingCall
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.models import Account, Agent, Typification
from tests.backends import PgServer, fresh_pg_store
from tests.ui.conftest import ui_settings

ANI = "3015550000"
QUEUE = "HOGAR_SAC"
CALLER = {
    "caller_name": "Cliente de prueba",
    "caller_document": "1020304050",
    "caller_relation": "titular",
    "callback_number": "3015550000",
}


class _NoCalls:
    """The desk's source: these tests ring the calls themselves."""

    def next_call(self, now: object) -> IncomingCall:
        raise AssertionError("the test rings its own calls")

    def ring_delay(self) -> float | None:
        return None


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The UI tests' demo store (fixed seed and clock), built once per worker."""
    path = tmp_path_factory.mktemp("desk_demo") / "swat.db"
    open_services(ui_settings(path)).close()
    return path


@pytest.fixture
def demo_services(
    request: pytest.FixtureRequest, pg_database: str | None, tmp_path: Path
) -> Iterator[Services]:
    """A fresh copy of the demo store for one test, on the test's backend."""
    copy = tmp_path / "swat.db"
    settings = ui_settings(copy)
    if pg_database is None:
        shutil.copyfile(request.getfixturevalue("demo_template"), copy)
    else:
        server: PgServer = request.getfixturevalue("pg_server")

        def build(url: str) -> None:
            open_services(replace(settings, db_url=url)).close()

        settings = replace(settings, db_url=fresh_pg_store(server, pg_database, "demo", build))
    services = open_services(settings)
    yield services
    services.close()


@dataclass
class DeskCall:
    """One call in progress on a desk signed on as ASESOR01 (or another demo agent)."""

    desk: Desk
    cuenta: int

    @classmethod
    def answered(
        cls, services: Services, cuenta: int, *, ani: str = ANI, username: str = "ASESOR01"
    ) -> DeskCall:
        """A call answered on the desk of ``username`` (another demo agent: a second
        agent working the same store at once)."""
        with read_session(services.engine) as session:
            agent = session.exec(select(Agent).where(Agent.username == username)).one()
            assert agent.id is not None
            signed_on = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)
        desk = Desk(services, signed_on, _NoCalls())
        desk.go_available()
        desk.ring(ani, QUEUE)
        desk.answer()
        return cls(desk, cuenta)

    @property
    def record(self) -> CallRecord:
        assert self.desk.active is not None
        return self.desk.active.record

    def reception(self) -> None:
        """Step 1: welcome script, caller data, the account opened in RR."""
        self.desk.call.record_check("saludo", "guion leído")
        for name, value in CALLER.items():
            self.desk.call.set_field(name, value)
        self.desk.call.open_account(self.cuenta)
        self.desk.call.advance()

    def interpretation(self, branch: str, request: str) -> None:
        """Step 2: every check the account's flags ask for, then the request."""
        state = self.record.state
        if "blacklist" in state.flags:
            self.desk.accounts.read_special_notes(self.cuenta)
            self.desk.call.record_check(check_ids.IDENTITY, "cédula y dirección verificadas")
        for flag, check in (
            ("pqr_pendiente", "pqr_revisada"),
            ("visita_pendiente", "visita_revisada"),
            ("aviso", "aviso_revisado"),
        ):
            if flag in state.flags:
                self.desk.call.record_check(check, "revisada")
        self.desk.call.record_check("estado_revisado", "revisada")
        self.desk.call.start_request(branch, request)
        self.desk.call.advance()

    def through_interpretation(self, branch: str, request: str, *, subflow: str) -> None:
        """Steps 1 and 2, then the sub-flow chosen on the branch's entry (e.g. SAC 1)."""
        self.reception()
        self.interpretation(branch, request)
        self.desk.call.choose_subflow(subflow)

    def typify(self, code: str | None = None) -> CallRecord:
        """Step 7 with the path's suggested code; a CUN when it escalated or needs one."""
        chosen = code or self.desk.call.suggested_code()
        assert chosen, "the path suggests no code"
        entry = self.desk.accounts.ucc_search(chosen)
        needs_cun = bool(entry) and entry[0].code == chosen and entry[0].requires_cun
        first_contact = not (needs_cun or self.desk.call.request_escalated())
        self.desk.call.typify(code=chosen, first_contact=first_contact)
        return self.desk.call.advance()

    def close(self) -> CallRecord:
        """Step 8: resolution informed, nothing else, closing script, survey; the call ends."""
        self.desk.call.record_check("resolucion_informada", "informada")
        self.desk.call.record_check("nada_mas", "sin más solicitudes")
        self.desk.call.record_check("guion_cierre", "leído")
        self.desk.call.record_survey("acepta", 5)
        return self.desk.end_call()

    def typification_of(self, ended: CallRecord) -> Typification:
        """The one typification row the ended call wrote."""
        with read_session(self.desk.services.engine) as session:
            return session.exec(select(Typification).where(Typification.call_id == ended.id)).one()

    def account(self) -> Account:
        with read_session(self.desk.services.engine) as session:
            row = session.get(Account, self.cuenta)
            assert row is not None
            return row
