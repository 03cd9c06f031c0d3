"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0013_training"
