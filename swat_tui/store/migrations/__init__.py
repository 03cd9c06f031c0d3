"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0003_call_ended_by"
