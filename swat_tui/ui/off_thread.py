"""A store read off the UI's thread, its refusal shown on the UI's own (``attempt``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def off_thread(call: Callable[[], T]) -> Callable[[], T]:
    """Run ``call`` in a thread; a callable that returns its result or raises its error,
    for ``RRScreen.attempt`` to show on row 24 from the UI's thread (a widget is never
    touched from the reading thread)."""
    try:
        value = await asyncio.to_thread(call)
    except Exception as error:  # handed back whole: attempt shows a refusal, re-raises others
        caught = error

        def again() -> T:
            raise caught

        return again
    return lambda: value
