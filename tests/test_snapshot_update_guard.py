"""``--snapshot-update`` with ``-k`` is refused before any test runs, so a keyword can never
make syrupy delete the snapshots it left out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pytest(*args: str) -> subprocess.CompletedProcess[str]:
    """pytest in a child process, collecting only (nothing runs, nothing is written)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-n",
            "0",
            "-p",
            "no:randomly",
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_snapshot_update_with_a_keyword_is_a_usage_error() -> None:
    done = _pytest("--snapshot-update", "-k", "sign_on", "tests/test_keys.py")
    assert done.returncode == 4, done.stdout + done.stderr  # pytest's ExitCode.USAGE_ERROR
    assert "--snapshot-update together with -k" in done.stderr


def test_snapshot_update_without_a_keyword_is_allowed() -> None:
    done = _pytest("--snapshot-update", "tests/test_keys.py")
    assert done.returncode == 0, done.stdout + done.stderr
