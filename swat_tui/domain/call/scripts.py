"""The call scripts (guiones) of ``data/scripts.toml``, with their placeholders filled in.

``script("welcome", agent="Laura")`` gives the text to read. Values are
inserted literally: a value holding ``{x}`` or markup stays as it is (a screen
showing it with Rich markup must still escape it). A placeholder with no value
is an error naming it; values a script does not use are ignored, so a screen
may pass the same ``agent=...`` to every script.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir

_FORMATTER = Formatter()
# The ``note`` event a script read to the customer writes (``CallIntents.read_script``).
READ_EVENT = "guion:{name}"


@dataclass(frozen=True)
class Script:
    """One script: the title the screen shows, its text and the placeholders it needs."""

    name: str
    title: str
    text: str
    placeholders: frozenset[str]

    def fill(self, **values: str) -> str:
        """The text with every placeholder replaced by its value, literally."""
        missing = sorted(self.placeholders - values.keys())
        if missing:
            raise refusal(
                "files.scripts.value_missing",
                name=self.name,
                missing=", ".join("{" + m + "}" for m in missing),
            )
        parts: list[str] = []
        for literal, field, _spec, _conversion in _FORMATTER.parse(self.text):
            parts.append(literal)
            if field is not None:
                parts.append(str(values[field]))
        return "".join(parts)


@dataclass(frozen=True)
class ScriptBook:
    """Every script of the file, by name."""

    scripts: dict[str, Script]


def _placeholders(name: str, text: str) -> frozenset[str]:
    """The ``{name}`` fields of ``text``; formats, conversions and attributes are refused."""
    fields: set[str] = set()
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as error:
        raise ValueError(f"script {name}: {error}") from error
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise ValueError(f"script {name}: placeholder {{{field}}} must be a plain name")
        fields.add(field)
    return frozenset(fields)


def parse_scripts(raw: dict[str, Any]) -> ScriptBook:
    """Build the book from the TOML document; a malformed script raises ``ValueError``."""
    scripts: dict[str, Script] = {}
    for name, table in raw.items():
        if not isinstance(table, dict) or not isinstance(table.get("text"), str):
            raise ValueError(f"script {name}: needs a text")
        title = str(table.get("title", name))
        scripts[name] = Script(name, title, table["text"], _placeholders(name, table["text"]))
    return ScriptBook(scripts)


def load_scripts(path: Path) -> ScriptBook:
    """Read and check a scripts file."""
    with path.open("rb") as handle:
        return parse_scripts(tomllib.load(handle))


@cache
def script_book() -> ScriptBook:
    """The shipped ``data/scripts.toml``, read once per process."""
    return load_scripts(data_dir() / "scripts.toml")


def get_script(name: str) -> Script:
    """The script with this name, or an error naming it."""
    found = script_book().scripts.get(name)
    if found is None:
        raise refusal("files.scripts.unknown", name=name)
    return found


def script(name: str, **values: str) -> str:
    """The text of script ``name`` with its placeholders (e.g. ``agent``) filled in."""
    return get_script(name).fill(**values)
