"""version columns

Optimistic concurrency for the records two agents may change at once: a work
order (booked, moved, cancelled from VIS010/VIS030, filed for CGO) and a DIME
case (its follow-up and status). Each gets ``version`` (SQLAlchemy's
``version_id_col``: every ORM update checks and bumps it), existing rows
version 1; and who last changed it (``updated_by``, and ``updated_at`` for the
work order; the DIME case had its ``updated_at``), so the second agent is told
who changed it and when. Batch operations: SQLite rebuilds the tables.

Revision ID: 0011_version_columns
Revises: 0010_counters_unique
Create Date: 2026-12-10 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011_version_columns"
down_revision: str | None = "0010_counters_unique"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _version() -> sa.Column[int]:
    return sa.Column("version", sa.Integer(), nullable=False, server_default="1")


def upgrade() -> None:
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(_version())
    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(_version())


def downgrade() -> None:
    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("updated_by")
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("updated_by")
        batch_op.drop_column("updated_at")
