"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0004_profile_audit"
