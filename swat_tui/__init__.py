"""swat-tui: the SWAT call procedure on an RR (AS400 5250) style terminal.

Layers, outermost first: ``cli`` (Typer) -> ``ui`` (Textual) -> ``domain`` (the
procedure, pure Python) -> ``store`` (SQLModel tables and queries). Imports only
ever point down that list.
"""

__version__ = "0.1.0"
