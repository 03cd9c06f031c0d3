"""The one way a panel reads the store off the UI's thread (the floor every second, an
indicator over a big base, a report of a long period): the panel stays live, and the
value, the refusal or the unexpected error comes back to it on the UI's thread.

Only the newest read of a panel paints. A thread cannot be stopped, so an older read
that finishes after a newer one began (``exclusive`` cancelled its worker) is dropped
when it arrives instead of painting over the newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.worker import Worker, get_current_worker

from swat_tui.domain.bootstrap import StoreError
from swat_tui.domain.errors import DomainError

if TYPE_CHECKING:
    from swat_tui.ui.screens.base import RRScreen

T = TypeVar("T")


def read_in_worker(
    screen: RRScreen,
    read: Callable[[], T],
    show: Callable[[T], None],
    *,
    refused: Callable[[str, bool], None] | None = None,
    group: str | None = None,
    when_idle: bool = False,
) -> Worker[None] | None:
    """Run ``read`` in a thread and ``show`` its value on the panel. A refusal or a busy
    store goes to ``refused(text, is_refusal)`` (default: row 24); anything else is
    logged and told on row 24 (``guard.report``). A newer read of the same ``group``
    (default: the panel's) supersedes this one: it paints nothing.

    ``when_idle`` (a timer's read): none is started while one of the group is still
    under way, so a store slower than the timer still paints every read it finishes
    instead of each tick superseding the last; None is returned then."""
    group = group or f"read-{screen.PANEL_ID}"
    if when_idle and _under_way(screen, group):
        return None

    def arrived(worker: Worker[None], deliver: Callable[[], None]) -> None:
        if not worker.is_cancelled and screen.is_attached:
            deliver()

    def said(text: str, is_refusal: bool) -> None:
        if refused is not None:
            refused(text, is_refusal)
        else:
            screen.message(text, error=True)

    def work() -> None:
        worker = get_current_worker()
        try:
            value = read()
        except DomainError as error:
            message = error.message
            screen.app.call_from_thread(arrived, worker, lambda: said(message, True))
            return
        except StoreError as error:  # busy or unreachable: the next read may answer
            text = str(error)
            screen.app.call_from_thread(arrived, worker, lambda: said(text, False))
            return
        except Exception as error:  # nobody foresaw it: logged, one line on row 24
            from swat_tui.ui.guard import report

            # logged even when superseded: a defect is a defect in any read
            screen.app.call_from_thread(report, screen.app, error, where=f"{screen.PANEL_ID} read")
            return
        screen.app.call_from_thread(arrived, worker, lambda: show(value))

    return screen.run_worker(
        work,
        thread=True,
        exclusive=True,
        group=group,
        exit_on_error=False,
    )


def _under_way(screen: RRScreen, group: str) -> bool:
    """A read of ``group`` started by ``screen`` and not finished nor superseded."""
    return any(
        worker.node is screen and worker.group == group and not worker.is_finished
        for worker in screen.app.workers
        if not worker.is_cancelled
    )
