"""The parent watch that ends a browser tab's app when ``swat serve`` is killed."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from swat_tui.ui.parent_watch import watch_parent


def test_the_app_is_told_once_when_its_parent_changes() -> None:
    """Re-parented (the server died): ``on_gone`` is called once; a parent that stays
    the same never calls it."""
    parents: Iterator[int] = iter([100, 100, 100, 1, 1, 1])
    gone: list[str] = []
    told = threading.Event()

    def on_gone() -> None:
        gone.append("gone")
        told.set()

    watch_parent(on_gone, every_s=0.01, parent_pid=lambda: next(parents, 1))
    assert told.wait(5)
    assert gone == ["gone"]


def test_a_stopped_watch_tells_nothing() -> None:
    """The app ended on its own and stopped the watch: a later change calls nothing."""
    parents = [100]
    told = threading.Event()
    stop = watch_parent(told.set, every_s=0.01, parent_pid=lambda: parents[0])
    stop.set()
    parents[0] = 1
    assert not told.wait(0.2)
