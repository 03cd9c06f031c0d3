"""Panels that read the store in a worker thread (an indicator over a big base takes
a moment): the panel stays live, and the result or the refusal comes back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from swat_tui.domain.bootstrap import StoreError
from swat_tui.domain.errors import DomainError

if TYPE_CHECKING:
    from swat_tui.ui.screens.base import RRScreen

T = TypeVar("T")


def read_in_worker(screen: RRScreen, read: Callable[[], T], show: Callable[[T], None]) -> None:
    """Run ``read`` in a thread; ``show`` its value on the panel, or put its refusal on
    row 24. A newer read of the same panel cancels an older one still running."""

    def shown(value: T) -> None:
        if screen.is_attached:
            show(value)

    def refused(message: str) -> None:
        if screen.is_attached:
            screen.message(message, error=True)

    def work() -> None:
        try:
            value = read()
        except DomainError as error:
            screen.app.call_from_thread(refused, error.message)
            return
        except StoreError as error:
            screen.app.call_from_thread(refused, str(error))
            return
        screen.app.call_from_thread(shown, value)

    screen.run_worker(
        work, thread=True, exclusive=True, group=f"read-{screen.PANEL_ID}", exit_on_error=False
    )
