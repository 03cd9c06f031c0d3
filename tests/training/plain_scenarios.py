"""The shipped scenario files read plainly with tomllib, for the tests that play them.

No validation beyond what building the contract's dataclasses needs: the real
reader (``domain/training/scenario_file.py``) checks every field; this one only
turns a file into a ``Scenario`` so its model answer can be played.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from swat_tui.domain.training.scenario import (
    AccountSituation,
    Caller,
    CallerLines,
    Contact,
    ExpectedHandling,
    Mode,
    ModelStep,
    Scenario,
)
from swat_tui.paths import data_dir

_META = {"do", "save", "seconds"}


def shipped_files() -> list[Path]:
    """Every scenario file shipped in ``data/scenarios``, by name."""
    return sorted((data_dir() / "scenarios").glob("*.toml"))


def read_scenario(path: Path) -> Scenario:
    """``path`` as a ``Scenario`` (a KeyError or ValueError for a file that lacks a field)."""
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    caller = raw["caller"]
    account = raw.get("account")
    return Scenario(
        id=raw["id"],
        title=raw["title"],
        level=raw["level"],
        objectives=tuple(raw["objectives"]),
        mode=Mode(raw["mode"]),
        account=AccountSituation(showcase=account["showcase"] if account else None),
        caller=Caller(
            name=caller["name"],
            document=caller["document"],
            relation=caller["relation"],
            phone=caller["phone"],
            mood=caller["mood"],
            queue=caller.get("queue", "HOGAR_SAC"),
            lines=CallerLines(**caller.get("lines", {})),
            answers=dict(caller.get("answers", {})),
        ),
        expected=tuple(
            ExpectedHandling(
                says=handling["says"],
                branch=handling["branch"],
                subflow=handling.get("subflow", ""),
                codes=tuple(handling.get("codes", ())),
                contact=Contact(handling.get("contact", Contact.FIRST_CONTACT.value)),
                escalation=handling.get("escalation", ""),
                visit=handling.get("visit", ""),
                pqr=handling.get("pqr", ""),
            )
            for handling in raw["expected"]
        ),
        target_seconds=raw["target_seconds"],
        model=tuple(
            ModelStep(
                do=step["do"],
                args={k: v for k, v in step.items() if k not in _META},
                save=step.get("save", ""),
                seconds=step.get("seconds", 5),
            )
            for step in raw.get("model", ())
        ),
        series=raw.get("series", ""),
        path=path,
    )
