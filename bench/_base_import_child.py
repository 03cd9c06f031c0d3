"""Child of bench/base_import.py: one ``import_base`` of FILE into the store at URL,
alone in its process so its peak memory is its own. Prints JSON: seconds, the RSS
high-water mark before and after (MiB), rows loaded and rejected."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def high_water_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(url: str, file: str) -> None:
    from datetime import datetime

    from swat_tui.config import BOGOTA
    from swat_tui.domain.supervisor.campaign.base_import import import_base
    from swat_tui.store.engine import make_engine

    now = datetime(2026, 11, 28, 9, 30, tzinfo=BOGOTA)
    engine = make_engine(url)
    engine.connect().close()
    before = high_water_mib()
    started = time.perf_counter()
    report = import_base(engine, Path(file), code="BENCH", name=None, by="bench", now=now)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "before_mib": before,
                "peak_mib": high_water_mib(),
                "loaded": report.loaded,
                "rejected": report.rejected,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
