"""The desk's technical-visit intents (step 5): LLS/OT, the WFM agenda, the CGO form."""

from __future__ import annotations

from swat_tui.domain.desk.desk_part import DeskPart


class VisitIntents(DeskPart):
    """Creating a visit order, booking, moving or cancelling it, or filing it for CGO."""
