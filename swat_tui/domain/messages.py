"""The row-24 texts of the domain's rules, read from ``data/messages.toml`` by id.

One catalogue, so that an operator edits every refusal in one file and a
scorecard or the audit of refused intents quotes a rule by its id. An id is
the entry's dotted path in the file: ``account.not_found``; the procedure
engine's own rules sit at the top of the file with bare ids
(``step_pending``), as ``ProcedureDef.message`` and ``RuleViolation.rule``
name them. Placeholders are ``str.format`` fields filled by keyword.
``swat_tui.domain.errors.refusal`` turns an id into the ``DomainError``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir

__all__ = ["catalogue", "flatten", "read_catalogue", "text"]


def flatten(raw: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Every text of a parsed catalogue under its dotted id."""
    entries: dict[str, str] = {}
    for key, value in raw.items():
        rule = f"{prefix}{key}"
        if isinstance(value, Mapping):
            entries.update(flatten(value, f"{rule}."))
        elif isinstance(value, str):
            entries[rule] = value
        else:
            raise ValueError(f"messages: {rule} must be a text or a table")
    return entries


def read_catalogue(path: Path) -> dict[str, str]:
    """The catalogue in ``path`` as id -> text."""
    return flatten(tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def catalogue() -> Mapping[str, str]:
    """``data/messages.toml``, read once per process."""
    return read_catalogue(data_dir() / "messages.toml")


def text(rule: str, /, **values: object) -> str:
    """The catalogue's text for ``rule`` with its placeholders filled."""
    return catalogue()[rule].format(**values)
