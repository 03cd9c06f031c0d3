"""``read_in_worker``, the one way a panel reads the store off the UI's thread: only the
newest read paints, and each way a read can end reaches row 24."""

from __future__ import annotations

import asyncio
import threading

from textual.worker import Worker

from swat_tui.domain.errors import DomainError, StoreBusy
from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from swat_tui.ui.worker_reads import read_in_worker
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import message, screen

SIZE = (80, 24)


async def test_an_older_read_that_ends_last_paints_nothing(
    app: SwatApp, services: Services
) -> None:
    """The floor reads every second and F5 reads at once: a slow older read that ends
    after a newer one must not paint its older figures over the newer ones."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_menu(pilot)
        panel = screen(app)
        painted: list[str] = []
        started, release, returned = threading.Event(), threading.Event(), threading.Event()

        def slow() -> str:
            started.set()
            release.wait(5)
            returned.set()
            return "older"

        older = _started(read_in_worker(panel, slow, painted.append))
        assert await asyncio.to_thread(started.wait, 5)  # reading when the newer begins
        newer = _started(read_in_worker(panel, lambda: "newer", painted.append))
        await newer.wait()
        assert painted == ["newer"]
        assert older.is_cancelled  # superseded; its thread still runs to the end
        release.set()
        assert await asyncio.to_thread(returned.wait, 5)
        for _ in range(10):  # the thread hands its value to the UI's loop: let it run
            await pilot.pause()
        assert painted == ["newer"]


async def test_a_refusal_a_busy_store_and_a_defect_each_reach_row_24(
    app: SwatApp, services: Services
) -> None:
    """A refusal and a busy store are said as they are; anything else is logged and
    told as the one row-24 line of an unexpected error; the panel goes on."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_menu(pilot)
        panel = screen(app)
        told: list[tuple[str, bool]] = []

        def refused() -> str:
            raise DomainError("Periodo no válido.")

        def busy() -> str:
            raise StoreBusy()

        def broken() -> str:
            raise ZeroDivisionError("boom")

        def keep(text: str, is_refusal: bool) -> None:
            told.append((text, is_refusal))

        await _started(read_in_worker(panel, refused, print, refused=keep)).wait()
        await _started(read_in_worker(panel, busy, print, refused=keep)).wait()
        assert told == [("Periodo no válido.", True), (StoreBusy().message, False)]
        await _started(read_in_worker(panel, broken, print)).wait()
        await pilot.pause()
        assert message(app).startswith("Error inesperado")
        assert app.unexpected_errors == ["MNU001 read: ZeroDivisionError: boom"]


async def test_a_timer_s_read_waits_for_one_under_way(app: SwatApp, services: Services) -> None:
    """The floor reads every second: on a store slower than that, each tick superseding
    the last would paint nothing ever. A timer's read (``when_idle``) starts none while
    one is under way; F5's read still supersedes it."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_menu(pilot)
        panel = screen(app)
        painted: list[str] = []
        started, release = threading.Event(), threading.Event()

        def slow() -> str:
            started.set()
            release.wait(5)
            return "slow"

        first = read_in_worker(panel, slow, painted.append, when_idle=True)
        assert first is not None and await asyncio.to_thread(started.wait, 5)
        assert read_in_worker(panel, lambda: "tick", painted.append, when_idle=True) is None
        release.set()
        await first.wait()
        assert painted == ["slow"]
        again = read_in_worker(panel, lambda: "next", painted.append, when_idle=True)
        assert again is not None
        await again.wait()
        assert painted == ["slow", "next"]


def _started(worker: Worker[None] | None) -> Worker[None]:
    assert worker is not None  # only a timer's read (when_idle) may start none
    return worker
