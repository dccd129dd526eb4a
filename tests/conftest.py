"""Store fixtures: a SQLite file per test, and a throw-away PostgreSQL cluster per test session.

PostgreSQL: ``CASEKIT_TEST_PG_URL`` (a server where the user may create databases) if set; else the server
binaries (``initdb``/``pg_ctl`` on PATH or under /usr/lib/postgresql/*/bin) start a private cluster in a temp
folder on a free port (as root, through ``runuser -u postgres``). Each test gets a fresh database. Without
binaries the PostgreSQL tests are skipped, except under CI (``CI=true``), where they fail.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_ENV = "CASEKIT_TEST_PG_URL"


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _pg_bindir() -> Path | None:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent

    def version(path: str) -> tuple:
        return tuple(int(p) for p in re.findall(r"\d+", path))

    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True):
        if Path(initdb).with_name("pg_ctl").exists():
            return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Cluster:
    """A private PostgreSQL cluster in a temp folder (trust auth, no fsync: for tests only)."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="casekit-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self.port = _free_port()

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-locale", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except Exception:
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""


@pytest.fixture(scope="session")
def pg_url():
    """URL of a PostgreSQL server (its maintenance database) where tests may create databases."""
    configured = os.environ.get(PG_ENV, "").strip()
    if configured:
        yield configured
        return
    bindir = _pg_bindir()
    if bindir is None:
        _missing("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's 'postgresql' "
                 f"or set {PG_ENV}")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not shutil.which("runuser"):
        _missing("running as root needs 'runuser' to start PostgreSQL as user postgres")
    cluster = _Cluster(bindir)
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
