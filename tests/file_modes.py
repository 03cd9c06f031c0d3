"""What the tests of private files share: a file's permission bits, and the umask most
desktops have (the one that leaves new files readable by everyone)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest


def mode_of(path: Path) -> int:
    """The permission bits of ``path`` (0o600...)."""
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """Umask 022 while the test runs, whatever the runner's."""
    before = os.umask(0o022)
    yield
    os.umask(before)
