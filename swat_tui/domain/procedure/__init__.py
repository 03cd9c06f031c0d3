"""The SWAT procedure engine: eight steps, their checks and rules, as data plus pure code.

- ``data/procedure.toml`` describes the steps, each step's checks (with the
  account flag or branch that makes them apply); the rules' row-24 texts are
  in the message catalogue ``data/messages.toml`` (``swat_tui.domain.messages``).
- ``actions`` reads ``data/actions.toml``: the checks each action records, the
  UCC codes it suggests, the escalation mark, the support route to the visit.
- ``definition`` reads it; ``state.CallState`` is one call's progress
  (JSON-serialisable, saved after every change); ``engine`` applies the rules;
  ``guide`` says what the procedure guide shows.

How a branch plugs in (SAC, soporte, visita, PQR): steps 3-6 each carry
``branch = "<id>"`` and apply only to requests of that branch (recorded in
step 2 with ``engine.start_request``). ``routes`` sends each request to a
panel by branch and sub-flow (``data/branch_routes.toml``); a branch adds its
checks to its step in ``data/procedure.toml`` with the panel and field that
record them (a panel's checks apply while the request is routed to it), and
its screens record them through the desk; ``engine.advance`` then refuses to
leave the step while any is pending. Nothing in the engine names a branch's
checks: see docs/adding-a-branch-panel.md.
"""

from swat_tui.domain.procedure.definition import ProcedureDef, load_procedure
from swat_tui.domain.procedure.engine import RuleViolation
from swat_tui.domain.procedure.state import CallState

__all__ = ["CallState", "ProcedureDef", "RuleViolation", "load_procedure"]
