"""TRN003: a scenario's summary, read-only, before the trainer assigns it.

The same lines ``swat scenarios show ID`` prints (domain/training/scenario_summary.py):
level, mode, objectives, the account, the caller and what they say, the
expected handling of each request, the model answer's length. A line wider
than the panel continues on the next row; AvPág/RePág turn pages.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.training.scenario import Scenario

LINE = 78


class ScenarioViewScreen(PagedScreen, panel="TRN003"):
    """One scenario as a trainer reads it."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def fill(self) -> None:
        from swat_tui.domain.training.scenario_summary import summary

        self.show_records([{"line": row} for line in summary(self.scenario) for row in rows(line)])


def rows(line: str) -> list[str]:
    """``line`` over as many panel rows as it needs, its indent kept on each."""
    if not line.strip():
        return [""]
    indent = " " * (len(line) - len(line.lstrip()))
    return textwrap.wrap(line, LINE, subsequent_indent=indent + "  ", drop_whitespace=True) or [""]
