"""The textual-serve server behind ``swat serve``: one ``swat`` process per browser tab.

textual-serve (Textualize's server for a Textual app in a browser, drawn by
xterm.js) runs a shell command for every websocket a tab opens, and when the
tab closes it tells that process to quit: the app exits where it was, so a
call in progress stays open in the store and REC001 offers it at the next
sign-on, as after a killed terminal. It has no login (the app's sign-on is
the login) and no cap on sessions (a reverse proxy in front gives TLS and the
cap: README, "In a browser: swat serve").

Its own start-up prints a logo and the command and logs through rich with
local variables in tracebacks; this server prints one Spanish line once the
socket is bound and logs warnings only, plainly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
import signal
import sys
from collections.abc import Callable

from aiohttp import web
from textual_serve.server import Server

TITLE = "swat-tui"


def app_command() -> str:
    """What each tab runs: this same program, which reads its store from ``SWAT_DB_URL``.

    The URL travels in the child's environment, never on its command line: ``ps``
    shows every user the command line, with any password in it.
    """
    # ``exec``: textual-serve runs the command through a shell, and the app replaces
    # it, so the app's parent is the server itself and a killed server is seen
    # (ui/parent_watch.py); a shell left in between outlived it.
    return "exec " + shlex.join([sys.executable, "-m", "swat_tui.cli.main"])


def local_url(host: str, port: int) -> str:
    """``http://host:port``, with an IPv6 address in brackets."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


class SwatServer(Server):
    """textual-serve's server running ``app_command()``; ``listening`` is called once
    the socket is bound (a port in use raises ``OSError`` before it)."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        public_url: str | None,
        listening: Callable[[], None],
    ) -> None:
        super().__init__(
            app_command(),
            host=host,
            port=port,
            title=TITLE,
            public_url=public_url or local_url(host, port),
        )
        self._listening = listening
        self._tabs: set[asyncio.Task[object]] = set()

    def initialize_logging(self) -> None:
        """Warnings and errors only (aiohttp's access log is off), without rich's locals."""
        logging.basicConfig(level=logging.WARNING, format="swat serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """No logo, no command line: ``listening`` says where it listens."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's session, kept in ``_tabs`` while it runs (to end it on shutdown)."""
        task = asyncio.current_task()
        assert task is not None  # aiohttp runs every handler in a task
        self._tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Every open tab's app is told to quit, at once: aiohttp would otherwise wait
        for each websocket to end by itself, up to its shutdown timeout."""
        tabs = list(self._tabs)
        for tab in tabs:
            tab.cancel()  # textual-serve then stops the tab's app, as when it closes
        await asyncio.gather(*tabs, return_exceptions=True)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM; every tab's app is told to quit on the way out.

        textual-serve's own ``serve`` hides aiohttp's "running on" hook, the one
        moment the socket is known to be bound: this one passes ``listening`` to it.
        """
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # not on Windows
                loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_: self._listening(),
            access_log=None,
        )
