"""Garbage collection while the agent reads a panel, not while they type.

Every panel is a few thousand Textual objects tied in reference cycles, so a
closed panel is freed only by a full (generation 2) collection, and a full
collection of a few panels' garbage takes 50-90 ms here (bench/keys.py).
CPython runs one whenever its counters say so, in the middle of a key press:
bench measured key-to-panel p95 of 65-130 ms and single presses of 300-800 ms
with every threshold setting tried. So full collections run when the agent
has not pressed a key for a moment after a panel closed (an agent reads
each new panel before typing into it), and CPython's own full collections
are made rare, a safety net for someone who types for minutes without a
pause. Young generations keep CPython's default thresholds: collecting them
costs under 2 ms.
"""

from __future__ import annotations

import asyncio
import gc

IDLE_S = 0.25  # no key for this long after a panel closed: collect
# CPython's defaults for the young generations; a full collection only after
# 50 of the middle one (about ten panels without an idle moment).
THRESHOLDS = (700, 10, 50)


def tune() -> None:
    """Freeze what is alive now (modules, store, catalogues) out of every scan.

    A collection first, so that start-up garbage is freed instead of frozen
    for the whole shift (the gc module's own advice for ``freeze``).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


class IdleCollector:
    """Runs a full collection once no key has come for ``delay`` seconds after a panel closed."""

    def __init__(self, delay: float = IDLE_S) -> None:
        self.delay = delay
        self.collections = 0
        self._pending = False  # a panel closed since the last collection
        self._handle: asyncio.TimerHandle | None = None
        self._settled = asyncio.Event()
        self._settled.set()

    def panel_closed(self) -> None:
        self._pending = True
        self._settled.clear()
        self._arm()

    def key_pressed(self) -> None:
        """A key puts the collection off: the agent is typing."""
        if self._pending:
            self._arm()

    async def settled(self) -> None:
        """Wait until no collection is pending (benchmarks wait here as an agent reads)."""
        await self._settled.wait()

    def _arm(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._handle = loop.call_later(self.delay, self._collect)

    def _collect(self) -> None:
        self._handle = None
        if self._pending:
            self._pending = False
            gc.collect()
            self.collections += 1
        self._settled.set()
