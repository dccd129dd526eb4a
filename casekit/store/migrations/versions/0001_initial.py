"""Initial schema: records, audit and the case projections.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Written out in full (not importing casekit.store.schema) so it keeps describing revision 0001 when the
live schema moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(length=64)
CODE = sa.String(length=32)
SHORT = sa.String(length=200)
STAMP = sa.DateTime(timezone=True)


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["case_id"], ["case_summary.case_id"], name=op.f(f"fk_{table}_case_id_case_summary"), ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("kind", CODE, nullable=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("created_by", SHORT, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.Column("updated_by", SHORT, nullable=False),
        sa.Column("deleted_at", STAMP, nullable=True),
        sa.Column("deleted_by", SHORT, nullable=True),
        sa.PrimaryKeyConstraint("kind", "id", name=op.f("pk_records")),
    )

    op.create_table(
        "audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("kind", CODE, nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("who", SHORT, nullable=False),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_kind_record_id_version"), "audit", ["kind", "record_id", "version"])
    op.create_index(op.f("ix_audit_at"), "audit", ["at"])

    op.create_table(
        "case_summary",
        sa.Column("case_id", ID, nullable=False),
        sa.Column("display_name", SHORT, nullable=False),
        sa.Column("municipality", SHORT, nullable=False),
        sa.Column("case_manager", SHORT, nullable=False),
        sa.Column("team_model", CODE, nullable=False),
        sa.Column("phase", CODE, nullable=False),
        sa.Column("target_group", SHORT, nullable=False),
        sa.Column("opened", sa.Date(), nullable=False),
        sa.Column("closed", sa.Date(), nullable=True),
        sa.Column("last_conference", sa.Date(), nullable=True),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_summary")),
    )
    for column in ("phase", "case_manager", "team_model", "next_review", "deleted"):
        op.create_index(op.f(f"ix_case_summary_{column}"), "case_summary", [column])

    op.create_table(
        "case_needs",
        sa.Column("case_id", ID, nullable=False),
        sa.Column("need_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("domain", CODE, nullable=False),
        sa.Column("priority", CODE, nullable=False),
        sa.Column("client_status", CODE, nullable=True),
        sa.Column("worker_status", CODE, nullable=True),
        sa.Column("actor_ratings", sa.Integer(), nullable=False),
        sa.Column("any_unmet", sa.Boolean(), nullable=False),
        sa.Column("max_severity", sa.Integer(), nullable=True),
        sa.Column("actor_count", sa.Integer(), nullable=False),
        _case_fk("case_needs"),
        sa.PrimaryKeyConstraint("case_id", "need_id", name=op.f("pk_case_needs")),
    )
    op.create_index(op.f("ix_case_needs_domain_any_unmet"), "case_needs", ["domain", "any_unmet"])
    op.create_index(op.f("ix_case_needs_priority"), "case_needs", ["priority"])

    op.create_table(
        "case_actors",
        sa.Column("case_id", ID, nullable=False),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", SHORT, nullable=False),
        sa.Column("kind", CODE, nullable=False),
        sa.Column("sector", CODE, nullable=False),
        sa.Column("formal", sa.Boolean(), nullable=False),
        sa.Column("area", SHORT, nullable=False),
        sa.Column("relationship", CODE, nullable=False),
        sa.Column("flow", CODE, nullable=False),
        sa.Column("catalogue_id", ID, nullable=True),
        _case_fk("case_actors"),
        sa.PrimaryKeyConstraint("case_id", "actor_id", name=op.f("pk_case_actors")),
    )
    op.create_index(op.f("ix_case_actors_sector"), "case_actors", ["sector"])
    op.create_index(op.f("ix_case_actors_catalogue_id"), "case_actors", ["catalogue_id"])

    op.create_table(
        "case_actions",
        sa.Column("case_id", ID, nullable=False),
        sa.Column("action_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("owner_id", ID, nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", CODE, nullable=False),
        sa.Column("need_id", ID, nullable=True),
        sa.Column("goal_id", ID, nullable=True),
        sa.Column("created", sa.Date(), nullable=True),
        _case_fk("case_actions"),
        sa.PrimaryKeyConstraint("case_id", "action_id", name=op.f("pk_case_actions")),
    )
    op.create_index(op.f("ix_case_actions_status_due"), "case_actions", ["status", "due"])
    op.create_index(op.f("ix_case_actions_due"), "case_actions", ["due"])
    op.create_index(op.f("ix_case_actions_owner_id"), "case_actions", ["owner_id"])


def downgrade() -> None:
    for table in ("case_actions", "case_actors", "case_needs", "case_summary", "audit", "records"):
        op.drop_table(table)
