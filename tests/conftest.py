"""Store fixtures: a SQLite file per test, and a throw-away PostgreSQL cluster per test session.

PostgreSQL: ``CASEKIT_TEST_PG_URL`` (a server where the user may create databases) if set; else the server
binaries (``initdb``/``pg_ctl`` on PATH or under /usr/lib/postgresql/*/bin) start a private cluster in a temp
folder on a free port (as root, through ``runuser -u postgres``). Each test gets a fresh database. Without
binaries the PostgreSQL tests are skipped, except under CI (``CI=true``), where they fail.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"casekit_dev_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: the one recipe for a throw-away PostgreSQL, shared with the benchmarks
pgserver = _load(Path(__file__).resolve().parent.parent / "benchmarks" / "pgserver.py")

PG_ENV = "CASEKIT_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _language_reset():
    """Each test starts in the language of its environment: ``casekit --lang cs …`` in one test (the CLI sets the
    language of the process) must not make another test read Czech."""
    from casekit.i18n import set_language

    set_language(None)
    yield
    set_language(None)


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_url():
    """URL of a PostgreSQL server (its maintenance database) where tests may create databases."""
    configured = os.environ.get(PG_ENV, "").strip()
    if configured:
        yield configured
        return
    bindir = pgserver.bindir()
    if bindir is None:
        _missing("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's 'postgresql' "
                 f"or set {PG_ENV}")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not shutil.which("runuser"):
        _missing("running as root needs 'runuser' to start PostgreSQL as user postgres")
    cluster = pgserver.Cluster(bindir)
    try:
        url = cluster.start()
    except (subprocess.SubprocessError, OSError, KeyError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        cluster.stop()
        _missing(f"could not start a PostgreSQL test cluster: {exc} {detail} {cluster.log_tail()}")
    try:
        yield url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def _pg_admin(pg_url):
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from casekit.store.engine import resolve_url

    engine = create_engine(resolve_url(pg_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_database(_pg_admin):
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    from sqlalchemy import text

    name = f"casekit_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield _pg_admin.url.set(database=name).render_as_string(hide_password=False)
    with _pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'casekit.sqlite'}"


@pytest.fixture
def sqlite_store(sqlite_url):
    from casekit.store import open_store

    store = open_store(sqlite_url, user="tester")
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request) -> str:
    """A fresh, empty database on each backend (not yet migrated)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_database")


@pytest.fixture
def store(store_url):
    """An open, migrated, empty store on each backend (user "tester")."""
    from casekit.store import open_store

    store = open_store(store_url, user="tester")
    yield store
    store.close()
