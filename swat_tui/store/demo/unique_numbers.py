"""Numbers that must never repeat (documents, phones, serials) without a set of used ones.

A counter goes through a keyed permutation (``Scrambled``), so consecutive
accounts get numbers that look random yet are unique by construction; a
million-account build keeps no memory of the values it has handed out.
"""

from __future__ import annotations

import random


def _is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin, exact below 2.1e12 (our ranges are far smaller)."""
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13):
        if n % small == 0:
            return n == small
    d, shifts = n - 1, 0
    while d % 2 == 0:
        d, shifts = d // 2, shifts + 1
    for base in (2, 3, 5, 7, 11):
        x = pow(base, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(shifts - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


class Scrambled:
    """Unique pseudo-random integers in ``[low, low + span)`` drawn from a counter.

    The counter goes through affine -> cube -> affine modulo a prime p >= span
    with p % 3 == 2 (so cubing is a bijection), walking the cycle until the
    value falls inside the span: a permutation that shows no arithmetic
    pattern between consecutive accounts, with no set of used values to keep.
    """

    def __init__(self, low: int, span: int, rng: random.Random) -> None:
        prime = span | 1
        while prime % 3 != 2 or not _is_prime(prime):
            prime += 2
        self.low, self.span, self.prime = low, span, prime
        self.a1, self.b1 = rng.randrange(1, prime), rng.randrange(prime)
        self.a2, self.b2 = rng.randrange(1, prime), rng.randrange(prime)
        self.count = 0

    def next(self) -> int:
        self.count += 1
        p = self.prime
        value = self.count
        while True:
            value = (self.a2 * pow((self.a1 * value + self.b1) % p, 3, p) + self.b2) % p
            if value < self.span:
                return self.low + value


__all__ = ["Scrambled"]
