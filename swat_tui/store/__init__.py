"""Persistence: SQLModel tables, engine and sessions, migrations, queries.

Never imports textual nor the domain layer.
"""
