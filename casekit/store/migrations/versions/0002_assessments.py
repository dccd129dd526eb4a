"""Assessments (instrument answers) get an index table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
CODE = sa.String(length=32)
SHORT = sa.String(length=200)


def upgrade() -> None:
    op.create_table(
        "assessment_index",
        sa.Column("assessment_id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("instrument_id", ID, nullable=False),
        sa.Column("instrument_version", CODE, nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("rater", SHORT, nullable=False),
        sa.Column("perspective", CODE, nullable=False),
        sa.Column("actor_id", ID, nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", name=op.f("pk_assessment_index")),
    )
    op.create_index(op.f("ix_assessment_index_case_id"), "assessment_index", ["case_id"])
    op.create_index(op.f("ix_assessment_index_instrument_id_instrument_version"), "assessment_index",
                    ["instrument_id", "instrument_version"])


def downgrade() -> None:
    op.drop_table("assessment_index")
