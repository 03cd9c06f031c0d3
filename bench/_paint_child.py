"""Child process for the first-paint benchmark: run one app on the terminal it was given.

Usage: ``python _paint_child.py bare``, ``python _paint_child.py swat DB_URL``, or
``python _paint_child.py none`` (exit at once: the interpreter's own start-up).
The parent watches the terminal for the sign-on text and then ends this process.
It runs as a plain script (not ``-m``) so both apps start exactly the same way.
"""

from __future__ import annotations

import sys

MARKER = "CLARO COLOMBIA - SERVICIO AL CLIENTE HOGAR"


def run_bare() -> None:
    """A minimal Textual app: one Static holding the marker text."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(MARKER)

    BareApp().run()


def run_swat(db_url: str) -> None:
    """The real app, built exactly as ``swat`` builds it (``make_app`` + ``run``)."""
    from swat_tui.config import Settings
    from swat_tui.ui.app import make_app

    make_app(Settings(db_url=db_url)).run()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        run_bare()
    elif sys.argv[1] == "swat":
        run_swat(sys.argv[2])
