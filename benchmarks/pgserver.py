"""A throw-away PostgreSQL server for the benchmarks and the tests (tests/conftest.py uses :class:`Cluster`).

    with pgserver.temporary_server() as url:   # "postgresql+psycopg://postgres@127.0.0.1:<port>/postgres"
        ...

``CASEKIT_BENCH_PG_URL`` names an existing server instead (the user must be allowed to create databases).
Otherwise the server binaries (``initdb``/``pg_ctl`` on PATH or under /usr/lib/postgresql/*/bin) start a
private cluster in a temp folder on a free port (as root, through ``runuser -u postgres``): trust
authentication, no fsync; it is stopped and deleted on exit. ``fresh_database(url)`` creates an empty database
and returns its URL.
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
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ENV = "CASEKIT_BENCH_PG_URL"


def bindir() -> Path | None:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent

    def version(path: str) -> tuple:
        return tuple(int(p) for p in re.findall(r"\d+", path))

    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True):
        if Path(initdb).with_name("pg_ctl").exists():
            return Path(initdb).parent
    return None


def available() -> bool:
    return bool(os.environ.get(ENV, "").strip()) or bindir() is not None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A private PostgreSQL cluster in a temp folder on a free port (trust auth, no fsync: never for data that
    matters). As root it runs as user ``postgres`` through ``runuser``."""

    def __init__(self, binaries: Path, prefix: str = "casekit-pg-"):
        self.bindir = binaries
        self.root = Path(tempfile.mkdtemp(prefix=prefix))
        self.data, self.log, self.port = self.root / "data", self.root / "server.log", _free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        """Start the server; returns the URL of its maintenance database."""
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-locale", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        """Stop the server (if it runs) and delete its folder."""
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except Exception:  # noqa: BLE001 - never started, or already gone
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""


@contextmanager
def temporary_server() -> Iterator[str]:
    """URL of a PostgreSQL maintenance database where databases may be created."""
    configured = os.environ.get(ENV, "").strip()
    if configured:
        yield configured
        return
    binaries = bindir()
    if binaries is None:
        raise RuntimeError(f"PostgreSQL server binaries (initdb, pg_ctl) not found; install them or set {ENV}")
    cluster = Cluster(binaries, prefix="casekit-bench-pg-")
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from casekit.store.engine import resolve_url

    admin = create_engine(resolve_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"casekit_bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        admin.dispose()
