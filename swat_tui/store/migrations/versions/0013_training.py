"""training

Trainer mode (issue 20): the scenarios a trainer assigns to trainees and the
scored training calls. Used in the training store; empty in the real one.

Revision ID: 0013_training
Revises: 0012_waiting_calls
Create Date: 2026-12-07 01:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0013_training"
down_revision: str | None = "0012_waiting_calls"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_text = sqlmodel.sql.sqltypes.AutoString
_time = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "training_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", _text(length=40), nullable=False),
        sa.Column("series", _text(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", _text(length=10), nullable=False),
        sa.Column("assigned_at", _time(), nullable=False),
        sa.Column("status", _text(length=12), nullable=False),
        sa.Column("claimed_at", _time(), nullable=True),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.ForeignKeyConstraint(["trainee_id"], ["agent.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("training_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_assignment_assigned_at"), ["assigned_at"])
        batch_op.create_index(batch_op.f("ix_training_assignment_trainee_id"), ["trainee_id"])
    op.create_table(
        "training_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", _text(length=40), nullable=False),
        sa.Column("mode", _text(length=14), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("abandoned", sa.Boolean(), nullable=False),
        sa.Column("critical", sa.Integer(), nullable=False),
        sa.Column("handle_seconds", sa.Integer(), nullable=False),
        sa.Column("scorecard_json", _text(), nullable=False),
        sa.Column("scored_at", _time(), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["training_assignment.id"]),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.ForeignKeyConstraint(["trainee_id"], ["agent.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_id"),
    )
    with op.batch_alter_table("training_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_result_scored_at"), ["scored_at"])
        batch_op.create_index(batch_op.f("ix_training_result_trainee_id"), ["trainee_id"])


def downgrade() -> None:
    with op.batch_alter_table("training_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_result_trainee_id"))
        batch_op.drop_index(batch_op.f("ix_training_result_scored_at"))
    op.drop_table("training_result")
    with op.batch_alter_table("training_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_assignment_trainee_id"))
        batch_op.drop_index(batch_op.f("ix_training_assignment_assigned_at"))
    op.drop_table("training_assignment")
