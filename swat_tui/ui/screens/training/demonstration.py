"""TRN040: a scenario's model answer shown panel by panel, after the trainee's scorecard.

One page per RR panel the model answer goes through (``domain.training.demonstration``):
row 3 names the panel and where we are among the pages, then what the agent does
and what the caller says there, each at its moment of the call (mm:ss since
answered), wrapped over as many rows as it needs. Intro shows the next panel;
AvPág/RePág turn the lines of a panel that does not fit; F12 goes back to the card.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.training.demonstration import DemoLine, DemoPage
    from swat_tui.domain.training.scenario import Scenario

LINE = 78
TEXT_WIDTH = 62  # the text column's field


class DemonstrationScreen(PagedScreen, panel="TRN040"):
    """Read-only: the pages are built once from the scenario; Intro moves through them."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario
        self.pages: tuple[DemoPage, ...] = ()
        self.page_number = 0

    def reset_state(self) -> None:
        super().reset_state()
        self.page_number = 0

    def fill(self) -> None:
        from swat_tui.domain.procedure.definition import load_procedure
        from swat_tui.domain.training.demonstration import demonstration
        from swat_tui.ui.display_file import load

        scenario = self.scenario
        self.pages = demonstration(scenario, load_procedure(), title=lambda p: load(p).title)
        self.set_fields(
            {"scenario": clip(f"Escenario {scenario.id}: {scenario.title}", LINE), "detail": ""}
        )
        if not self.pages:
            self.set_fields({"page": ""})
            self.show_records([])
            self.message(messages.text("ui.scorecard.no_model"), error=True)
            return
        self.set_fields({"detail": clip(messages.text("ui.demo.hint"), LINE)})
        self._show_page()

    def _show_page(self) -> None:
        page = self.pages[self.page_number]
        header = messages.text(
            "ui.demo.page",
            panel=page.panel,
            title=page.title,
            number=self.page_number + 1,
            pages=len(self.pages),
        )
        self.set_fields({"page": clip(header, LINE)})
        self.show_records([row for line in page.lines for row in _rows(line)])

    async def action_rr_enter(self) -> None:
        """Intro: the next panel of the model answer."""
        if self.page_number + 1 >= len(self.pages):
            if self.pages:
                self.message(messages.text("ui.demo.last_page"))
            return
        self.page_number += 1
        self.message("")
        self._show_page()


def _rows(line: DemoLine) -> list[dict[str, str]]:
    """A line over as many subfile rows as its text needs (moment and who on the first)."""
    from swat_tui.domain.training.scorecard_text import clock

    wrapped = textwrap.wrap(line.text, TEXT_WIDTH) or [""]
    first = {"at": clock(line.moment), "who": line.who, "text": wrapped[0]}
    return [first, *({"at": "", "who": "", "text": more} for more in wrapped[1:])]
