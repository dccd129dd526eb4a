"""When the database itself fails: a read-only store, a full disk, a lost connection — one clear sentence in
casekit's words, never SQLAlchemy's exception (whose text carries the SQL and the case document it was saving).

:func:`as_store_error` turns a database exception into a :class:`StoreFailure`; the store raises that from
every read and write, and the CLI maps anything that slips through the same way (exit code 2). The original
exception is logged server-side by its class and the driver's first line only.
"""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager

from ..errors import CaseKitError

log = logging.getLogger("casekit.store")

#: (code, words in the driver's message or its SQLSTATE) — the first that matches names the failure
_KINDS = (
    ("errors.store_read_only", ("readonly database", "read-only", "read only", "25006", "permission denied")),
    ("errors.store_disk_full", ("disk is full", "database or disk is full", "no space left", "53100",
                                "disk full", "quota")),
    ("errors.store_connection_lost", ("server closed the connection", "terminating connection",
                                      "connection refused", "could not connect", "connection is closed",
                                      "connection timed out", "connection to server", "ssl connection has been closed",
                                      "57p01", "57p02", "57p03", "08006", "08003", "08001", "consuming input failed")),
    ("errors.store_busy", ("database is locked", "database table is locked", "lock timeout", "55p03")),
    ("errors.store_cannot_open", ("unable to open database file", "not a database", "file is not a database",
                                  "disk i/o error", "malformed")),
)


class StoreFailure(CaseKitError):
    """The database could not do what was asked; nothing was saved (the transaction rolled back)."""

    code = "errors.store_failed"


def _driver_text(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
    text = str(orig).strip().splitlines()
    return f"{code} {text[0] if text else ''}".lower()


def classify(exc: BaseException) -> str:
    """The message key of a database failure (``errors.store_failed`` when nothing more precise fits)."""
    if getattr(exc, "connection_invalidated", False):
        return "errors.store_connection_lost"
    text = _driver_text(exc)
    for code, words in _KINDS:
        if any(word in text for word in words):
            return code
    return StoreFailure.code


def as_store_error(exc: BaseException) -> StoreFailure | None:
    """``exc`` as casekit's own error if it is a database failure, else ``None``. Never loads SQLAlchemy."""
    if isinstance(exc, CaseKitError):
        return None
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    database_errors: tuple = ()
    if sqlalchemy_exc is not None:
        database_errors += (sqlalchemy_exc.OperationalError, sqlalchemy_exc.InterfaceError,
                            sqlalchemy_exc.InternalError, sqlalchemy_exc.DatabaseError)
        if isinstance(exc, sqlalchemy_exc.IntegrityError):
            return None  # a rule of the schema, handled where it happens
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None:
        database_errors += (sqlite3.OperationalError, sqlite3.DatabaseError)
    if not database_errors or not isinstance(exc, database_errors):
        return None
    code = classify(exc)
    log.warning("database failure (%s): %s", code, type(getattr(exc, "orig", None) or exc).__name__)
    return StoreFailure(code)


@contextmanager
def database_failures():
    """Inside: a database exception leaves as a :class:`StoreFailure` (the transaction has rolled back)."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - only database failures are translated, the rest goes on
        converted = as_store_error(exc)
        if converted is None:
            raise
        raise converted from None
