"""casekit's store: cases and supervision sessions in SQLite or PostgreSQL (SQLAlchemy 2 + Alembic).

``open_store()`` opens the database named by its argument, else ``CASEKIT_DB`` (a file path or an SQLAlchemy
URL), else ``casekit.sqlite`` in the user's data folder, and migrates it to the current schema. See
:class:`~casekit.store.store.Store` for the rules of saving (optimistic concurrency, audit, soft delete).
"""
from __future__ import annotations

from sqlalchemy.exc import OperationalError

from ..errors import CaseKitError
from .engine import default_location, make_engine, resolve_url
from .migrate import upgrade
from .store import AuditEntry, Store, default_user

__all__ = ["AuditEntry", "Store", "default_location", "open_store"]


def open_store(url: str | None = None, *, user: str | None = None) -> Store:
    """Open and migrate a store.

    ``url``: an SQLAlchemy URL (``sqlite:///path``, ``postgresql://user@host/db`` – psycopg 3 is used) or a path
    to a SQLite file; default ``CASEKIT_DB``, else the per-user data directory. ``user`` is recorded in the
    audit trail; default ``CASEKIT_USER``, else the login name.
    """
    try:
        resolved = resolve_url(url)
    except OSError as exc:  # the SQLite file's folder cannot be created
        raise CaseKitError("errors.store_unavailable", url=str(url or default_location()), detail=str(exc)) from None
    engine = make_engine(resolved)
    try:
        upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        detail = lines[0][:200] if lines else type(exc).__name__
        raise CaseKitError(
            "errors.store_unavailable", url=resolved.render_as_string(hide_password=True), detail=detail,
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, user=user or default_user())
