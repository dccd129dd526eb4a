"""Where the store lives: URL resolution and the SQLAlchemy engine (SQLite tuned for a few concurrent users)."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, create_engine, make_url

from ..private import private_dir, touch_private

#: How long a SQLite writer waits for another writer's lock before giving up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Execution option that marks a connection as a writer (SQLite: ``BEGIN IMMEDIATE``).
WRITE = "casekit_write"


def default_location() -> str:
    """``CASEKIT_DB`` if set, else ``<user data dir>/casekit.sqlite``."""
    configured = os.environ.get("CASEKIT_DB", "").strip()
    if configured:
        return configured
    import platformdirs

    return str(Path(platformdirs.user_data_dir("casekit", appauthor=False)) / "casekit.sqlite")


def resolve_url(location: str | None = None) -> URL:
    """An SQLAlchemy URL from a URL or a SQLite file path (``None``: :func:`default_location`).

    Anything containing ``://`` is a URL; ``postgresql://`` and ``postgres://`` use psycopg 3. A plain path
    is a SQLite file; its folder is created.
    """
    location = location if location is not None and str(location).strip() else default_location()
    location = str(location).strip()
    if "://" not in location:
        path = Path(location).expanduser().resolve()
        private_dir(path.parent)
        return URL.create("sqlite", database=str(path))
    url = make_url(location)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        if not url.query.get("uri"):
            private_dir(Path(url.database).expanduser().resolve().parent)
    return url


def _is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    # hide_parameters: an error's text never carries the values (a whole case document) into a log
    kwargs: dict = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, "hide_parameters": True}
    if _is_sqlite_memory(url):
        from sqlalchemy.pool import StaticPool

        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"]["check_same_thread"] = False
    if not _is_sqlite_memory(url) and not url.query.get("uri"):
        touch_private(Path(url.database).expanduser())  # SQLite gives its -wal and -shm files the same mode
    engine = create_engine(url, **kwargs)
    _tune_sqlite(engine, memory=_is_sqlite_memory(url))
    return engine


def _tune_sqlite(engine: Engine, memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # SQLAlchemy emits BEGIN itself (below): real transactions for reads and DDL too
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # a writer takes the write lock up front: a deferred transaction that reads and then writes can fail
        # at once with "database is locked" under WAL when another writer committed in between
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")
