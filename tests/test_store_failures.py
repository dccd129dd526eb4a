"""When the database fails — a read-only store, a full disk, a lost connection — casekit says so in its own words
(both languages), the CLI exits with 2, nothing is half-saved, and no case content reaches the log."""
from __future__ import annotations

import json
import logging
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import event

from casekit import load_example
from casekit.caseio import export_case
from casekit.cli import main
from casekit.i18n import gettext
from casekit.store import open_store
from casekit.store.failures import StoreFailure

MARKER = "Marker-7f3a-do-not-log"


def _case(name="senior-dementia"):
    case = load_example(name, "en").model_copy(update={"version": 0})
    return case.model_copy(update={"strengths": [*case.strengths, MARKER]})


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "store.sqlite"
    store = open_store(f"sqlite:///{path}")
    case = store.save(_case())
    store.close()
    return path, case


def _read_only(path: Path):
    return open_store(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_a_read_only_store_refuses_a_save_in_plain_words(saved, caplog):
    path, case = saved
    store = _read_only(path)
    changed = case.model_copy(update={"strengths": [*case.strengths, "one more"]})
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(StoreFailure) as info:
            store.save(changed)
    assert info.value.code == "errors.store_read_only"
    assert "read-only" in info.value.message("en") and "jen pro čtení" in info.value.message("cs")
    assert store.get(case.id).version == case.version  # nothing saved
    assert MARKER not in caplog.text and "INSERT" not in caplog.text and "UPDATE" not in caplog.text
    store.close()


def test_the_cli_says_the_store_is_read_only_and_exits_with_2(saved, tmp_path, capsys):
    path, _case_ = saved
    other = _case("young-adult-leaving-care")
    source = tmp_path / "case.json"
    source.write_text(export_case(other), encoding="utf-8")
    assert main(["--lang", "cs", "--db", f"sqlite:///file:{path}?mode=ro&uri=true", "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert gettext("errors.store_read_only", "cs") in err
    for leak in ("OperationalError", "Traceback", "sqlalchemy", MARKER):
        assert leak not in err


def test_a_full_disk_refuses_a_save_and_keeps_the_stored_version(tmp_path):
    path = tmp_path / "full.sqlite"
    store = open_store(f"sqlite:///{path}")
    case = store.save(_case())
    pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "connect")
    def _no_room(dbapi_connection, _record):  # the database may not grow: SQLite's own "disk is full"
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    huge = case.model_copy(update={"strengths": [*case.strengths[:5], *(f"{MARKER} {n} " + "x" * 900
                                                                      for n in range(90))]})
    with pytest.raises(StoreFailure) as info:
        store.save(huge)
    assert info.value.code == "errors.store_disk_full"
    assert "Disk s úložištěm je plný" in info.value.message("cs")
    assert store.get(case.id).version == case.version
    store.close()


class CuttableProxy:
    """A TCP proxy on 127.0.0.1 in front of PostgreSQL whose cable can be pulled."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        self.open = False
        self.listener.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass


@pytest.mark.postgres
def test_a_lost_database_connection_is_said_plainly_and_nothing_is_half_saved(pg_database):
    from sqlalchemy.engine import make_url

    url = make_url(pg_database)
    proxy = CuttableProxy(url.host, url.port)
    store = open_store(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    case = store.save(_case())
    proxy.cut()
    changed = case.model_copy(update={"strengths": [*case.strengths, "after the cut"]})
    with pytest.raises(StoreFailure) as info:
        store.save(changed)
    assert info.value.code == "errors.store_connection_lost"
    assert "Spojení s databází" in info.value.message("cs")
    store.close()
    direct = open_store(pg_database)
    assert direct.get(case.id).version == case.version
    direct.close()


def test_a_database_error_never_writes_the_case_into_the_log(tmp_path, monkeypatch):
    log_file = tmp_path / "casekit.log"
    monkeypatch.setenv("CASEKIT_LOG", str(log_file))
    path = tmp_path / "s.sqlite"
    store = open_store(f"sqlite:///{path}")
    case = store.save(_case())
    store.close()
    source = tmp_path / "case.json"
    other = _case("young-adult-leaving-care")
    source.write_text(export_case(other), encoding="utf-8")
    assert main(["--db", f"sqlite:///file:{path}?mode=ro&uri=true", "import", str(source)]) == 2
    text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    assert MARKER not in text and json.dumps(other.client.display_name)[1:-1] not in text


def test_the_log_file_is_private(tmp_path, monkeypatch):
    from casekit.logs import log_path, log_to_file

    monkeypatch.setenv("CASEKIT_LOG", str(tmp_path / "new" / "casekit.log"))
    path = log_to_file()
    logging.getLogger("casekit.test").warning("a line")
    assert path == log_path() and path.exists()
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
