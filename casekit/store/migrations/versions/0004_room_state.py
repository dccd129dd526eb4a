"""The room view's state per conference (``room_state``), and PostgreSQL notifications of every save.

``room_state``: the step the console shows, the agenda timer and what is revealed, one row per conference, so
that the room view (another kernel, another machine) follows the console.

PostgreSQL only: a trigger sends ``NOTIFY casekit, '<kind>:<id>:<version>'`` for every inserted or updated row of
``records`` (cases, supervision sessions, assessments: saves, deletes, restores) and
``'room:<conference_id>:<revision>'`` for ``room_state``, in the transaction of the save (delivered when it
commits; nothing when it rolls back). A follower ``LISTEN``s (``casekit.conference.follow``). SQLite has no
notifications: followers there poll ``PRAGMA data_version``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
CODE = sa.String(length=32)
SHORT = sa.String(length=200)

#: the channel every notification goes to
CHANNEL = "casekit"

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION casekit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'room_state' THEN
        PERFORM pg_notify('{CHANNEL}', 'room:' || NEW.conference_id || ':' || NEW.revision);
    ELSE
        PERFORM pg_notify('{CHANNEL}', NEW.kind || ':' || NEW.id || ':' || NEW.version);
    END IF;
    RETURN NULL;
END
$$
"""
_TRIGGERS = (("casekit_records_notify", "records"), ("casekit_room_state_notify", "room_state"))


def upgrade() -> None:
    op.create_table(
        "room_state",
        sa.Column("conference_id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("step", CODE, nullable=False),
        sa.Column("timer", sa.Text(), nullable=False),
        sa.Column("revealed", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", SHORT, nullable=False),
        sa.PrimaryKeyConstraint("conference_id", name=op.f("pk_room_state")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_FUNCTION)
        for trigger, table in _TRIGGERS:
            op.execute(f"CREATE TRIGGER {trigger} AFTER INSERT OR UPDATE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION casekit_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger, table in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS casekit_notify()")
    op.drop_table("room_state")
