"""Trainer mode: scenario files, the simulated caller, the scored call.

A scenario (``scenario.Scenario``, read from TOML by ``scenario_file``) says
what account the call is about, who calls and what they say, and what a
correct handling is; the scenario's call rings through the desk's
``CallSource`` seam (``source``), a model answer plays through the desk
(``model_run``), and ``scorecard`` scores any call from its typed events and
refused-intent rows against the procedure and the scenario.
"""
