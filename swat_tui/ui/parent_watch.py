"""A browser tab's app ends when ``swat serve`` is gone.

textual-serve runs one app process per tab and stops it when the tab closes or the
server stops in order. A server killed outright (SIGKILL, a crash, the OOM killer)
tells its tabs' apps nothing: their input just ends, and Textual's web driver does not
exit on that, so each app lived on, heartbeating a session nobody could reach. This
watch sees the parent process change (the app is re-parented when its server dies)
and asks the app to exit as a closed tab does; the call in progress stays open for
REC001, as after any killed session.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

CHECK_EVERY_S = 1.0


def watch_parent(
    on_gone: Callable[[], None],
    *,
    every_s: float = CHECK_EVERY_S,
    parent_pid: Callable[[], int] = os.getppid,
) -> threading.Event:
    """Call ``on_gone`` once, from a daemon thread, when the parent process changes;
    set the returned event to stop watching (the app ends on its own)."""
    stop = threading.Event()
    first = parent_pid()

    def watch() -> None:
        while not stop.wait(every_s):
            if parent_pid() != first:
                on_gone()
                return

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    return stop
