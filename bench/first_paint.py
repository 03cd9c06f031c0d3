"""Figure 1: time from process start to the first painted sign-on screen, vs bare Textual.

Each run is a fresh ``python`` process on its own pseudo-terminal (80x24), so
both apps go through Textual's real Linux driver. The parent measures wall
time from spawning the child until the sign-on text has been written to the
terminal; the bare app is a ``textual.app.App`` with one ``Static`` holding
the same text, started the same way. Runs alternate (bare, swat, ...) so
drift on a shared machine hits both; one untimed warm-up of each fills the
bytecode cache and the OS file cache first.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time

from bench.common import Figure, child_command, child_env, log, median, ratio, verdict
from bench.demo_build import Store

MARKER = b"CLARO COLOMBIA - SERVICIO AL CLIENTE HOGAR"
GOAL_RATIO = 1.5
TIMEOUT_S = 60.0
CTRL_Q = b"\x11"


def time_to_marker(argv: list[str], marker: bytes | None = MARKER) -> float:
    """Seconds from spawning ``argv`` on a new 80x24 pty until ``marker`` is written.

    With ``marker=None`` the time until the process exits (interpreter floor).
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=child_env(), start_new_session=True
    )
    os.close(slave)
    output = b""
    elapsed: float | None = None
    try:
        while elapsed is None:
            remaining = TIMEOUT_S - (time.perf_counter() - started)
            ready, _, _ = select.select([master], [], [], max(remaining, 0))
            if not ready:
                raise RuntimeError(f"no first paint within {TIMEOUT_S:.0f} s: {output[-400:]!r}")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                if marker is None:
                    process.wait()
                    elapsed = time.perf_counter() - started
                    break
                raise RuntimeError(f"child ended before painting: {output[-400:]!r}")
            output += chunk
            if marker is not None and marker in output:
                elapsed = time.perf_counter() - started
    finally:
        _stop(process, master)
    return elapsed


def _stop(process: subprocess.Popen[bytes], master: int) -> None:
    """Quit the app with Ctrl+Q (lets its store worker finish), kill it if it lingers."""
    if process.poll() is None:
        with contextlib.suppress(OSError):
            os.write(master, CTRL_Q)
        deadline = time.perf_counter() + 10
        while process.poll() is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    os.read(master, 65536)  # keep the pty drained so the child never blocks
                except OSError:
                    break
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: only this child
    process.wait()
    os.close(master)


def run(store: Store, repeats: int) -> list[Figure]:
    """Median time to first paint of swat and of a bare Textual app, and their ratio."""
    bare = child_command("_paint_child.py", "bare")
    swat = child_command("_paint_child.py", "swat", store.url)
    floor = child_command("_paint_child.py", "none")
    log("first paint: warm-up (bytecode and file caches)")
    time_to_marker(bare)
    time_to_marker(swat)
    bare_s: list[float] = []
    swat_s: list[float] = []
    floor_s: list[float] = []
    for index in range(repeats):
        bare_s.append(time_to_marker(bare))
        swat_s.append(time_to_marker(swat))
        floor_s.append(time_to_marker(floor, marker=None))
        log(
            f"first paint {index + 1}/{repeats}: bare {bare_s[-1] * 1e3:.0f} ms, "
            f"swat {swat_s[-1] * 1e3:.0f} ms"
        )
    bare_ms, swat_ms, floor_ms = (median(s) * 1e3 for s in (bare_s, swat_s, floor_s))
    swat_ratio = ratio(swat_ms, bare_ms)
    assert swat_ratio is not None
    spread = f"min {min(swat_s) * 1e3:.0f} / max {max(swat_s) * 1e3:.0f} ms"
    return [
        Figure(
            "first_paint",
            f"swat sign-on painted (median of {repeats})",
            swat_ms,
            "ms",
            goal=f"<= {GOAL_RATIO}x bare",
            baseline=bare_ms,
            baseline_name="bare Textual app, same run",
            ratio=swat_ratio,
            verdict=verdict(swat_ratio <= GOAL_RATIO),
            note=spread,
        ),
        Figure(
            "first_paint",
            f"bare Textual app painted (median of {repeats})",
            bare_ms,
            "ms",
            note=f"min {min(bare_s) * 1e3:.0f} / max {max(bare_s) * 1e3:.0f} ms",
        ),
        Figure(
            "first_paint",
            "python start and exit, no imports (median)",
            floor_ms,
            "ms",
            note="interpreter floor, for scale",
        ),
        Figure(
            "first_paint",
            "swat minus bare",
            swat_ms - bare_ms,
            "ms",
            note="extra start-up cost of swat",
        ),
    ]
