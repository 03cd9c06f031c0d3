"""waiting calls

The floor's queue of waiting calls (issue 19): with many agents on one store, a
ringing call is claimed by one agent with ``SELECT ... FOR UPDATE SKIP LOCKED``.

Revision ID: 0012_waiting_calls
Revises: 0011_version_columns
Create Date: 2026-12-06 22:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012_waiting_calls"
down_revision: str | None = "0011_version_columns"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "waiting_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ani", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("queue", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("expected_cuenta", sa.Integer(), nullable=True),
        sa.Column("says", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("arrived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["claimed_by"], ["agent.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("waiting_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_waiting_call_arrived_at"), ["arrived_at"])
        batch_op.create_index(batch_op.f("ix_waiting_call_claimed_by"), ["claimed_by"])


def downgrade() -> None:
    with op.batch_alter_table("waiting_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_waiting_call_claimed_by"))
        batch_op.drop_index(batch_op.f("ix_waiting_call_arrived_at"))
    op.drop_table("waiting_call")
