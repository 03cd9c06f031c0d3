"""Reading the RR display files in ``screens/`` (our take on 5250 DDS).

A display file is a picture of the whole 80x24 panel plus a few declarations;
the format is documented in ``screens/README.md``. Fields are marked in the
picture by brackets whose width is the field's width: ``{name...}`` for
output, ``[name...]`` for input. Everything else is literal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from swat_tui.paths import screens_dir

WIDTH = 80
HEIGHT = 24
SUFFIX = ".panel"
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\.*\}|\[([a-z_][a-z0-9_]*)\.*\]")
_COLOURS = {"green", "white", "red", "yellow", "turquoise", "pink", "blue"}
_FLAGS = {"reverse", "underline", "blink", "upper", "password", "right", "digits"}


class DisplayFileError(ValueError):
    """A display file that does not follow the format."""


@dataclass(frozen=True)
class FieldSpec:
    """A named field at a fixed place on the panel (0-based row and column)."""

    name: str
    row: int
    col: int
    width: int
    is_input: bool
    colour: str = "white"
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SubfileSpec:
    """A list area: the record template row repeats ``size`` times."""

    first_row: int
    size: int


@dataclass(frozen=True)
class DisplayFile:
    """One panel: id, the legend keys and its picture with the fields lifted out."""

    panel_id: str
    title: str
    keys: tuple[str, ...]
    lines: tuple[str, ...]  # 24 lines of 80 columns, fields blanked
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    subfile: SubfileSpec | None = None
    record_fields: tuple[str, ...] = ()
    screen: str | None = None  # "module:Class" under swat_tui.ui.screens that draws it

    def input_fields(self) -> list[FieldSpec]:
        """Input fields in tab order: top to bottom, left to right."""
        found = [spec for spec in self.fields.values() if spec.is_input]
        return sorted(found, key=lambda spec: (spec.row, spec.col))


def parse(text: str, source: str = "<panel>") -> DisplayFile:
    """Parse the text of a display file."""
    head, sep, picture = text.partition("\nlayout\n")
    if not sep:
        raise DisplayFileError(f"{source}: no 'layout' line")
    decl: dict[str, list[str]] = {}
    attrs: dict[str, list[str]] = {}
    for raw in head.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "field":
            name, *words = rest.split()
            attrs[name] = words
        else:
            decl[word] = rest.split()
    lines = picture.removesuffix("\n").split("\n")
    if len(lines) != HEIGHT:
        raise DisplayFileError(f"{source}: layout has {len(lines)} lines, expected {HEIGHT}")
    fields: dict[str, FieldSpec] = {}
    blanked: list[str] = []
    for row, line in enumerate(lines):
        if len(line) > WIDTH:
            raise DisplayFileError(f"{source}: line {row + 1} is wider than {WIDTH}")
        line = line.ljust(WIDTH)
        for match in _FIELD.finditer(line):
            name = match.group(1) or match.group(2)
            if name in fields:
                raise DisplayFileError(f"{source}: field {name!r} appears twice")
            fields[name] = _field_spec(name, row, match, attrs.get(name, []), source)
        blanked.append(_FIELD.sub(lambda m: " " * len(m.group(0)), line))
    unknown = set(attrs) - set(fields)
    if unknown:
        raise DisplayFileError(f"{source}: attributes for missing fields {sorted(unknown)}")
    subfile = None
    record_fields: tuple[str, ...] = ()
    if "subfile" in decl:
        first, size = (int(n) for n in decl["subfile"])
        subfile = SubfileSpec(first_row=first - 1, size=size)
        record_fields = tuple(n for n, s in fields.items() if s.row == first - 1)
    return DisplayFile(
        panel_id=_one(decl, "panel", source),
        title=" ".join(decl.get("title", [])),
        keys=tuple(decl.get("keys", [])),
        lines=tuple(blanked),
        fields=fields,
        subfile=subfile,
        record_fields=record_fields,
        screen=_one(decl, "screen", source) if "screen" in decl else None,
    )


def _field_spec(
    name: str, row: int, match: re.Match[str], words: list[str], source: str
) -> FieldSpec:
    colour = "white"
    flags = set()
    for word in words:
        if word in _COLOURS:
            colour = word
        elif word in _FLAGS:
            flags.add(word)
        else:
            raise DisplayFileError(f"{source}: unknown attribute {word!r} on {name}")
    return FieldSpec(
        name=name,
        row=row,
        col=match.start(),
        width=match.end() - match.start(),
        is_input=match.group(2) is not None,
        colour=colour,
        flags=frozenset(flags),
    )


def _one(decl: dict[str, list[str]], key: str, source: str) -> str:
    values = decl.get(key)
    if not values or len(values) != 1:
        raise DisplayFileError(f"{source}: '{key}' needs exactly one value")
    return values[0]


@cache
def load(panel_id: str, folder: Path | None = None) -> DisplayFile:
    """Load ``screens/<panel_id>.panel`` (cached: panels do not change at run time)."""
    path = (folder or screens_dir()) / f"{panel_id}{SUFFIX}"
    display = parse(path.read_text(encoding="utf-8"), source=path.name)
    if display.panel_id != panel_id:
        raise DisplayFileError(f"{path.name}: declares panel {display.panel_id}")
    return display


def all_panel_ids(folder: Path | None = None) -> list[str]:
    """Every panel id that has a display file."""
    return sorted(p.stem for p in (folder or screens_dir()).glob(f"*{SUFFIX}"))
