"""The ``swat`` command."""

import typer

app = typer.Typer(help="swat-tui: atención SWAT sobre RR.")


@app.callback(invoke_without_command=True)
def main(ctx: typer.Context) -> None:
    """Start the app when no subcommand is given."""


def run() -> None:
    """Console-script entry point."""
    app()
