"""Bring a database to the current schema with Alembic, skipping Alembic when it is already there.

Alembic (and its script directory) costs far more to load than the check, so :func:`upgrade` first reads
``alembic_version`` directly and returns when it equals :data:`HEAD`. A test keeps :data:`HEAD` equal to the
newest revision in ``migrations/versions``.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from ..errors import CaseKitError
from .engine import WRITE

MIGRATIONS = Path(__file__).with_name("migrations")
#: The newest revision in ``migrations/versions``; update together with every new migration.
HEAD = "0004"
#: PostgreSQL advisory lock key that serialises concurrent migrations of one database.
_LOCK_KEY = 0x636B6D67  # "ckmg"


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else ",".join(sorted(rows)) or None


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_head() -> str:
    """The head revision according to Alembic's script directory (slow; for tests and tools)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> bool:
    """Migrate to head. Returns True if migrations ran, False if the database was already current."""
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return False
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            revision = current_revision(conn)  # another process may have migrated meanwhile
            if revision == HEAD:
                return False
            _refuse_unknown(revision)
            from alembic import command

            command.upgrade(alembic_config(conn), "head")
    return True


def _refuse_unknown(revision: str | None) -> None:
    if revision is None:
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if any(part not in known for part in revision.split(",")):
        raise CaseKitError("errors.store_newer", revision=revision)
