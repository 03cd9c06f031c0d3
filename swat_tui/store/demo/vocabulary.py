"""The word lists and catalogues the demo generator draws from.

They live as plain CSV/TXT files under ``data/`` (``cities.csv``, ``plans.csv``
and ``demo/*``) so a trainer can change names, plans or prices without touching
code. Loading them is cheap and done once per build.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from swat_tui.paths import data_dir


@dataclass(frozen=True)
class City:
    """A city with Claro hogar coverage and how its network nodes are named."""

    name: str
    department: str
    dane_code: str
    node_prefix: str  # BOG, MED, ...
    area_code: str  # fixed-line indicative: 601 Bogotá, 604 Medellín, ...
    weight: int  # share of accounts
    zones: tuple[str, ...]  # two-letter zone codes used in node names


@dataclass(frozen=True)
class Plan:
    """A sellable plan of one 3Play service."""

    code: str
    kind: str  # enums.ServiceKind
    name: str
    price: int  # pesos per month
    weight: int


@dataclass(frozen=True)
class EquipmentModel:
    """A device model and how its serial numbers look."""

    kind: str  # enums.EquipmentKind
    technology: str  # HFC/FIBRA for modems, enums.TvTechnology for decoders and cards
    model: str
    serial_prefix: str
    serial_style: str  # hex: prefix + 8 hex digits; digits: prefix + 10 digits
    weight: int


@dataclass(frozen=True)
class Campaign:
    """A discount campaign; its dates are relative to the build's ``today``."""

    code: str
    name: str
    description: str
    percent: int
    starts_days_ago: int
    duration_days: int


@dataclass(frozen=True)
class Vocabulary:
    """Everything the generator needs from ``data/``."""

    cities: tuple[City, ...]
    plans: tuple[Plan, ...]
    female_names: tuple[str, ...]
    male_names: tuple[str, ...]
    surnames: tuple[str, ...]
    street_types: tuple[tuple[str, int, int], ...]  # code, weight, highest number
    equipment_models: tuple[EquipmentModel, ...]
    email_domains: tuple[tuple[str, int], ...]
    payment_channels: tuple[tuple[str, int], ...]
    extra_charges: tuple[tuple[tuple[str, str], int], ...]  # (kind, description), weight
    # equipment kind -> (units the plans include, monthly rent of each further unit)
    equipment_rent: dict[str, tuple[int, int]]
    campaigns: tuple[Campaign, ...]
    agents: tuple[str, ...]
    building_names: tuple[str, ...]
    company_names: tuple[str, ...]  # str.format patterns with {s1} and {s2} (surnames)
    pqr_subjects: tuple[tuple[str, str], ...]  # kind, subject
    work_order_reasons: tuple[tuple[str, str], ...]  # LLS|OT, reason
    incident_descriptions: tuple[tuple[str, str], ...]  # masiva|puntual, description
    special_notes: tuple[str, ...]
    blacklist_notes: tuple[str, ...]
    swat_notes: tuple[str, ...]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lines(path: Path) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def load_vocabulary(root: Path | None = None) -> Vocabulary:
    """Read the data files under ``root`` (default: the app's data folder)."""
    base = root or data_dir()
    demo = base / "demo"
    return Vocabulary(
        cities=tuple(
            City(
                r["city"],
                r["department"],
                r["dane_code"],
                r["node_prefix"],
                r["area_code"],
                int(r["weight"]),
                tuple(r["zones"].split("|")),
            )
            for r in _rows(base / "cities.csv")
        ),
        plans=tuple(
            Plan(
                r["plan_code"], r["kind"], r["plan_name"], int(r["monthly_price"]), int(r["weight"])
            )
            for r in _rows(base / "plans.csv")
        ),
        female_names=_lines(demo / "first_names_female.txt"),
        male_names=_lines(demo / "first_names_male.txt"),
        surnames=_lines(demo / "surnames.txt"),
        street_types=tuple(
            (r["code"], int(r["weight"]), int(r["max_number"]))
            for r in _rows(demo / "street_types.csv")
        ),
        equipment_models=tuple(
            EquipmentModel(
                r["kind"],
                r["technology"],
                r["model"],
                r["serial_prefix"],
                r["serial_style"],
                int(r["weight"]),
            )
            for r in _rows(demo / "equipment_models.csv")
        ),
        email_domains=tuple(
            (r["domain"], int(r["weight"])) for r in _rows(demo / "email_domains.csv")
        ),
        payment_channels=tuple(
            (r["channel"], int(r["weight"])) for r in _rows(demo / "payment_channels.csv")
        ),
        equipment_rent={
            r["kind"]: (int(r["included"]), int(r["monthly_rent"]))
            for r in _rows(base / "equipment_rent.csv")
        },
        extra_charges=tuple(
            ((r["kind"], r["description"]), int(r["weight"]))
            for r in _rows(demo / "extra_charges.csv")
        ),
        campaigns=tuple(
            Campaign(
                r["code"],
                r["name"],
                r["description"],
                int(r["percent"]),
                int(r["starts_days_ago"]),
                int(r["duration_days"]),
            )
            for r in _rows(demo / "campaigns.csv")
        ),
        agents=_lines(demo / "agents.txt"),
        building_names=_lines(demo / "building_names.txt"),
        company_names=_lines(demo / "company_names.txt"),
        pqr_subjects=tuple((r["kind"], r["subject"]) for r in _rows(demo / "pqr_subjects.csv")),
        work_order_reasons=tuple(
            (r["kind"], r["reason"]) for r in _rows(demo / "work_order_reasons.csv")
        ),
        incident_descriptions=tuple(
            (r["kind"], r["description"]) for r in _rows(demo / "incident_descriptions.csv")
        ),
        special_notes=_lines(demo / "special_notes.txt"),
        blacklist_notes=_lines(demo / "blacklist_notes.txt"),
        swat_notes=_lines(demo / "swat_notes.txt"),
    )
