"""initial schema

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-28 03:27:01.049055
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_username"), ["username"], unique=False)

    op.create_table(
        "account",
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("cuenta_matriz", sa.Integer(), nullable=True),
        sa.Column("holder_name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("document_type", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("document_number", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("phone_mobile", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("phone_fixed", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("department", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("estrato", sa.Integer(), nullable=False),
        sa.Column("node", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("blacklist", sa.Boolean(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("monthly_rent", sa.Integer(), nullable=False),
        sa.Column("billing_cutoff_day", sa.Integer(), nullable=False),
        sa.Column("activated_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("cuenta"),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_cuenta_matriz"), ["cuenta_matriz"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_account_document_number"), ["document_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_account_node"), ["node"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_phone_fixed"), ["phone_fixed"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_phone_mobile"), ["phone_mobile"], unique=False)

    op.create_table(
        "agent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("failed_signons", sa.Integer(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_signon_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agent_username"), ["username"], unique=True)

    op.create_table(
        "discount_campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("node", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_node"), ["node"], unique=False)

    op.create_table(
        "ucc_code",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("branch", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("requires_cun", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "account_discount",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("applied_from", sa.Date(), nullable=False),
        sa.Column("applied_to", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["discount_campaign.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("account_discount", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_discount_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=True),
        sa.Column("ani", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("queue", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("caller_name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
        sa.Column("caller_document", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=True),
        sa.Column("caller_relation", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("callback_number", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("ended_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("hold_seconds", sa.Integer(), nullable=False),
        sa.Column("acw_seconds", sa.Integer(), nullable=False),
        sa.Column("current_step", sa.Integer(), nullable=False),
        sa.Column("survey_answer", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("state_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_call_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(batch_op.f("ix_call_started_at"), ["started_at"], unique=False)

    op.create_table(
        "equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("serial", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("installed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_equipment_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(batch_op.f("ix_equipment_serial"), ["serial"], unique=False)

    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("extra_charges", sa.Integer(), nullable=False),
        sa.Column("delivery", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "note_folder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note_folder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_folder_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "pqr",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("radicado", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("cun", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("filed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("response_channel", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("filed_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("radicado"),
    )
    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pqr_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("plan_code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("plan_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("tv_technology", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("activated_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "work_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=14), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("slot_start", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("slot_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_order_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "call_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("check", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_event_call_id"), ["call_id"], unique=False)

    op.create_table(
        "call_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("branch", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("call_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_request_call_id"), ["call_id"], unique=False)

    op.create_table(
        "dime_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dime_case_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("folder_id", sa.Integer(), nullable=True),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["folder_id"],
            ["note_folder.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_folder_id"), ["folder_id"], unique=False)

    op.create_table(
        "typification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("first_contact", sa.Boolean(), nullable=False),
        sa.Column("cun", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("incident_number", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["call_request.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_typification_call_id"), ["call_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_typification_cuenta"), ["cuenta"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typification_cuenta"))
        batch_op.drop_index(batch_op.f("ix_typification_call_id"))

    op.drop_table("typification")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_folder_id"))
        batch_op.drop_index(batch_op.f("ix_note_cuenta"))

    op.drop_table("note")
    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dime_case_cuenta"))

    op.drop_table("dime_case")
    with op.batch_alter_table("call_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_request_call_id"))

    op.drop_table("call_request")
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_event_call_id"))

    op.drop_table("call_event")
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_cuenta"))

    op.drop_table("work_order")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_cuenta"))

    op.drop_table("service")
    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pqr_cuenta"))

    op.drop_table("pqr")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_cuenta"))

    op.drop_table("payment")
    with op.batch_alter_table("note_folder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_folder_cuenta"))

    op.drop_table("note_folder")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_cuenta"))

    op.drop_table("invoice")
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipment_serial"))
        batch_op.drop_index(batch_op.f("ix_equipment_cuenta"))

    op.drop_table("equipment")
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_started_at"))
        batch_op.drop_index(batch_op.f("ix_call_cuenta"))
        batch_op.drop_index(batch_op.f("ix_call_agent_id"))

    op.drop_table("call")
    with op.batch_alter_table("account_discount", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_discount_cuenta"))

    op.drop_table("account_discount")
    op.drop_table("ucc_code")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_node"))

    op.drop_table("incident")
    op.drop_table("discount_campaign")
    with op.batch_alter_table("agent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_username"))

    op.drop_table("agent")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_phone_mobile"))
        batch_op.drop_index(batch_op.f("ix_account_phone_fixed"))
        batch_op.drop_index(batch_op.f("ix_account_node"))
        batch_op.drop_index(batch_op.f("ix_account_document_number"))
        batch_op.drop_index(batch_op.f("ix_account_cuenta_matriz"))

    op.drop_table("account")
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_log_username"))
        batch_op.drop_index(batch_op.f("ix_access_log_cuenta"))
        batch_op.drop_index(batch_op.f("ix_access_log_at"))

    op.drop_table("access_log")
