"""Real concurrent processes for the concurrency tests.

Each worker is a Python process running the test's code, with its own engine on the
store. It connects first, then calls ``at_barrier()``: it says it is ready and waits for
one "go" file, so every worker starts its writes at the same moment (not one after the
other as they finish importing). What a worker prints is its outcome.

    outcomes = race(WORKER, [[store_url, "OT000001"]] * 4, tmp_path / "barrier")

The worker's arguments are ``sys.argv[1:]``; its name (``000``, ``001``...) is
``os.environ["SWAT_RACE_NAME"]``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

BARRIER_ENV = "SWAT_RACE_BARRIER"
NAME_ENV = "SWAT_RACE_NAME"
AT_BARRIER = textwrap.dedent(
    f"""
    def at_barrier():
        import os, time
        from pathlib import Path

        barrier = Path(os.environ["{BARRIER_ENV}"])
        (barrier / (os.environ["{NAME_ENV}"] + ".ready")).touch()
        while not (barrier / "go").exists():
            time.sleep(0.001)
    """
)


def race(
    code: str, argvs: Sequence[Sequence[str]], barrier: Path, *, timeout: float = 120
) -> list[str]:
    """Start one process per ``argvs`` item running ``code``, let them all pass
    ``at_barrier()`` at once, and return what each printed (stripped), in order. A
    worker that fails fails the test with its error output."""
    barrier.mkdir()
    program = AT_BARRIER + textwrap.dedent(code)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", program, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, BARRIER_ENV: str(barrier), NAME_ENV: f"{n:03d}"},
        )
        for n, argv in enumerate(argvs)
    ]
    try:
        deadline = time.monotonic() + timeout
        while len(list(barrier.glob("*.ready"))) < len(workers):
            assert time.monotonic() < deadline, "the workers did not start"
            assert all(w.poll() is None for w in workers), [w.communicate() for w in workers]
            time.sleep(0.01)
        (barrier / "go").touch()
        outcomes = []
        for worker in workers:
            out, err = worker.communicate(timeout=timeout)
            assert worker.returncode == 0, err
            outcomes.append(out.strip())
        return outcomes
    finally:
        for worker in workers:  # a failed assertion above leaves none running
            if worker.poll() is None:
                worker.kill()
                worker.communicate()
