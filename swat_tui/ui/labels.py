"""Texts several panels show the same way (RR's wording, kept in one place)."""

from __future__ import annotations

BLACKLIST_BANNER = "*** BLACKLIST ***  NO DAR INFO. VER F7  ***"
MASKED_HOLDER = "NO DAR INFO. VER F7"  # in place of the holder while the rule hides it
MASKED_AFTER_F7 = "NO DAR INFO. VALIDE IDENTIDAD"  # F7 read in the call, identity pending
BLACKLIST_READ = "BLACKLIST: notas F7 leídas. Valide la identidad antes de dar información."
SERVICE_NAMES = {"internet": "Internet", "tv": "Televisión", "voz": "Telefonía"}
