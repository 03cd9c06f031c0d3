"""The customer's neighbours: accounts of the same node within 3 blocks, with their modem.

If the neighbours' modems are offline too, the failure is the sector's, not
only this customer's (procedure step 4: "neighbours' signal").

Addresses follow the Colombian grid: ``CL 45A # 12-08`` is on Calle 45A, 8 m
from the corner of Carrera 12; ``CR 12 # 45A-08`` is on Carrera 12 near Calle
45A. Calles (CL, AC avenida calle, DG diagonal) run across carreras (CR, AK
avenida carrera, TV transversal), so every parsed address is a point
(calle, carrera) on the grid, whatever street it is written on. A letter
(45A, 45B, 45C) is a street between 45 and 46: 45.25, 45.5, 45.75.

"Within 3 blocks": both the calle and the carrera differ by at most 3 (a
square of 7 x 7 blocks around the customer's corner; the same building,
whose apartments share the street address, is at 0 blocks). The plate
number (the ``-08``) is ignored: blocks, not metres. An address that does not
parse (no grid form, or an AV, an avenida with no calle/carrera axis) is
nobody's neighbour. The node's accounts and addresses are read from the
covering ``ix_account_node_address`` index, at most ``NODE_LIMIT``, and the
modems of the ``NEIGHBOUR_LIMIT`` nearest from the node's CMTS registry
(``cm_registration``): both are ranges of an index on the node, a few pages
however scattered the node's accounts are in a large store (read by account,
each neighbour's modem was a page of its own: ~110 ms a key from disk for 60
of them, bench/support_keys.py). The nearest dozen or so, those on the
customer's own taps, tell whether the failure is only theirs. Parsed addresses are kept (an
address always parses the same), so reading the Diagnosticador again, or a
neighbour's, parses nothing twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session

from swat_tui.domain.support import plant
from swat_tui.store.queries import plant as plant_queries

BLOCKS = 3.0
NODE_LIMIT = 3000  # a node serves about 650 accounts (store/demo/places.py)
NEIGHBOUR_LIMIT = 16  # the nearest, read from the plant
PARSED_KEPT = 16_384  # addresses kept parsed: some 25 nodes' worth
CALLE_AXIS = frozenset({"CL", "AC", "DG"})
CARRERA_AXIS = frozenset({"CR", "AK", "TV"})
LETTERS = {"": 0.0, "A": 0.25, "B": 0.5, "C": 0.75}
_ADDRESS = re.compile(
    r"^\s*(?P<type>[A-Z]{2})\s+(?P<main>\d{1,3})\s*(?P<main_letter>[A-C]?)(?:\s+BIS)?"
    r"\s*(?:#|NO\.?)\s*(?P<cross>\d{1,3})\s*(?P<cross_letter>[A-C]?)(?:\s+BIS)?"
    r"\s*-\s*(?P<plate>\d{1,3})\b"
)


@dataclass(frozen=True, slots=True)
class GridPoint:
    """Where an address is on the grid: the calle and the carrera it is at."""

    street: str  # the street part as written: "CL 45A # 12-08"
    calle: float
    carrera: float


def parse_address(address: str) -> GridPoint | None:
    """The grid point of an address, or None when it does not follow the grid."""
    return _parsed(address)


@lru_cache(maxsize=PARSED_KEPT)
def _parsed(address: str) -> GridPoint | None:
    match = _ADDRESS.match(address.upper())
    if match is None:
        return None
    kind, main, main_letter, cross, cross_letter = match.groups()[:5]
    if kind in CALLE_AXIS:
        calle, carrera = int(main) + LETTERS[main_letter], int(cross) + LETTERS[cross_letter]
    elif kind in CARRERA_AXIS:
        calle, carrera = int(cross) + LETTERS[cross_letter], int(main) + LETTERS[main_letter]
    else:
        return None  # AV and unknown types: no calle/carrera axis
    return GridPoint(match.group(0).strip(), calle, carrera)


def blocks_apart(a: GridPoint, b: GridPoint) -> float:
    """How many blocks apart, the larger of the two axes (a square, not a circle)."""
    return max(abs(a.calle - b.calle), abs(a.carrera - b.carrera))


def within_blocks(a: GridPoint, b: GridPoint, blocks: float = BLOCKS) -> bool:
    return blocks_apart(a, b) <= blocks


@dataclass(frozen=True)
class Neighbour:
    """A neighbour as the agent sees it: the street (no name, no apartment) and its modem."""

    cuenta: int
    street: str
    blocks: float
    cm_state: str


@dataclass(frozen=True)
class Neighbours:
    """The neighbours with a modem within 3 blocks, the nearest first."""

    parsed: bool  # the customer's own address follows the grid
    near: tuple[Neighbour, ...]
    capped: bool  # more than NEIGHBOUR_LIMIT were near: the nearest are shown

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        """How many in each state family (online, offline, init, reject), online first."""
        found: dict[str, int] = {}
        for one in self.near:
            family = plant.state_family(one.cm_state)
            found[family] = found.get(family, 0) + 1
        order = {name: index for index, name in enumerate(plant.FAMILIES)}
        return tuple(sorted(found.items(), key=lambda item: order.get(item[0], 99)))

    @property
    def down(self) -> int:
        return sum(1 for one in self.near if not plant.is_online(one.cm_state))

    @property
    def summary(self) -> str:
        """E.g. "6 vecinos: 5 online, 1 offline", or with more near than were read
        "11 de los 16 más cercanos: 11 online"."""
        if not self.parsed:
            return "Dirección fuera de la malla vial: sin vecinos"
        if not self.near:
            return "Sin vecinos con módem a 3 cuadras"
        states = ", ".join(f"{count} {family}" for family, count in self.counts)
        if self.capped:  # those with a modem among the nearest read
            return f"{len(self.near)} de los {NEIGHBOUR_LIMIT} más cercanos: {states}"
        noun = "vecino" if len(self.near) == 1 else "vecinos"
        return f"{len(self.near)} {noun}: {states}"


def near_of(
    own: GridPoint, cuenta: int, rows: list[tuple[int, str]] | tuple[tuple[int, str], ...]
) -> list[tuple[int, GridPoint, float]]:
    """The other accounts of ``rows`` within 3 blocks of ``own``, the nearest first."""
    found = []
    for other, address in rows:
        if other == cuenta:
            continue
        point = parse_address(address)
        if point is not None and within_blocks(own, point):
            found.append((other, point, blocks_apart(own, point)))
    found.sort(key=lambda item: (item[2], item[0]))
    return found


def neighbours_of(
    session: Session, *, cuenta: int, address: str, node: str, mass: bool
) -> Neighbours:
    """The account's neighbours on its node with an installed modem and its state now."""
    own = parse_address(address)
    if own is None:
        return Neighbours(False, (), False)
    rows = tuple(plant_queries.node_addresses(session, node=node, limit=NODE_LIMIT))
    near = near_of(own, cuenta, rows)
    capped = len(near) > NEIGHBOUR_LIMIT
    near = near[:NEIGHBOUR_LIMIT]
    states = plant.modem_states(session, node=node, cuentas=[n for n, _, _ in near], mass=mass)
    shown = tuple(
        Neighbour(n, point.street, distance, states[n])
        for n, point, distance in near
        if n in states
    )
    return Neighbours(True, shown, capped)
