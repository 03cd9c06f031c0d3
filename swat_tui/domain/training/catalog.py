"""The scenarios a trainer can pick: the shipped ones plus the trainer's own folder.

Every ``*.toml`` under ``data/scenarios/`` and under each folder given (a
trainer's, ``--dir`` or ``SWAT_SCENARIOS_DIR``) is read; a file with errors is
left out and its errors kept, and an id used twice is an error named in both
files (neither is offered: which one a trainee would get is not for a file
order to decide). Filters are what the trainer's area offers: branch, level,
objective (a piece of it, accents and case aside) and mode.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from swat_tui.domain.training.scenario import Mode, Scenario
from swat_tui.domain.training.scenario_file import ScenarioError, key_line, read_scenario
from swat_tui.paths import data_dir

SCENARIOS_ENV = "SWAT_SCENARIOS_DIR"


def shipped_dir() -> Path:
    """The scenarios shipped with swat-tui."""
    return data_dir() / "scenarios"


def scenario_files(dirs: Iterable[Path]) -> list[Path]:
    """The ``*.toml`` files under ``dirs`` (subfolders too), each once, in name order."""
    found: dict[Path, Path] = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*.toml")):
            found.setdefault(path.resolve(), path)
    return list(found.values())


@dataclass(frozen=True)
class Catalog:
    """The scenarios that read cleanly and the errors of those that did not."""

    scenarios: tuple[Scenario, ...]
    errors: tuple[ScenarioError, ...] = ()

    def find(self, scenario_id: str) -> Scenario | None:
        wanted = scenario_id.strip().casefold()
        return next((s for s in self.scenarios if s.id.casefold() == wanted), None)

    def filter(
        self,
        *,
        branch: str | None = None,
        level: int | None = None,
        objective: str | None = None,
        mode: Mode | None = None,
        series: str | None = None,
    ) -> tuple[Scenario, ...]:
        """The scenarios matching every filter given."""
        piece = fold(objective) if objective else ""
        return tuple(
            s
            for s in self.scenarios
            if (branch is None or branch in s.branches)
            and (level is None or s.level == level)
            and (not piece or any(piece in fold(o) for o in s.objectives))
            and (mode is None or s.mode == mode)
            and (series is None or s.series == series)
        )


def fold(text: str) -> str:
    """``text`` for a comparison that ignores case and accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_all(dirs: Sequence[Path]) -> tuple[tuple[Scenario, ...], tuple[ScenarioError, ...]]:
    """Every scenario under ``dirs`` that reads cleanly and has an id of its own, and
    every error (a folder that is not there, those of the files, then the repeated ids)."""
    missing = [ScenarioError(d, 0, "", "no existe la carpeta") for d in dirs if not d.is_dir()]
    scenarios, errors = load_files(scenario_files(d for d in dirs if d.is_dir()))
    return scenarios, (*missing, *errors)


def load_files(paths: Sequence[Path]) -> tuple[tuple[Scenario, ...], tuple[ScenarioError, ...]]:
    """Like ``load_all`` for the files named."""
    read: list[Scenario] = []
    errors: list[ScenarioError] = []
    for path in paths:
        scenario, found = read_scenario(path)
        errors.extend(found)
        if scenario is not None:
            read.append(scenario)
    repeated = duplicate_errors(read)
    errors.extend(repeated)
    clashing = {error.path for error in repeated}
    return tuple(s for s in read if s.path not in clashing), tuple(errors)


def duplicate_errors(
    scenarios: Sequence[Scenario], others: Sequence[Scenario] = ()
) -> list[ScenarioError]:
    """An error in each file of ``scenarios`` whose id another scenario also uses
    (among them or in ``others``), naming the other file and its line."""
    everyone = [*scenarios, *(o for o in others if o.path not in {s.path for s in scenarios})]
    by_id: dict[str, list[Scenario]] = {}
    for scenario in everyone:
        by_id.setdefault(scenario.id.casefold(), []).append(scenario)
    errors: list[ScenarioError] = []
    for scenario in scenarios:
        clash = [s for s in by_id[scenario.id.casefold()] if s is not scenario]
        if not clash or scenario.path is None:
            continue
        where = ", ".join(f"{s.path}:{_id_line(s)}" for s in clash)
        errors.append(
            ScenarioError(
                scenario.path,
                _id_line(scenario),
                "id",
                f'id repetido "{scenario.id}": también lo usa {where}',
            )
        )
    return errors


def _id_line(scenario: Scenario) -> int:
    return key_line(scenario.path, ("id",)) if scenario.path is not None else 1


def load_catalog(extra: Sequence[Path] = ()) -> Catalog:
    """The shipped scenarios plus those under the trainer's folders ``extra``."""
    scenarios, errors = load_all([shipped_dir(), *extra])
    return Catalog(scenarios, errors)
