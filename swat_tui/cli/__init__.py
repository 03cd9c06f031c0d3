"""Typer command line: ``swat`` and its subcommands."""
