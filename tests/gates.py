"""Disclosure gates for tests that read accounts straight from the service.

``SEE_ALL`` stands for "the rule already allows it" (a test that needs the
holder's document to search by it); ``nothing_read()`` is an agent who read
no F7 notes outside any call.
"""

from __future__ import annotations

from swat_tui.domain.account.disclosure import Access, DisclosureGate


class _SeeAll:
    def access(self, cuenta: int, *, blacklist: bool) -> Access:
        return Access.FULL

    def require(self, cuenta: int, *, blacklist: bool) -> Access:
        return Access.FULL


SEE_ALL = _SeeAll()


def nothing_read() -> DisclosureGate:
    return DisclosureGate(lambda: None)
