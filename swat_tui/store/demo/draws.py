"""The one random stream of a build and the small picks every part makes from it.

All parts of the generator share one ``Draws`` so the whole store comes from a
single ``random.Random(seed)``: the order of the draws *is* the data, which is
why parts take their helpers from here instead of owning a stream each. Parts
bind the helpers they use as attributes (``self._int = draws.between``): it
saves an attribute lookup on calls made millions of times per build.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from datetime import date, datetime
from itertools import accumulate
from typing import TypeAlias, TypeVar

from swat_tui.config import BOGOTA

T = TypeVar("T")

Weighted: TypeAlias = tuple[tuple[T, ...], list[int], int]
"""Items, running totals of their weights, and the total: what ``Draws.pick`` needs."""


def weighted(pairs: Sequence[tuple[T, int]]) -> Weighted[T]:
    """A table for ``Draws.pick`` from (item, weight) pairs."""
    items = tuple(item for item, _ in pairs)
    cumulative = list(accumulate(weight for _, weight in pairs))
    return items, cumulative, cumulative[-1]


class Draws:
    """Uniform, weighted and dated draws from one seeded stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        # A second stream for the details issue 9 added (where an invoice was sent,
        # what its extra charges were, when a payment was applied): drawing them
        # from ``rng`` would have changed every row generated after them.
        self.details = random.Random(f"details:{seed}")
        # A third for the simulated plant's conditions (issue 10), for the same reason.
        self.plant = random.Random(f"plant:{seed}")

    def pick(self, table: Weighted[T]) -> T:
        """An item of a ``weighted`` table, in proportion to its weight."""
        items, cumulative, total = table
        return items[bisect(cumulative, self.random() * total)]

    def between(self, low: int, high: int) -> int:
        """Uniform integer in [low, high]."""
        return low + int(self.random() * (high - low + 1))

    def choice(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def sample(self, items: Sequence[T], count: int) -> list[T]:
        """Up to ``count`` distinct items (all of them if there are fewer)."""
        return self.rng.sample(list(items), min(count, len(items)))

    def at(self, ordinal: int, minute: int | None = None) -> datetime:
        """An aware Bogotá datetime on day ``ordinal`` (random office minute if None)."""
        if minute is None:
            minute = self.between(7 * 60, 19 * 60)
        day = date.fromordinal(ordinal)
        return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=BOGOTA)


__all__ = ["Draws", "Weighted", "weighted"]
