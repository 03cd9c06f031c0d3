"""Moved to ``swat_tui.domain.training.scenario_summary`` (TRN003 shows the same lines,
and the UI may not import the CLI); kept so that existing imports keep working."""

from swat_tui.domain.training.scenario_summary import intent_lines, summary

__all__ = ["intent_lines", "summary"]
