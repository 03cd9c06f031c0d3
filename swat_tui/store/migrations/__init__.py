"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0006_wfm_agenda"
