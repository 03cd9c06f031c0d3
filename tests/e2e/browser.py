"""A browser tab on ``swat serve``, and the ``swat serve`` process behind it.

Debian's ``chromium`` (installed by .ci/run), driven by Playwright for Python
with ``executable_path``: no browser is ever downloaded. The screen is drawn
on a canvas by xterm.js, so tests assert on what the keys wrote in the store;
the terminal's output stream (the websocket's frames) only says when a panel
was painted, as tmux's capture-pane does for the terminal tests.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route, WebSocket

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Keys pressed by name; anything else is typed as text.
KEY_NAMES = frozenset(
    {"Tab", "Enter", "Backspace", "Escape", *(f"F{n}" for n in range(1, 13))}
    | {f"Shift+F{n}" for n in range(1, 13)}
)
# Escape sequences in the terminal's output (CSI, OSC, two-byte ESC), to find its text.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
TIMEOUT_S = 30.0


def require_chromium() -> str:
    """Debian's chromium, or a skip saying so; under ``CI=true`` a failure instead."""
    if CHROMIUM is not None:
        return CHROMIUM
    reason = "chromium is not installed (apt-get install chromium; .ci/run installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def until(condition: Callable[[], object], what: str, pause: Callable[[], None]) -> None:
    """Poll ``condition`` until it holds, ``pause`` between tries; fail after TIMEOUT_S."""
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {TIMEOUT_S:.0f} s: {what}")
        pause()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """``swat serve`` on a free local port, its output in ``log``."""

    def __init__(self, db_url: str, log: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        command = [sys.executable, "-m", "swat_tui.cli.main", "serve", "--db", db_url]
        with log.open("w", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                [*command, "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # its own group: kill() takes the tabs' apps too
            )
        until(
            lambda: "escuchando en" in self.output() or self.process.poll() is not None,
            "swat serve says where it listens",
            lambda: time.sleep(0.05),
        )
        assert self.process.poll() is None, self.output()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> int:
        """Ctrl+C, as an operator stops it; its exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=TIMEOUT_S)

    def kill(self) -> None:
        """The server and every app it started for a tab (a SIGKILL of the server alone
        left a tab's app running, heartbeating on the test's store, after the test)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


class Tab:
    """One browser tab on ``swat serve``: keys in, the terminal's output stream out."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.page: Page = browser.new_page(viewport={"width": 1000, "height": 600})
        self._origin = url.rstrip("/")
        self._stream = bytearray()
        self._mark = 0
        # Nothing leaves the machine (the page asks Google for a font).
        self.page.route("**/*", self._local_only)
        self.page.on("websocket", self._listen)
        self.page.goto(url)

    def _local_only(self, route: Route) -> None:
        if route.request.url.startswith(self._origin):
            route.continue_()
        else:
            route.abort()

    def _listen(self, websocket: WebSocket) -> None:
        websocket.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # terminal output; text frames are the protocol's
            self._stream += payload

    def pause(self) -> None:
        """A short wait in which Playwright delivers the page's events (frames)."""
        self.page.wait_for_timeout(50)

    def shown_since_keys(self) -> str:
        """The text the terminal was sent since the last keys, without escape sequences."""
        return _ESCAPES.sub("", self._stream[self._mark :].decode("utf-8", "replace"))

    def wait_for(self, text: str) -> None:
        """Until the terminal was sent ``text`` (a panel painted) after the last keys."""
        until(lambda: text in self.shown_since_keys(), f"{text!r} painted", self.pause)

    def keys(self, *keys: str) -> None:
        """Press named keys ("Tab", "Shift+F10") and type anything else, in order."""
        self._mark = len(self._stream)
        self.page.locator("textarea.xterm-helper-textarea").focus()
        for key in keys:
            if key in KEY_NAMES:
                self.page.keyboard.press(key)
            else:
                self.page.keyboard.type(key)

    def screenshot(self, path: Path) -> Path:
        self.page.screenshot(path=path)
        print(f"screenshot: {path}")
        return path

    def close(self) -> None:
        """The agent closes the tab."""
        self.page.close()
