"""Where an agent's calls come from: an interface, and the practice queue behind it.

The desk asks its ``CallSource`` for the next call and for how long to wait
in Disponible before it rings. The practice queue and the trainer's scenario
runner are sources. The outbound campaign is not: its calls are dialled by the
agent, not rung (``desk.outbound``), and nothing rings while the agent holds a
campaign's account (``Desk.wants_ring``).
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine

from swat_tui.domain.desk import floor_queue
from swat_tui.domain.desk.practice_queue import CallQueue, IncomingCall, ring_delay
from swat_tui.domain.desk.softphone import SoftphoneConfig, softphone_config


class CallSource(Protocol):
    """Gives the desk its calls."""

    def next_call(self, now: datetime) -> IncomingCall:
        """The call that rings now."""
        ...

    def ring_delay(self) -> float | None:
        """Seconds in Disponible before the next call rings; None: the source rings itself."""
        ...


class PracticeSource:
    """Practice calls: the oldest waiting in the floor's queue, else one drawn from the
    store for this agent (deterministic by seed)."""

    def __init__(
        self,
        engine: Engine,
        *,
        seed: int,
        agent_id: int | None = None,
        fixed_delay: float | None = None,
        config: SoftphoneConfig | None = None,
    ) -> None:
        self._engine = engine
        self._agent_id = agent_id
        self._seed = seed
        self._config = config or softphone_config()
        self._fixed_delay = fixed_delay
        self._rng = random.Random(seed)
        self._queue: CallQueue | None = None  # built on the first call: it reads the store

    def next_call(self, now: datetime) -> IncomingCall:
        if self._agent_id is not None:
            waiting = floor_queue.claim(self._engine, self._agent_id, now)
            if waiting is not None:
                return waiting
        if self._queue is None:
            self._queue = CallQueue(self._engine, seed=self._seed, config=self._config)
        drawn = self._queue.next_call(now)
        if self._agent_id is not None:
            floor_queue.record_drawn(self._engine, drawn, self._agent_id)
        return drawn

    def ring_delay(self) -> float | None:
        if self._fixed_delay is not None:
            return self._fixed_delay
        return ring_delay(self._rng, self._config)
