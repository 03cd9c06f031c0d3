"""One training call at a trainee's desk: the scenario's desk, its caller, its score.

The trainee's real desk stays as it was (in AUX while training); a training
call is a second ``Desk`` on the training store, with the scenario as its call
source, so every panel works it as any call and writes only training records.
After the call's after-call work (or a hang-up), ``finish`` scores it from its
events and keeps the scorecard; the trainee then sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from swat_tui.domain.call.intents import ASK_EVENT
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.services import Services
from swat_tui.domain.training import assignments
from swat_tui.domain.training.assignments import AssignmentLine
from swat_tui.domain.training.caller import CallerLine, transcript
from swat_tui.domain.training.model_run import agent_of
from swat_tui.domain.training.scenario import Mode, Scenario
from swat_tui.domain.training.scorecard import Scorecard, call_facts, score
from swat_tui.domain.training.scorecard_json import result_row
from swat_tui.domain.training.source import ScenarioSource
from swat_tui.domain.training.training_store import as_the_holder, materialise
from swat_tui.store.engine import read_session
from swat_tui.store.queries.calls import events_of


@dataclass
class TrainingCall:
    """A scenario's call on a trainee's training desk."""

    services: Services  # the training store's
    scenario: Scenario
    desk: Desk
    assignment: AssignmentLine | None = None
    asked: set[str] = field(default_factory=set)
    scorecard: Scorecard | None = None

    @classmethod
    def start(
        cls,
        services: Services,
        scenario: Scenario,
        *,
        username: str,
        assignment: AssignmentLine | None = None,
    ) -> TrainingCall:
        """The scenario's account written fresh, the trainee's training desk opened
        in Disponible; the call rings with ``ring``."""
        cuenta = materialise(services, scenario)
        scenario = as_the_holder(services, scenario, cuenta)
        desk = Desk(services, agent_of(services, username), ScenarioSource(scenario, cuenta))
        desk.go_available()
        return cls(services, scenario, desk, assignment)

    @property
    def certification(self) -> bool:
        """A certification shows no guide and no caller hints."""
        return self.scenario.mode == Mode.CERTIFICATION

    @property
    def call_id(self) -> int | None:
        if self.desk.ringing is not None:
            return self.desk.ringing.id
        return self.desk.last_call_id

    def ring(self) -> CallRecord:
        record = self.desk.ring()
        if self.assignment is not None:
            assignments.attach_call(
                self.services.engine, assignment_id=self.assignment.id, call_id=record.id
            )
        return record

    def ask(self, what: str) -> bool:
        """The agent asks the caller for ``what`` (once a call each): True when asked now."""
        if self.desk.active is None or what in self.asked:
            return False
        self.desk.call.ask(what)
        self.asked.add(what)
        return True

    def caller_lines(self) -> tuple[CallerLine, ...]:
        """What the caller has said so far."""
        call_id = self.call_id
        if call_id is None:
            return ()
        with read_session(self.services.engine) as session:
            events = events_of(session, call_ids=[call_id])
        return transcript(self.scenario, events)

    @property
    def over(self) -> bool:
        """The call is done with: ended or hung up, and its after-call work finished."""
        return (
            self.call_id is not None
            and self.desk.active is None
            and self.desk.ringing is None
            and self.desk.phone.state != AgentState.ACW
        )

    def finish(self) -> Scorecard:
        """Score the call as it happened (an abandoned one too) and keep the card;
        the training desk signs off."""
        call_id = self.call_id
        if call_id is None:
            raise ValueError("the training call never rang")
        if self.scorecard is None:
            card = score(
                call_facts(self.services.engine, call_id), self.scenario, self.desk.procedure
            )
            trainee = self.desk.agent.id
            assignment = self.assignment.id if self.assignment is not None else None
            assignments.record_result(
                self.services.engine,
                result_row(card, self.scenario, trainee, assignment, self.services.clock()),
            )
            self.scorecard = card
        return self.scorecard

    def leave(self) -> None:
        """The training desk signs off (a call still on the line is hung up first)."""
        desk = self.desk
        if desk.active is not None:
            desk.hang_up()
        if desk.ringing is None:
            desk.sign_off()


__all__ = ["ASK_EVENT", "TrainingCall"]


def close_interrupted(
    services: Services, *, username: str, find: Callable[[str], Scenario | None]
) -> int:
    """Training calls of ``username`` a killed session left open (a closed browser tab,
    a kill -9): closed by the system as abandoned, and one that was assigned is scored
    with what happened, so the trainer sees it and its scenario's account is free again.
    How many were closed."""
    agent = agent_of(services, username)
    services.calls.close_stale_acw(agent.id)
    closed = 0
    for record in services.calls.interrupted(agent.id):
        services.calls.close_abandoned(record.id)
        closed += 1
        assignment = assignments.assignment_of_call(services.engine, call_id=record.id)
        scenario = find(assignment.scenario_id) if assignment is not None else None
        if assignment is None or scenario is None:
            continue
        facts = call_facts(services.engine, record.id)
        card = score(facts, scenario, services.calls.procedure)
        row = result_row(card, scenario, agent.id, assignment.id, services.clock())
        assignments.record_result(services.engine, row)
    return closed
