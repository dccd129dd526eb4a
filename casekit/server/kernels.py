"""A bound on page kernels: every page of an app costs a kernel (~100 MB), so a server holds at most
``limit`` of them per app; a further page gets a "the room is full" page instead of a kernel.

A kernel is counted from the moment its page asks for it (a reservation, so that ten requests at once cannot
all pass the check) until it stops: the page closes (Voilà's page shuts its kernel down on unload), the idle
culler stops it, or no browser connects to it within ``connect_timeout`` seconds — a page fetched by a script
that never opens the websocket gives its kernel back after that, instead of holding it for the culling timeout.

That timeout must not stop the kernel of a page a browser is still loading: the page connects only once Voilà's
scripts (megabytes) have loaded and run, which on a loaded machine took longer than 60 s — the kernel was
stopped, the page asked for it (404) and stayed blank for good (the soak benchmark's "not ready" loads). So the
timeout counts from the moment the page has been sent whole (:meth:`PageKernels.sent`; a kernel started for the
request runs the notebook while the page is sent), and a page whose first script ran in a browser says so at
once (:meth:`PageKernels.loading`, casekit's template, before Voilà's scripts load): such a kernel is left to
connect in its own time (the idle culler stops it if it never does). A script that fetches the page runs no
script and still gives its kernel back after ``connect_timeout``.

A reloaded page is a race: the browser sends the old page's shutdown (a beacon on ``beforeunload``) and the new
page's request at the same moment, in no fixed order, and the shutdown itself takes a moment. A kernel is
therefore no longer counted from the moment its shutdown is asked for (:meth:`PageKernels.closing`), and at the
bound a new page waits up to ``grace`` seconds for a place (:meth:`PageKernels.wait_for_place`) before it gets
"the room is full" — else a facilitator reloading at the bound would be refused by their own closing page.
"""
from __future__ import annotations

import asyncio
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("casekit.server")


@dataclass
class PageKernels:
    manager: Any                    # jupyter_server's MappingKernelManager (Voilà's)
    limit: int = 8
    connect_timeout: float = 60.0
    grace: float = 5.0
    _closing: set[str] = field(default_factory=set)
    _loading: set[str] = field(default_factory=set)
    _by_app: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _pending: Counter = field(default_factory=Counter)

    def running(self, app: str) -> set[str]:
        """The page kernels of ``app`` that still run."""
        alive = set(self.manager.list_kernel_ids())
        self._closing &= alive
        self._loading &= alive
        ids = self._by_app[app]
        ids &= alive
        return ids - self._closing

    def in_use(self, app: str) -> int:
        return len(self.running(app)) + self._pending[app]

    def reserve(self, app: str) -> bool:
        """Take a place for a new page of ``app``; ``False`` when the app is full."""
        if self.in_use(app) >= self.limit:
            return False
        self._pending[app] += 1
        return True

    async def wait_for_place(self, app: str, poll: float = 0.05) -> bool:
        """:meth:`reserve`, waiting up to ``grace`` seconds for a page of ``app`` to close when it is full."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace
        while not self.reserve(app):
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(poll)
        return True

    def closing(self, kernel_id: str) -> None:
        """The page of ``kernel_id`` asked for its shutdown: its place is free from now on."""
        self._closing.add(kernel_id)

    def not_closing(self, kernel_id: str) -> None:
        """The shutdown failed: the kernel runs on and counts again."""
        self._closing.discard(kernel_id)

    def release(self, app: str) -> None:
        """Give back a reservation whose page never got a kernel (the request failed)."""
        if self._pending[app] > 0:
            self._pending[app] -= 1

    def record(self, app: str, kernel_id: str) -> None:
        """The reserved page got ``kernel_id``: count it until it stops (:meth:`sent` starts its connect timeout)."""
        self.release(app)
        self._by_app[app].add(kernel_id)

    def known(self, kernel_id: str) -> bool:
        return any(kernel_id in ids for ids in self._by_app.values())

    def loading(self, kernel_id: str) -> bool:
        """A browser runs the page of ``kernel_id`` (its first script said so): the kernel waits for it to connect,
        however long Voilà's scripts take to load. ``False`` for a kernel that is no page's."""
        if not self.known(kernel_id) or kernel_id not in self.manager.list_kernel_ids():
            return False
        self._loading.add(kernel_id)
        return True

    def sent(self, kernel_id: str) -> None:
        """The page of ``kernel_id`` has been sent (or its request ended): stop the kernel if no browser connects to
        it and none says it is loading the page within ``connect_timeout`` seconds from now."""
        if self.connect_timeout > 0:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                return
            loop.call_later(self.connect_timeout, lambda: asyncio.ensure_future(self._stop_if_unused(kernel_id)))

    async def _stop_if_unused(self, kernel_id: str) -> None:
        try:
            if kernel_id not in self.manager.list_kernel_ids():
                return
            if self.manager.kernel_model(kernel_id).get("connections", 0) > 0:
                return
            if kernel_id in self._loading:
                return  # a browser is loading the page: it connects when Voilà's scripts have run
            log.info("kernel %s: no page connected within %s s, stopped", kernel_id, self.connect_timeout)
            await self.manager.shutdown_kernel(kernel_id)
        except Exception:  # noqa: BLE001 - a kernel that went away meanwhile is fine
            log.warning("could not stop the unused kernel %s", kernel_id, exc_info=True)


class RecordingKernelManager:
    """Voilà's kernel manager as one page's handler sees it: every kernel it hands out is recorded."""

    def __init__(self, manager: Any, on_kernel):
        self._manager = manager
        self._on_kernel = on_kernel

    def __getattr__(self, name: str):
        return getattr(self._manager, name)

    async def get_rendered_notebook(self, *args, **kwargs):
        result = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._on_kernel(result[2])
        return result

    async def start_kernel(self, *args, **kwargs):
        kernel_id = self._manager.start_kernel(*args, **kwargs)
        if asyncio.iscoroutine(kernel_id) or isinstance(kernel_id, asyncio.Future):
            kernel_id = await kernel_id
        self._on_kernel(kernel_id)
        return kernel_id
