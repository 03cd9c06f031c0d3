"""TRN001: the trainer's scenario catalogue (role formador, menu option 7).

The shipped scenarios and the trainer's own folder, in id order, filtered by
branch (``sac`` or ``sac/cartera``), level and a piece of an objective (Intro
applies them). Option 1 assigns a scenario (TRN002), 5 shows its summary
(TRN003), 9 rings it on this terminal now, to practise it or to show it. A
file with errors is never offered: the detail row counts them, and
``swat scenarios validate`` names every error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import DomainError
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.training.ready import open_training

if TYPE_CHECKING:
    from swat_tui.domain.training.catalog import Catalog
    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.ui.host import Training

ASSIGN, VIEW, PRACTISE = "1", "5", "9"
MODES = {"practica": "práct.", "certificacion": "cert."}
LEVELS = (1, 2, 3)


class CatalogScreen(PagedScreen, panel="TRN001"):
    """The catalogue as a list with an Opc column; the filters on row 3."""

    def __init__(self) -> None:
        super().__init__()
        self.scenarios: tuple[Scenario, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.scenarios = ()

    def fill(self) -> None:
        self._load()

    def _load(self, *, reread: bool = False) -> bool:
        """The list for the filters typed; False (nothing shown) when the training store
        is not open or a filter is refused."""
        ready = open_training(self)
        if ready is None:
            self._show((), "", "")
            return False
        training = ready[0]
        catalog = training.reload_catalog() if reread else training.catalog
        chosen = self._filtered(catalog)
        if chosen is None:
            return False
        self._show(chosen, _summary(len(chosen), len(catalog.scenarios)), _errors(catalog))
        return True

    def _show(self, scenarios: tuple[Scenario, ...], summary: str, detail: str) -> None:
        self.scenarios = scenarios
        self.set_fields({"summary": summary, "detail": detail})
        self.show_records([_record(scenario) for scenario in scenarios])

    def _filtered(self, catalog: Catalog) -> tuple[Scenario, ...] | None:
        """The scenarios matching the filters, in id order; None (row 24 says why) when a
        filter is not one the catalogue knows."""
        rama = self.field("rama").value.strip().lower()
        branch, _, subflow = (part.strip() for part in rama.partition("/"))
        routes = {(h.branch, h.subflow) for s in catalog.scenarios for h in s.expected}
        known_branch = not branch or branch in {b for b, _ in routes}
        if not known_branch or (subflow and (branch, subflow) not in routes):
            branches = ", ".join(sorted({b for b, _ in routes}))
            self._refuse(
                "rama",
                messages.text("ui.trainer.unknown_branch", branch=rama[:20], branches=branches),
            )
            return None
        typed_level = self.field("n").value.strip()
        if typed_level and int(typed_level) not in LEVELS:
            self._refuse("n", messages.text("ui.trainer.bad_level"))
            return None
        found = catalog.filter(
            branch=branch or None,
            level=int(typed_level) if typed_level else None,
            objective=self.field("objetivo").value.strip() or None,
        )
        if subflow:
            found = tuple(s for s in found if any(h.subflow == subflow for h in s.expected))
        return tuple(sorted(found, key=lambda s: s.id))

    def _refuse(self, name: str, text: str) -> None:
        self.message(text, error=True, field=name)
        self.field(name).mark_error(True)
        self.focus_field(name)

    def action_rr_refresh(self) -> None:
        """F5: the scenario files read again (and the training store asked again)."""
        self.clear_errors()
        if self._load(reread=True):
            self.message(messages.text("ui.trainer.catalog_refreshed"))

    async def action_rr_enter(self) -> None:
        """An option typed acts on its row; none: the filters apply."""
        self.clear_errors()
        typed = self.typed_option() if self.scenarios else None
        if typed is None:
            if self._load() and not self.scenarios:
                self.message(messages.text("ui.trainer.catalog_none"), error=True)
            elif self.scenarios:
                self.focus_field("o_0")  # filtered: the cursor on the first row's option
            return
        ready = open_training(self)
        if ready is None:
            return
        training = ready[0]
        scenario = self.scenarios[typed.record]
        if typed.option not in (ASSIGN, VIEW, PRACTISE):
            self._refuse(
                typed.field, messages.text("ui.trainer.catalog_option", option=typed.option[:3])
            )
            return
        self.field(typed.field).value = ""
        if typed.option == ASSIGN:
            await self.open_panel("TRN002", scenario)
        elif typed.option == VIEW:
            await self.open_panel("TRN003", scenario)
        else:
            self._practise(training, scenario, typed.field)

    def _practise(self, training: Training, scenario: Scenario, field: str) -> None:
        """Option 9: the scenario rings on this terminal now."""
        try:
            training.start(scenario)
        except DomainError as refused:
            self._refuse(field, refused.message)
            return
        self.message(messages.text("ui.trainer.ringing_here", scenario=scenario.id))


def _summary(shown: int, total: int) -> str:
    if shown == total:
        return messages.text("ui.trainer.catalog_all", total=total)
    if shown == 0:
        return messages.text("ui.trainer.catalog_none")
    return messages.text("ui.trainer.catalog_filtered", shown=shown, total=total)


def _errors(catalog: Catalog) -> str:
    """How many scenario files are left out for their errors ("" when none)."""
    files = {error.path for error in catalog.errors}
    if not files:
        return ""
    if len(files) == 1:
        return messages.text("ui.trainer.catalog_errors_one")
    return messages.text("ui.trainer.catalog_errors", count=len(files))


def route(scenario: Scenario) -> str:
    """``sac/facturacion+recaudo``: each branch once, its sub-flows after it."""
    by_branch: dict[str, list[str]] = {}
    for handling in scenario.expected:
        subflows = by_branch.setdefault(handling.branch, [])
        if handling.subflow and handling.subflow not in subflows:
            subflows.append(handling.subflow)
    return ", ".join(
        f"{branch}/{'+'.join(subflows)}" if subflows else branch
        for branch, subflows in by_branch.items()
    )


def _record(scenario: Scenario) -> dict[str, str]:
    return {
        "id": scenario.id,
        "v": str(scenario.level),
        "mode": MODES.get(scenario.mode, scenario.mode),
        "route": clip(route(scenario), 23),
        "title": clip(scenario.title, 28),
    }
