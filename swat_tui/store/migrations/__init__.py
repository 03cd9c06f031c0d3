"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0009_call_record_presence"
