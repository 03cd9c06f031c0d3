"""The log of errors nobody foresaw (placeholder until the store-permissions work lands)."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path


def error_log_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("swat-tui", appauthor=False)) / "swat-errors.log"


def log_unexpected(error: BaseException, *, where: str) -> Path:
    """Append the error and its traceback (never its locals) to the log; never raises."""
    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(traceback.format_exception(error))
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now().isoformat()} {where}\n{text}\n")
    except OSError:
        pass
    return path
