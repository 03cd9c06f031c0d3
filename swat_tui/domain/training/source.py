"""A scenario's call rings through the desk's call-source seam.

``ScenarioSource`` is a ``CallSource``: the desk asks it for the next call as it
asks the practice queue, so a training call is taken in the real panels with
nothing special in the UI. It rings once (the scenario's one call) and then
rings nothing more; the caller's number and queue are the scenario's. What the
caller says comes from ``caller.transcript`` as the call goes, not with the ring.
"""

from __future__ import annotations

from datetime import datetime

from swat_tui.domain.desk.practice_queue import CallKind, IncomingCall
from swat_tui.domain.errors import refusal
from swat_tui.domain.training.scenario import Scenario


class ScenarioSource:
    """The one call of ``scenario``, about ``cuenta`` (None: the caller has no account)."""

    def __init__(self, scenario: Scenario, cuenta: int | None, *, delay: float = 0.0) -> None:
        self.scenario = scenario
        self.cuenta = cuenta
        self._delay = delay
        self.rung = False

    def next_call(self, now: datetime) -> IncomingCall:
        if self.rung:
            raise refusal("training.already_rang")
        self.rung = True
        caller = self.scenario.caller
        kind: CallKind = "cuenta" if self.cuenta is not None else "numero_desconocido"
        return IncomingCall(
            ani=caller.phone,
            queue=caller.queue,
            kind=kind,
            expected_cuenta=self.cuenta,
            at=now,
            says="",  # the simulated caller says it, after the welcome (caller.transcript)
            scenario=self.scenario.id,  # on the ring's event: the trainer's TRN012 reads it
        )

    def ring_delay(self) -> float | None:
        return None if self.rung else self._delay
