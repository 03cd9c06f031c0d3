"""The app's side of trainer mode: the training store, the scenarios, a training call.

A training call is taken in the real panels: while it lasts the app's ``desk``
is the training desk (the training store, the scenario as its call source),
and the agent's real desk waits in AUX "Capacitación", out of the queue. Its
caller's words reach the panels as ``DeskChange("caller", ...)``; once its
after-call work is done the call is scored and the scorecard (TRN030) shown,
and the real desk is the app's again.

Assignments: a trainee in Disponible or in AUX Capacitación is rung by the
next scenario a trainer gave them (``poll``), ahead of any practice call.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from swat_tui.domain.desk.desk import DeskChange
from swat_tui.ui.guard import guarded
from swat_tui.ui.host import PanelHost

if TYPE_CHECKING:
    from swat_tui.domain.desk.desk import Desk
    from swat_tui.domain.services import Services
    from swat_tui.domain.training.assignments import AssignmentLine
    from swat_tui.domain.training.caller import CallerLine
    from swat_tui.domain.training.catalog import Catalog
    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.domain.training.scorecard import Scorecard
    from swat_tui.domain.training.training_call import TrainingCall

OPEN_ATTEMPTS = 2
OPEN_RETRY_S = 3.0
TRAINING_AUX = 3  # data/softphone.toml: "Capacitación"
TRAINING_ROLES = frozenset({"asesor", "formador"})


class TrainingApp(PanelHost, Protocol):
    """What trainer mode needs of the app: its panels' host, and a way to tell the
    panels a training desk's changes as it tells the real desk's."""

    def relay_desk_change(self, change: DeskChange) -> None: ...

    def call_later(self, callback: Any, *args: Any, **kwargs: Any) -> bool: ...


class TrainingHost:
    """Trainer mode for one signed-on session of the app."""

    def __init__(self, app: TrainingApp) -> None:
        self.app = app
        self.services: Services | None = None  # the training store's, once open
        self.error: str = ""  # why the training store could not be opened
        self.call: TrainingCall | None = None
        self.real_desk: Desk | None = None
        self.card_showing = False  # TRN030 in front: no assignment rings over it
        self._catalog: Catalog | None = None
        self._lines_told = 0
        self.recovered = 0  # training calls a killed session had left open, now closed

    # -- the training store and the scenarios ----------------------------------------

    def open_store(self) -> Services | None:
        """Open (create, seed) the training store: blocking, run it in a worker."""
        from swat_tui.domain.bootstrap import StoreError
        from swat_tui.domain.training.training_store import open_training_services

        if self.services is not None:
            return self.services
        for attempt in range(OPEN_ATTEMPTS):
            try:
                self.services = open_training_services(self.app.settings, real=self.app.services)
            except StoreError as error:
                # Two terminals signing on at once both find it empty and both build it:
                # the one that lost finds it built a moment later.
                self.error = str(error)
                if attempt + 1 < OPEN_ATTEMPTS:
                    time.sleep(OPEN_RETRY_S)
                continue
            self.error = ""
            self._close_interrupted(self.services)
            return self.services
        return None

    def _close_interrupted(self, services: Services) -> None:
        """A training call this profile's killed session left open is closed (and scored
        when it was assigned) before anything rings again."""
        from swat_tui.domain.training.training_call import close_interrupted

        agent = self.app.agent
        if agent is None:
            return
        try:
            self.recovered = close_interrupted(
                services, username=agent.username, find=self.catalog.find
            )
        except ValueError:  # the profile is not in the training store: nothing of it is open
            self.recovered = 0

    @property
    def catalog(self) -> Catalog:
        """The shipped scenarios and the trainer's folder (``SWAT_SCENARIOS_DIR``)."""
        from swat_tui.domain.training.catalog import SCENARIOS_ENV, load_catalog

        if self._catalog is None:
            extra = os.environ.get(SCENARIOS_ENV, "")
            dirs = [Path(part) for part in extra.split(os.pathsep) if part]
            self._catalog = load_catalog(dirs)
        return self._catalog

    def reload_catalog(self) -> Catalog:
        """The scenario files read again (a trainer edited or added one)."""
        self._catalog = None
        return self.catalog

    # -- a training call ---------------------------------------------------------------

    @property
    def active(self) -> bool:
        """A training call is on this terminal (ringing, on the line or in ACW)."""
        return self.call is not None

    @property
    def certification(self) -> bool:
        """A certification call: no guide and no caller hints."""
        return self.call is not None and self.call.certification

    def start(self, scenario: Scenario, assignment: AssignmentLine | None = None) -> None:
        """Ring ``scenario`` on this terminal now; refused (``DomainError``) while a call
        is on the real desk or another training call is going."""
        from swat_tui.domain.errors import refusal
        from swat_tui.domain.training.training_call import TrainingCall

        app = self.app
        real = app.desk if self.call is None else self.real_desk
        if real is None:
            return
        if self.call is not None:
            raise refusal("training.call_going")
        if real.active is not None or real.ringing is not None:
            raise refusal("training.real_call_going")
        services = self.services or self.open_store()
        if services is None:
            raise refusal("training.store_closed", reason=self.error)
        if not _in_training_aux(real):
            real.go_aux(str(TRAINING_AUX))  # out of the queue while training
        call = TrainingCall.start(
            services, scenario, username=real.agent.username, assignment=assignment
        )
        self.real_desk, self.call, self._lines_told = real, call, 0
        app.desk = call.desk
        call.desk.subscribe(app.relay_desk_change)
        call.desk.subscribe(self._changed)
        call.ring()

    @guarded
    def _changed(self, change: DeskChange) -> None:
        """The training desk changed: the caller's new words to the panels; a call done
        with is scored."""
        call = self.call
        if call is None:
            return
        if change.kind in ("call", "call_ended"):
            self._tell_new_lines(call)
        if change.kind == "phone" and call.over:
            self.app.call_later(self.finish)

    def _tell_new_lines(self, call: TrainingCall) -> None:
        lines = call.caller_lines()
        for line in lines[self._lines_told :]:
            self.app.desk_signal.publish(DeskChange("caller", caller_text(line.text)))
        self._lines_told = len(lines)

    def transcript(self) -> tuple[CallerLine, ...]:
        """Everything the caller said in this training call."""
        return self.call.caller_lines() if self.call is not None else ()

    def caller_line(self, cues: frozenset[str] | None = None) -> str:
        """The caller's last words (of these ``cues``, e.g. the request), as a call panel
        shows them ("" when none)."""
        lines = [line for line in self.transcript() if cues is None or line.cue in cues]
        return caller_text(lines[-1].text) if lines else ""

    def field_entered(self, panel: str, field: str) -> None:
        """The cursor reached ``field`` of ``panel``: the agent asks the caller what it
        is for (once a call), and the caller answers."""
        from swat_tui.domain.training.caller import asked_by_field

        call = self.call
        if call is None or call.desk.active is None:
            return
        what = asked_by_field(panel, field)
        if what:
            call.ask(what)

    async def finish(self) -> None:
        """Score the call done with, give the app its real desk back, show the card."""
        call = self.call
        if call is None or not call.over:
            return
        card = call.finish()
        call.leave()
        self.app.desk = self.real_desk
        self.call = None
        await self.show_card(card, call.scenario)

    async def show_card(self, card: Scorecard, scenario: Scenario | None) -> None:
        self.card_showing = True
        navigator = self.app.navigator
        await navigator.to_main_session()
        await navigator.exit_to_menu()
        # A call panel uncovered on the way to the menu may have queued its own way back
        # there (its call is over): the card opens after that, never under it.
        self.app.call_later(self._open_card, card, scenario)

    async def _open_card(self, card: Scorecard, scenario: Scenario | None) -> None:
        await self.app.navigator.open_panel("TRN030", card, scenario)

    def leave(self) -> None:
        """Sign-off or a closed app: a training call still going is left as it is
        (hung up when it was on the line) and the real desk is the app's again."""
        call = self.call
        if call is None:
            return
        try:
            call.leave()
        finally:
            self.app.desk = self.real_desk
            self.call = None

    # -- assignments -----------------------------------------------------------------------

    def poll(self) -> bool:
        """A trainee ready for training calls (Disponible, or AUX Capacitación) with a
        scenario assigned: it rings now. True when one rang."""
        from swat_tui.domain.desk.softphone import AgentState
        from swat_tui.domain.training import assignments

        desk = self.app.desk
        services = self.services
        if services is None or self.call is not None or self.card_showing or desk is None:
            return False
        phone = desk.phone
        ready = phone.state == AgentState.DISPONIBLE or _in_training_aux(desk)
        if not ready or desk.agent.role != "asesor":
            return False
        trainee = assignments.trainee_id(services.engine, desk.agent.username)
        if trainee is None or not assignments.has_pending(services.engine, trainee_id=trainee):
            return False
        claimed = assignments.claim_next(services.engine, trainee_id=trainee, now=services.clock())
        if claimed is None:
            return False
        scenario = self.catalog.find(claimed.scenario_id)
        if scenario is None:
            assignments.cancel(services.engine, assignment_id=claimed.id)
            self.app.show_error(f"El escenario {claimed.scenario_id} asignado ya no existe.")
            return False
        self.start(scenario, claimed)
        return True


def _in_training_aux(desk: Desk) -> bool:
    from swat_tui.domain.desk.softphone import AgentState

    phone = desk.phone
    return (
        phone.state == AgentState.AUX and phone.aux is not None and phone.aux.code == TRAINING_AUX
    )


def caller_text(text: str) -> str:
    from swat_tui.domain.training.caller import quoted

    return quoted(text)
