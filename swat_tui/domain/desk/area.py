"""The base of every area service of the desk, and the refusal seam they share.

An area (``VisitIntents``, ``PqrIntents``...) receives the desk's one
``DeskContext``. Each public method is an intent: when it refuses
(``DomainError``) the context hears of it, once (the outermost intent), as
``"<area>.<method>"``, and the error goes on to the UI unchanged. ``StoreBusy``
is not a refusal (it is no ``DomainError``): it passes untouched.
"""

from __future__ import annotations

import functools
import threading
import types
from collections.abc import Callable
from typing import Any, ClassVar

from swat_tui.domain.desk.context import DeskContext
from swat_tui.domain.errors import DomainError


class _Running(threading.local):
    """How many intents this thread is inside (a per-thread count: the heartbeat runs
    in a worker thread while the agent's intent runs in the UI's)."""

    depth = 0


_running = _Running()


def _reporting(intent: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def reporting(self: Reports, *args: Any, **kwargs: Any) -> Any:
        outer = _running.depth == 0
        _running.depth += 1
        try:
            return method(self, *args, **kwargs)
        except DomainError as error:
            if outer:
                self.ctx.refused(intent, error)
            raise
        finally:
            _running.depth -= 1

    return reporting


class Reports:
    """A class whose public methods report their refusals to ``ctx.refused``."""

    ctx: DeskContext
    area: ClassVar[str] = ""

    def __init_subclass__(cls, *, area: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.area = area or cls.area
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and isinstance(member, types.FunctionType):
                setattr(cls, name, _reporting(f"{cls.area}.{name}", member))


class AreaService(Reports):
    """One area of the desk (``class VisitIntents(AreaService, area="visit")``)."""

    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
