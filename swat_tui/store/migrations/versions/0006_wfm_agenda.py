"""wfm agenda

Step 5 offers and books technical visits (issue 10): the WFM agenda keeps,
per zone (the node's zone prefix) and day, the arrival windows and how many
technicians each has; a visit booking ties a work order to its window. The
check constraint is the store's last word against an oversold window; the
booking code never relies on it (one conditional UPDATE takes the place).

Rows written before this revision: no agenda, no bookings; visits already
AGENDADA keep the times on the work order.

Revision ID: 0006_wfm_agenda
Revises: 0005_sac_pqr
Create Date: 2026-12-01 16:04:39.481972
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006_wfm_agenda"
down_revision: str | None = "0005_sac_pqr"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wfm_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zone", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("arrival_window", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("starts_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("ends_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.CheckConstraint("booked >= 0 AND booked <= capacity", name="ck_wfm_slot_booked"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("zone", "day", "arrival_window", name="uq_wfm_slot_zone_day_window"),
    )
    with op.batch_alter_table("wfm_slot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wfm_slot_zone"), ["zone"], unique=False)

    op.create_table(
        "visit_booking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_order_id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("booked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["wfm_slot.id"],
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("work_order_id", name="uq_visit_booking_work_order"),
    )
    with op.batch_alter_table("visit_booking", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_booking_slot_id"), ["slot_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_booking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_booking_slot_id"))

    op.drop_table("visit_booking")
    with op.batch_alter_table("wfm_slot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wfm_slot_zone"))

    op.drop_table("wfm_slot")
