"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0010_counters_unique"
