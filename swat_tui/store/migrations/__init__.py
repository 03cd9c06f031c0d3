"""Alembic migrations of the store; ``HEAD`` is the newest revision id."""

HEAD = "0008_node_reads"
