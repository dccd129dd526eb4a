"""PostgreSQL: compress stored documents with LZ4 instead of pglz (saves of large cases).

A case document of hundreds of KB is TOASTed on every save twice (``records.data`` and ``audit.after``); pglz
took about 6 ms per copy of a 550 KB document, LZ4 about 2 ms (``benchmarks/README.md``, the store). Only new
values are compressed with LZ4; existing ones stay readable as they are. Nothing changes on SQLite, or on a
PostgreSQL server built without LZ4 (or older than 14), where the migration does nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: (table, column) of the stored documents
DOCUMENTS = (("records", "data"), ("audit", "before"), ("audit", "after"))


def lz4_available(bind) -> bool:
    """True on a PostgreSQL server (14+) that can compress with LZ4."""
    if bind.dialect.name != "postgresql" or bind.dialect.server_version_info < (14,):
        return False
    methods = bind.execute(sa.text(
        "SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'"
    )).scalar()
    return bool(methods) and "lz4" in methods


def _set_compression(method: str) -> None:
    bind = op.get_bind()
    if not lz4_available(bind):
        return
    for table, column in DOCUMENTS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET COMPRESSION {method}')


def upgrade() -> None:
    _set_compression("lz4")


def downgrade() -> None:
    _set_compression("pglz")
