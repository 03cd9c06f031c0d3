"""The resolving areas a DIME case goes to (``data/dime_areas.toml``): each one's
name, SLA in business days, the data it needs and the UCC code it suggests.
What the DIME panels say on row 24 is in the one message catalogue
(``data/messages.toml``, ids ``dime.*``).

The areas are the operator's, so they are data: a business analyst edits the
file, and a wrong entry is reported with its file, area and field, never
half-loaded.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.calendar_co import add_business_days
from swat_tui.domain.errors import DomainError, refusal
from swat_tui.paths import data_dir

TEXT_FIELDS = ("id", "name", "data_hint", "ucc_code")
NUMBER_FIELDS = ("sla_days", "data_min")
NAME_MAX = 40  # dime_case.area
HINT_MAX = 58  # DIM010's hint line
SLA_MAX = 60
DATA_MIN_MAX = 200


@dataclass(frozen=True)
class DimeArea:
    """One resolving area."""

    id: str
    option: str  # what the agent types on DIM010 (its place in the file)
    name: str  # shown, and stored in dime_case.area
    sla_days: int  # business days to answer
    data_hint: str  # what the area needs to work the case
    data_min: int  # fewest characters of those data
    ucc_code: str  # the typification a DIME to this area suggests

    def due_on(self, created: date) -> date:
        """The last day of the area's SLA for a case created on ``created``."""
        return add_business_days(created, self.sla_days)


@dataclass(frozen=True)
class DimeAreas:
    areas: tuple[DimeArea, ...]

    def by_id(self, area_id: str) -> DimeArea | None:
        return next((area for area in self.areas if area.id == area_id), None)

    def choice(self, typed: str) -> DimeArea | None:
        """The area the agent typed: its option number or its id (any case)."""
        text = typed.strip().lower()
        return next((a for a in self.areas if text in (a.option, a.id)), None)

    def by_name(self, name: str) -> DimeArea | None:
        """The area a stored case names (``dime_case.area`` holds the name)."""
        return next((a for a in self.areas if a.name.lower() == name.strip().lower()), None)

    @property
    def options(self) -> str:
        """ "1=Facturación, 2=Cartera, ...": what row 24 offers."""
        return ", ".join(f"{area.option}={area.name}" for area in self.areas)


def default_path() -> Path:
    return data_dir() / "dime_areas.toml"


def read_areas(path: Path) -> DimeAreas:
    """The whole file, or ``DomainError`` naming the file, area and field at fault."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise refusal("files.toml_invalid", name=path.name, error=error) from error
    return parse_areas(raw, path.name)


def parse_areas(raw: dict[str, Any], name: str = "dime_areas.toml") -> DimeAreas:
    entries = raw.get("area")
    if not isinstance(entries, list) or not entries:
        raise refusal("files.dime.no_areas", name=name)
    areas: list[DimeArea] = []
    for index, entry in enumerate(entries, start=1):
        areas.append(_area(name, index, entry, {a.id for a in areas}))
    return DimeAreas(tuple(areas))


def _area(name: str, index: int, entry: object, seen: set[str]) -> DimeArea:
    def fail(field: str, why: str) -> DomainError:
        return refusal("files.dime.area_field", name=name, index=index, field=field, why=why)

    if not isinstance(entry, dict):
        raise refusal("files.dime.area_table", name=name, index=index)
    unknown = sorted(set(entry) - {*TEXT_FIELDS, *NUMBER_FIELDS})
    if unknown:
        raise fail(unknown[0], "no es un campo de un área.")
    texts: dict[str, str] = {}
    for field in TEXT_FIELDS:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise fail(field, "falta o está vacío.")
        texts[field] = value.strip()
    numbers: dict[str, int] = {}
    for field in NUMBER_FIELDS:
        value = entry.get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(field, "debe ser un número entero.")
        numbers[field] = value
    area_id = texts["id"]
    if area_id != area_id.lower() or not area_id.replace("_", "").isalnum():
        raise fail("id", "solo minúsculas, dígitos y _.")
    if area_id in seen:
        raise fail("id", f"el área {area_id} está repetida.")
    if len(texts["name"]) > NAME_MAX:
        raise fail("name", f"admite hasta {NAME_MAX} caracteres.")
    if len(texts["data_hint"]) > HINT_MAX:
        raise fail("data_hint", f"admite hasta {HINT_MAX} caracteres.")
    if not 1 <= numbers["sla_days"] <= SLA_MAX:
        raise fail("sla_days", f"debe estar entre 1 y {SLA_MAX} días hábiles.")
    if not 1 <= numbers["data_min"] <= DATA_MIN_MAX:
        raise fail("data_min", f"debe estar entre 1 y {DATA_MIN_MAX} caracteres.")
    return DimeArea(
        id=area_id,
        option=str(index),
        name=texts["name"],
        sla_days=numbers["sla_days"],
        data_hint=texts["data_hint"],
        data_min=numbers["data_min"],
        ucc_code=texts["ucc_code"].upper(),
    )


@cache
def load_areas() -> DimeAreas:
    """The shipped areas, read once."""
    return read_areas(default_path())
