"""support plant and visits

Steps 4 and 5 (issue 10): calls tied to an aviso (repeat callers), "reiniciar
CM" sent from the Diagnosticador, the simulated plant's conditions of demo and
training devices, serials read against RR's inventory, the CGO follow-up form
for a visit with no window, the visit order's fields, the aviso's zone and
estimated restoration, and whether a service is provisioned.

Rows written before this revision: every service counts as provisioned; work
orders and avisos keep None in the new columns.

Revision ID: 0007_support_visits
Revises: 0006_wfm_agenda
Create Date: 2026-12-01 16:57:22.409691
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007_support_visits"
down_revision: str | None = "0006_wfm_agenda"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incident_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("repeat_call", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("incident_id", "call_id", name="uq_incident_link_call"),
    )
    with op.batch_alter_table("incident_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_link_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incident_link_incident_id"), ["incident_id"], unique=False
        )

    op.create_table(
        "modem_restart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("serial", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("modem_restart", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_modem_restart_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "cgo_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("work_order_id", sa.Integer(), nullable=True),
        sa.Column("zone", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("contact_phone", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("preferred_windows", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("preferred_days", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("due_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("cgo_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cgo_form_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(batch_op.f("ix_cgo_form_status"), ["status"], unique=False)

    op.create_table(
        "serial_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("equipment_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("registered", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("read", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("matches", sa.Boolean(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("dime_case_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["dime_case_id"],
            ["dime_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["equipment_id"],
            ["equipment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("serial_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_serial_check_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "plant_condition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("equipment_id", sa.Integer(), nullable=False),
        sa.Column("cm_state", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("levels", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("alarm", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("after_restart", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("seen_serial", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["equipment_id"],
            ["equipment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("equipment_id"),
    )

    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("zone", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True)
        )
        batch_op.add_column(
            sa.Column("restore_by", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )

    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("provisioned", sa.Boolean(), nullable=False, server_default=sa.true())
        )

    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("symptom", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_phone", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(
            sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        )
        batch_op.add_column(
            sa.Column("access_notes", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(sa.Column("call_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.create_foreign_key("fk_work_order_call_id_call", "call", ["call_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_constraint("fk_work_order_call_id_call", type_="foreignkey")
        batch_op.drop_column("created_by")
        batch_op.drop_column("call_id")
        batch_op.drop_column("access_notes")
        batch_op.drop_column("address")
        batch_op.drop_column("contact_phone")
        batch_op.drop_column("contact_name")
        batch_op.drop_column("symptom")

    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("provisioned")

    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("restore_by")
        batch_op.drop_column("zone")

    with op.batch_alter_table("serial_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_serial_check_cuenta"))

    op.drop_table("serial_check")
    with op.batch_alter_table("cgo_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cgo_form_status"))
        batch_op.drop_index(batch_op.f("ix_cgo_form_cuenta"))

    op.drop_table("cgo_form")
    with op.batch_alter_table("modem_restart", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_modem_restart_cuenta"))

    op.drop_table("modem_restart")
    with op.batch_alter_table("incident_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_link_incident_id"))
        batch_op.drop_index(batch_op.f("ix_incident_link_cuenta"))

    op.drop_table("incident_link")
    op.drop_table("plant_condition")
