"""Calls: the softphone's actions and the procedure, written to the store as they happen.

- ``service.CallService``: every action, one transaction each (crash safety).
- ``change``: loading a call, changing it and writing row, state and events.
- ``fields``: the declared schema of the call's fields (who may write which);
  ``events``: the typed event kinds; ``replay``: the state rebuilt from the
  events alone; ``refusals``: refused intents on record, outside the call.
- ``caller_data``: step-1 caller fields; ``typify`` and ``typification_rules``:
  F22; ``swat_folder``: long notes; ``history``: call log; ``export``: CSV.
"""

from swat_tui.domain.call.caller_data import RELATIONS
from swat_tui.domain.call.records import TRANSFERRED
from swat_tui.domain.call.service import SURVEY_ANSWERS, CallService
from swat_tui.domain.call.typification_rules import NOTES_MAX, SWAT_FOLDER

__all__ = ["NOTES_MAX", "RELATIONS", "SURVEY_ANSWERS", "SWAT_FOLDER", "TRANSFERRED", "CallService"]
