"""The desk's inventory intents (soporte, Gestión 3): serials read against RR (F10)."""

from __future__ import annotations

from swat_tui.domain.desk.desk_part import DeskPart


class InventoryIntents(DeskPart):
    """Comparing the serials the customer reads, escalating a mismatch to DIME."""
