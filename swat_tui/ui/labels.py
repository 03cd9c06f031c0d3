"""Texts several panels show the same way (RR's wording, kept in one place)."""

from __future__ import annotations

from swat_tui.domain.account.views import Access

BLACKLIST_BANNER = "*** BLACKLIST ***  NO DAR INFO. VER F7  ***"
MASKED_HOLDER = "NO DAR INFO. VER F7"  # in place of the holder while the rule hides it
MASKED_AFTER_F7 = "NO DAR INFO. VALIDE IDENTIDAD"  # F7 read in the call, identity pending
BLACKLIST_READ = "BLACKLIST: notas F7 leídas. Valide la identidad antes de dar información."
# The BLACKLIST banner for each point of the rule (domain.account.disclosure): it says
# where the rule stands, never more nor less than the panel shows.
BLACKLIST_BANNERS = {
    Access.MASKED: BLACKLIST_BANNER,
    Access.IDENTITY_PENDING: BLACKLIST_READ,
    Access.VALIDATED: "BLACKLIST: notas F7 leídas e identidad validada en esta llamada.",
    Access.NOTES_READ: "BLACKLIST: F7 leídas fuera de llamada. Valide identidad antes de informar.",
}
SERVICE_NAMES = {"internet": "Internet", "tv": "Televisión", "voz": "Telefonía"}


def blacklist_banner(blacklist: bool, access: Access) -> str:
    """The banner of an account as the rule lets it be seen now ("" without BLACKLIST)."""
    return BLACKLIST_BANNERS.get(access, BLACKLIST_BANNER) if blacklist else ""


def masked_holder(access: Access) -> str:
    """What stands in for the holder's name while the rule hides it."""
    return MASKED_AFTER_F7 if access is Access.IDENTITY_PENDING else MASKED_HOLDER
