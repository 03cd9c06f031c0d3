"""swat-tui: the SWAT call procedure on an RR (AS400 5250) style terminal.

Layers, outermost first; imports only ever point down this list
(``tests/test_layering.py`` and ``tests/test_import_graph.py`` prove it):

- ``cli``: Typer commands.
- ``ui``: Textual. The app, navigation by panel id, the key registry and
  keymap, and ``screens/`` by area (session, account, call, branch). Screens
  work only through the agent's desk and never import one another.
- ``domain``: the procedure and RR's rules, no textual import. ``desk`` (the
  agent's softphone, call and call sources: every agent action is one intent
  and one transaction), ``account`` (views, notes, and ``disclosure``: the
  BLACKLIST rule, decided only here), ``call`` (the call service, F22, UCC),
  ``procedure`` (the engine over ``data/procedure.toml``, step views, routes of
  steps 3-6 over ``data/branch_routes.toml``), ``menu`` (the main menu by role).
- ``store``: SQLModel tables, sessions, queries, migrations, demo data.
"""

__version__ = "0.1.0"
