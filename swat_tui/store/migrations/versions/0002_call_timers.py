"""call timers, transfer target and survey score

Hold and ACW start times live on the call so a killed process resumes the
timers; ``transferred_to`` keeps the target queue of a transfer; the CUN index
lets the call service find the last CUN sequence of a year without a scan.

Revision ID: 0002_call_timers
Revises: 0001_initial
Create Date: 2026-11-28 04:18:22.686857
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_call_timers"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.add_column(sa.Column("survey_score", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("hold_started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("acw_started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("transferred_to", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )

    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_typification_cun"), ["cun"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typification_cun"))

    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_column("transferred_to")
        batch_op.drop_column("acw_started_at")
        batch_op.drop_column("hold_started_at")
        batch_op.drop_column("survey_score")
