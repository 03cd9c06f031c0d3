"""The desk's Diagnosticador intents (DIA010): the simulated plant of the call's account."""

from __future__ import annotations

from swat_tui.domain.desk.desk_part import DeskPart


class DiagnosticsIntents(DeskPart):
    """Reading the plant, restarting the modem, raising a point case or joining an aviso."""
