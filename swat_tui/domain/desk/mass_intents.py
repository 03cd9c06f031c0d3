"""The desk's mass-failure intents (soporte, Gestión 2): the call and the node's aviso."""

from __future__ import annotations

from swat_tui.domain.desk.desk_part import DeskPart


class MassFailureIntents(DeskPart):
    """Associating the call with the node's open aviso, marking a repeat caller."""
