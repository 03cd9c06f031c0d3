"""Texts several panels show the same way (RR's wording, kept in one place)."""

from __future__ import annotations

BLACKLIST_BANNER = "*** BLACKLIST ***  NO DAR INFO. VER F7  ***"
BLACKLIST_READ = "BLACKLIST: notas F7 leídas. Valide la identidad antes de dar información."
SERVICE_NAMES = {"internet": "Internet", "tv": "Televisión", "voz": "Telefonía"}
