"""Where the display files (``screens/``) and data files (``data/``) live.

In a source checkout they sit beside the package; a wheel carries them inside
the package as ``swat_tui/_resources``.
"""

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _resource_root() -> Path:
    bundled = _PACKAGE / "_resources"
    if (bundled / "screens").is_dir():
        return bundled
    return _PACKAGE.parent


def screens_dir() -> Path:
    """Folder of the RR panel display files."""
    return _resource_root() / "screens"


def data_dir() -> Path:
    """Folder of catalogues, scripts and demo vocabularies."""
    return _resource_root() / "data"
