"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0007_support_visits"
