"""Where accounts are: city, network node, street address and estrato.

Nodes are named per city zone and sized so each serves about
``ACCOUNTS_PER_NODE`` accounts of the build; avisos (incidents) are raised on
these same nodes. Addresses follow the Colombian grid (``CL 45A # 12-08``)
with apartments, towers and casas.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from swat_tui.store.demo.draws import Draws, weighted
from swat_tui.store.demo.vocabulary import City, Vocabulary

ACCOUNTS_PER_NODE = 650
ESTRATOS = ((1, 12), (2, 33), (3, 32), (4, 13), (5, 6), (6, 4))


NODE_BLOCKS = 10  # a node serves a square of 10 x 10 blocks of the grid
CALLE_STREETS = frozenset({"CL", "AC", "DG"})  # numbered along the calles
CARRERA_STREETS = frozenset({"CR", "AK", "TV"})  # numbered along the carreras


def node_area(node: str) -> tuple[int, int]:
    """The first calle and carrera of a node's square (stable, from its name)."""
    spread = zlib.crc32(node.encode())
    return 1 + spread % 150, 1 + (spread // 150) % 100


@dataclass(frozen=True)
class Place:
    """A street address and what the network and tariffs know about it."""

    city: City
    node: str
    street: str
    estrato: int


class Places:
    """The build's network nodes, and random places and addresses on them."""

    def __init__(self, vocabulary: Vocabulary, draws: Draws, *, accounts: int) -> None:
        self._v = vocabulary
        self._r, self._int, self._choice, self._pick = (
            draws.random,
            draws.between,
            draws.choice,
            draws.pick,
        )
        self._cities = weighted([(c, c.weight) for c in vocabulary.cities])
        self._streets = weighted([((code, top), w) for code, w, top in vocabulary.street_types])
        self._estratos = weighted(ESTRATOS)
        total_weight = sum(c.weight for c in vocabulary.cities)
        self.nodes: dict[str, list[str]] = {}  # city name -> its nodes
        for city in vocabulary.cities:
            expected = accounts * city.weight / total_weight
            count = max(len(city.zones), round(expected / ACCOUNTS_PER_NODE))
            zones = len(city.zones)
            self.nodes[city.name] = [
                f"{city.node_prefix}-{city.zones[i % zones]}-"
                f"{100 * (i % zones + 1) + i // zones + 1:04d}"
                for i in range(count)
            ]

    def all_nodes(self) -> list[str]:
        """Every node, city by city in vocabulary order."""
        return [node for city in self._v.cities for node in self.nodes[city.name]]

    def _street(self, node: str) -> str:
        """A street address in ``node``'s neighbourhood (grid streets), so the customers
        of a node live a few blocks apart, as a node's coaxial plant serves them."""
        r = self._r
        code, top = self._pick(self._streets)
        first_number = self._int(1, top)
        first = f"{'ABC'[int(r() * 3)] if r() < 0.15 else ''}"
        second_number = self._int(1, 130)
        second = f"{'ABC'[int(r() * 3)] if r() < 0.1 else ''}"
        plate = self._int(2, 99)
        calle, carrera = node_area(node)
        if code in CALLE_STREETS:
            first_number, second_number = (
                calle + first_number % NODE_BLOCKS,
                carrera + second_number % NODE_BLOCKS,
            )
        elif code in CARRERA_STREETS:
            first_number, second_number = (
                carrera + first_number % NODE_BLOCKS,
                calle + second_number % NODE_BLOCKS,
            )
        return f"{code} {first_number}{first} # {second_number}{second}-{plate:02d}"

    def place(
        self, city: City | None = None, avoid: str | None = None, *, on: str | None = None
    ) -> Place:
        """A street on a node of ``city`` (weighted pick if None), not on node ``avoid``;
        ``on`` forces the node (a showcase account's), drawing as if it were picked."""
        city = city or self._pick(self._cities)
        nodes = self.nodes[city.name]
        node = self._choice(nodes)
        while node == avoid and len(nodes) > 1:
            node = self._choice(nodes)
        node = on or node
        return Place(city, node, self._street(node), self._pick(self._estratos))

    def _apartment(self, tower: int | None) -> str:
        floor = self._int(1, 22)
        unit = f"AP {floor}{self._int(1, 8):02d}"
        return f"TO {tower} {unit}" if tower else unit

    @staticmethod
    def unit(index: int, towers: int) -> str:
        """The ``index``-th apartment of a building, so no two units share an address."""
        if towers:
            index, tower = divmod(index, towers)
            return f"TO {tower + 1} AP {index // 4 + 1}{index % 4 + 1:02d}"
        return f"AP {index // 4 + 1}{index % 4 + 1:02d}"

    def address(self, street: str) -> str:
        """A house or apartment address at a standalone street address."""
        r = self._r()
        if r < 0.45:
            return street
        if r < 0.85:
            return f"{street} {self._apartment(None)}"
        if r < 0.95:
            return f"{street} {self._apartment(self._int(1, 6))}"
        return f"{street} CA {self._int(1, 60)}"


__all__ = ["Place", "Places"]
