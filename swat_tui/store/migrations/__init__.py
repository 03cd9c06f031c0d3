"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0002_call_timers"
