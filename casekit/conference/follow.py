"""Notice what another device saved, within about a quarter of a second, without reading any document.

    follower = Follower(store, on_change)      # on_change(Change(kind, id, version))
    follower.follow("case", case_id)
    follower.follow("room", conference_id)     # the room state (casekit.conference.room_state)
    follower.start()
    ...
    follower.stop()

How it notices, per backend:

* **SQLite**: a connection of its own asks ``PRAGMA data_version`` every ``interval`` (0.25 s): a number that
  changes when any other connection commits (a few microseconds, no table read). When it changed, one small
  query per kind reads the versions of the followed records (``store.versions``), and each that differs from
  the last one seen is reported. SQLite notifications carry no payload, hence the followed list.
* **PostgreSQL**: the store notifies ``casekit`` with ``<kind>:<id>:<version>`` in the transaction of every
  save (a trigger, migration 0004); a psycopg connection of its own ``LISTEN``s and reports the followed ones
  at once. After (re)connecting it compares versions once, so nothing missed while it was away is lost.
* an in-memory SQLite store (tests) is polled with ``store.versions`` every ``interval``.

``Follower(store, on_change, everything=True)`` also reports what is not followed (a list of cases to
refresh): SQLite then reports ``Change("store", "", data_version)`` for each commit by another connection
(it cannot tell what changed), PostgreSQL every notification.

**Threads**: the waiting is done by one daemon thread (named ``casekit-follow``), never by a busy loop: it sleeps
in ``Event.wait(interval)`` (SQLite) or in psycopg's ``notifies(timeout=interval)`` (PostgreSQL). If
:meth:`Follower.start` is called while an asyncio loop runs (a Jupyter kernel), ``on_change`` is called on that
loop (``call_soon_threadsafe``), so a widget callback runs on the kernel's thread; otherwise it is called on
the follower's thread. :meth:`Follower.stop` returns within about ``interval`` (it waits for the thread). A
lost database connection is reported to ``on_error`` and retried after 1, 2, 4 … at most 10 s.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from typing import Callable

log = logging.getLogger("casekit.follow")

#: how often SQLite's data_version is read (seconds); also PostgreSQL's longest wait before checking for stop
INTERVAL = 0.25
#: the PostgreSQL channel (migration 0004)
CHANNEL = "casekit"
MAX_BACKOFF = 10.0


@dataclass(frozen=True)
class Change:
    """A record (``case``, ``supervision``, ``assessment``) or a room state (``room``, by conference id) was saved;
    ``version`` is its version now (a room state's revision; None: deleted or gone)."""

    kind: str
    id: str
    version: int | None


def parse_payload(payload: str) -> Change | None:
    """``case:case-1:7`` → ``Change("case", "case-1", 7)`` (ids may contain ``:``); None if unreadable."""
    kind, _, rest = payload.partition(":")
    record_id, _, version = rest.rpartition(":")
    if not kind or not record_id:
        return None
    try:
        return Change(kind, record_id, int(version))
    except ValueError:
        return None


class Follower:
    """Calls ``on_change(Change)`` when a followed record is saved by anyone (see the module)."""

    def __init__(self, store, on_change: Callable[[Change], None], *, interval: float = INTERVAL,
                 everything: bool = False, on_error: Callable[[BaseException], None] | None = None):
        self.store = store
        self.everything = everything
        self.on_change = on_change
        self.on_error = on_error
        self.interval = min(max(float(interval), 0.01), 5.0)
        self._known: dict[tuple[str, str], int | None] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        backend = store.engine.dialect.name
        database = store.engine.url.database
        if backend == "postgresql":
            self.mode = "listen"
        elif backend == "sqlite" and database not in (None, "", ":memory:") and not store.engine.url.query.get("uri"):
            self.mode = "data_version"
        else:
            self.mode = "poll"

    # -- what is followed ----------------------------------------------------------------------------------------
    def follow(self, kind: str, record_id: str) -> None:
        """Report changes of this record from now on (its version now is read once)."""
        version = self.store.version_of(kind, record_id)
        with self._lock:
            self._known[(kind, record_id)] = version

    def unfollow(self, kind: str, record_id: str) -> None:
        with self._lock:
            self._known.pop((kind, record_id), None)

    @property
    def following(self) -> set[tuple[str, str]]:
        with self._lock:
            return set(self._known)

    # -- running ---------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> "Follower":
        """Start the follower's thread (see the module for where ``on_change`` is called)."""
        if self.running:
            return self
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None
        self._stop.clear()
        target = {"listen": self._listen, "data_version": self._poll_data_version, "poll": self._poll}[self.mode]
        self._thread = threading.Thread(target=self._run, args=(target,), name="casekit-follow", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        """Stop and wait for the thread (at most ``timeout``, default a few intervals)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout if timeout is not None else max(2.0, 4 * self.interval))
        self._thread = None

    def __enter__(self) -> "Follower":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self, target: Callable[[], None]) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                target()
                return
            except Exception as exc:  # noqa: BLE001 - a lost connection: report, wait, try again
                from ..errors import describe

                log.warning("follower lost its connection: %s", describe(exc))
                self._report_error(exc)
                if self._stop.wait(backoff):
                    return
                backoff = min(backoff * 2, MAX_BACKOFF)

    # -- telling ---------------------------------------------------------------------------------------------------
    def _deliver(self, change: Change) -> None:
        loop = self._loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._call, change)
                return
            except RuntimeError:  # the loop is closed: nobody is there to tell any more
                self._stop.set()
                return
        self._call(change)

    def _call(self, change: Change) -> None:
        try:
            self.on_change(change)
        except Exception:  # noqa: BLE001 - a listener must not stop the follower
            log.exception("change listener failed")

    def _report_error(self, exc: BaseException) -> None:
        if self.on_error is None:
            return
        try:
            self.on_error(exc)
        except Exception:  # noqa: BLE001
            log.exception("error listener failed")

    def _compare_versions(self) -> None:
        """Read the followed versions and report each that changed since last seen."""
        with self._lock:
            keys = list(self._known)
        if not keys:
            return
        now = self.store.versions(keys)
        changed = []
        with self._lock:
            for key, version in now.items():
                if key in self._known and self._known[key] != version:
                    self._known[key] = version
                    changed.append(Change(key[0], key[1], version))
        for change in changed:
            self._deliver(change)

    def _notified(self, change: Change) -> None:
        key = (change.kind, change.id)
        with self._lock:
            followed = key in self._known
            if followed and self._known[key] == change.version:
                return  # seen already (read by follow(), or notified twice)
            if followed:
                self._known[key] = change.version
        if followed or self.everything:
            self._deliver(change)

    # -- the three ways of waiting -----------------------------------------------------------------------------------
    def _poll_data_version(self) -> None:
        import sqlite3

        path = self.store.engine.url.database
        connection = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        try:
            last = connection.execute("PRAGMA data_version").fetchone()[0]
            self._compare_versions()  # anything saved between follow() and now
            while not self._stop.wait(self.interval):
                version = connection.execute("PRAGMA data_version").fetchone()[0]
                if version == last:
                    continue
                last = version
                if self.everything:
                    self._deliver(Change("store", "", version))
                self._compare_versions()
        finally:
            connection.close()

    def _poll(self) -> None:
        while not self._stop.wait(self.interval):
            self._compare_versions()

    def _listen(self) -> None:
        import psycopg

        url = self.store.engine.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._compare_versions()  # what was saved while nobody listened
            while not self._stop.is_set():
                for notify in connection.notifies(timeout=self.interval):
                    change = parse_payload(notify.payload)
                    if change is not None:
                        self._notified(change)
                    if self._stop.is_set():
                        break
