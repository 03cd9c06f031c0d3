"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0014_supervisor"
