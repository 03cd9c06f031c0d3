"""The app under test in a private event loop, driven one key at a time.

Hypothesis's stateful machine is synchronous and Pilot is async, so each
example gets its own event loop. The app runs inside ONE long-lived task that
holds ``app.run_test()`` open and executes the machine's jobs in order: the
context variables Textual sets in ``run_test`` (the active app) live in that
task, so every job sees them, and ``run_test`` is left from the task that
entered it (leaving it from another task would reset a context variable
token created in a different context).

Keys are posted to the app as ``events.Key`` messages, then the app and
every message pump of its screens are drained with callbacks (the public
``call_later``), round after round until a round finds nothing new. That is
deterministic (no timers run: the settings are frozen) and ~10x faster
than ``Pilot.press``, which sleeps in ``wait_for_idle`` after each key;
``SWAT_EXPLORE_PILOT_KEYS=1`` presses through Pilot instead, to confirm a
failure the slow way.
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.pilot import Pilot

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp, make_app
from tests.ui.conftest import ui_settings

T = TypeVar("T")
SIZE = (80, 24)
JOB_TIMEOUT_S = 30.0  # a key that takes longer than this froze the app
POLL_S = 0.05  # how often a wait looks whether the app crashed meanwhile
DRAIN_ROUNDS = 6  # rounds of "every pump ran its queue"; a key needs 2-3


class AppCrashed(AssertionError):
    """Invariant 1: an error reached Textual's crash handler (the app exited)."""


class AppFroze(AssertionError):
    """Invariant 1: a key was not processed within ``JOB_TIMEOUT_S``."""


def key_event(key: str) -> events.Key:
    """The ``events.Key`` a terminal sends for ``key`` (a Textual key name or one character)."""
    named = {"enter": "\r", "tab": "\t", "space": " ", "escape": "\x1b"}
    if key in named:
        return events.Key(key, named[key])
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")
        return events.Key(name.replace("-", "_"), key)
    return events.Key(key, None)


@dataclass
class AppSession:
    """One app on a fresh copy of the demo store, alive for one Hypothesis example."""

    template: Path
    workdir: Path
    settings: Settings = field(init=False)
    services: Services = field(init=False)
    app: SwatApp = field(init=False)
    pilot: Pilot[None] | None = field(init=False, default=None)
    _loop: asyncio.AbstractEventLoop = field(init=False)
    _jobs: asyncio.Queue[tuple[Callable[[], Awaitable[Any]], asyncio.Future[Any]] | None] = field(
        init=False
    )
    _task: asyncio.Task[None] | None = field(init=False, default=None)
    _closed: bool = field(init=False, default=False)
    pilot_keys: bool = field(init=False, default=False)

    def start(self) -> None:
        """Copy the template store, build the app and run it until it is ready for keys."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        db = self.workdir / "swat.db"
        shutil.copyfile(self.template, db)
        self.settings = ui_settings(db)
        self.services = open_services(self.settings)
        self.app = make_app(self.settings, self.services)
        self.pilot_keys = os.environ.get("SWAT_EXPLORE_PILOT_KEYS") == "1"
        self._loop = asyncio.new_event_loop()
        self._jobs = asyncio.Queue()
        ready: asyncio.Future[None] = self._loop.create_future()
        self._task = self._loop.create_task(self._hold(ready))
        self._loop.run_until_complete(asyncio.wait_for(ready, JOB_TIMEOUT_S))

    async def _hold(self, ready: asyncio.Future[None]) -> None:
        """Keep ``run_test`` open and run the jobs in order, inside this one task."""
        async with self.app.run_test(size=SIZE) as pilot:
            self.pilot = pilot
            await pilot.pause()
            ready.set_result(None)
            while (job := await self._jobs.get()) is not None:
                work, done = job
                try:
                    done.set_result(await work())
                except BaseException as error:  # handed to the machine's thread
                    done.set_exception(error)

    def run(self, work: Callable[[], Awaitable[T]]) -> T:
        """Run one coroutine in the app's task; an app that crashed or froze fails here."""
        self.check_alive()
        done: asyncio.Future[T] = self._loop.create_future()
        self._jobs.put_nowait((work, done))
        try:
            result = self._loop.run_until_complete(asyncio.wait_for(done, JOB_TIMEOUT_S))
        except TimeoutError as error:
            raise AppFroze(f"no answer in {JOB_TIMEOUT_S:.0f} s") from error
        self.check_alive()
        return result

    def check_alive(self) -> None:
        """Invariant 1's first half: the app still runs and nothing reached its crash handler."""
        task = self._task
        if self.app.return_code is None and task is not None and not task.done():
            return
        error = self._finish()
        raise AppCrashed(
            f"the app exited (return code {self.app.return_code}): {error!r}"
        ) from error

    def _finish(self) -> BaseException | None:
        """Leave ``run_test`` (it re-raises the app's crash) and return what it raised."""
        task = self._task
        if task is None:
            return None
        self._task = None
        if not task.done():
            self._jobs.put_nowait(None)
        try:
            self._loop.run_until_complete(asyncio.wait_for(task, JOB_TIMEOUT_S))
        except BaseException as error:
            return error
        return None

    # -- keys ----------------------------------------------------------------------------

    def press(self, key: str) -> None:
        """One key, processed whole (the panel it opens is ready for the next key)."""
        self.run(lambda: self._press(key))

    async def _press(self, key: str) -> None:
        if self.pilot_keys:
            assert self.pilot is not None
            await self.pilot.press(key)
            return
        self.app.post_message(key_event(key))
        await self.settle()

    async def settle(self) -> None:
        """Drain the app's and the screens' message queues until nothing new arrives."""
        app = self.app
        stable = 0
        for _ in range(DRAIN_ROUNDS):
            before = (id(app.screen), len(app.screen_stack), id(app.focused))
            pumps: list[Any] = [app]
            for screen in app.screen_stack:
                pumps.extend(screen.walk_children(with_self=True))
            waits: list[asyncio.Task[bool]] = []
            for pump in pumps:
                flag = asyncio.Event()
                if pump.call_later(flag.set):
                    waits.append(asyncio.ensure_future(flag.wait()))
            # A crash closes the pumps before they run the callbacks: stop waiting then.
            while waits and app.return_code is None:
                _, pending = await asyncio.wait(waits, timeout=POLL_S)
                waits = list(pending)
            for waiting in waits:
                waiting.cancel()
            await asyncio.sleep(0)
            if app.return_code is not None:
                return
            stable = (
                stable + 1
                if (id(app.screen), len(app.screen_stack), id(app.focused)) == before
                else 0
            )
            if stable >= 2:
                return

    # -- teardown ------------------------------------------------------------------------

    def close(self) -> BaseException | None:
        """Leave the app, close the store and the loop; never raises (teardown must finish).

        Returns what leaving ``run_test`` raised (the app's crash, if any). Safe after a
        ``start`` that failed half-way.
        """
        if self._closed:
            return None
        self._closed = True
        error: BaseException | None = None
        loop: asyncio.AbstractEventLoop | None = getattr(self, "_loop", None)
        try:
            if loop is not None:
                error = self._finish()
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for task in pending:
                    task.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if loop is not None:
                loop.close()
            services: Services | None = getattr(self, "services", None)
            try:
                if services is not None:
                    services.close()
            finally:
                gc.collect()  # the app's cycles go now, not inside the next example
                shutil.rmtree(self.workdir, ignore_errors=True)
        return error
