"""Drawing the open conference's charts ahead of time, in the background, once the app is on screen.

The charts are plain SVG written in Python (:mod:`casekit.charts.svg`): there is no chart library to import or
warm up any more (Altair, vl-convert and pandas are never imported by the app). What is left is cheap: once the
app is on screen (:meth:`ConferenceApp._repr_mimebundle_`), :func:`schedule` asks the running asyncio loop (the
kernel's) to start, :data:`DELAY` seconds later, a daemon thread that — when a conference is open — draws the
ecomap and the GAS trajectory into the chart cache of :mod:`.visuals` (``app.prepare_charts()``; tens of
milliseconds for a large case), so that Network and Review show them from the cache.

- It never blocks the first render: the thread starts after the delay, from the loop, after the page's first
  widgets were sent.
- Without a running loop (plain Python, pytest) nothing is scheduled; ``CASEKIT_WARMUP=0`` switches it off.
- It runs once per process, and it never raises: failures are logged (``casekit.app``) and the charts are then
  simply drawn when their step is shown.
- The thread reads the case and touches no widget (widgets are only changed from the kernel's main thread).
"""
from __future__ import annotations

import asyncio
import os
import threading
import time
import weakref
from typing import Any

from ..common import log

#: seconds between the app being displayed and the warm-up starting
DELAY = 0.8
_lock = threading.Lock()
#: what happened, for tests and for the log: scheduled, started, done, seconds, error
state: dict[str, Any] = {"scheduled": False, "started": False, "done": False, "seconds": None, "error": None}


def enabled() -> bool:
    """False when ``CASEKIT_WARMUP`` is ``0``/``no``/``false``/``off``."""
    return os.environ.get("CASEKIT_WARMUP", "1").strip().lower() not in ("0", "no", "false", "off")


def schedule(app=None, *, delay: float = DELAY, loop: asyncio.AbstractEventLoop | None = None) -> bool:
    """Start the warm-up ``delay`` seconds from now on ``loop`` (default: the running loop). Returns whether
    it was scheduled: not without a running loop, not when switched off, not a second time."""
    if not enabled():
        return False
    if loop is None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False  # plain Python or pytest: the charts are drawn when their step is shown
    with _lock:
        if state["scheduled"]:
            return False
        state["scheduled"] = True
    ref = weakref.ref(app) if app is not None else None
    try:
        loop.call_later(max(float(delay), 0.0), _start, ref)
    except Exception:  # noqa: BLE001 - a closed loop: no warm-up, no harm
        log.warning("chart warm-up not scheduled", exc_info=True)
        with _lock:
            state["scheduled"] = False
        return False
    return True


def _start(ref) -> None:
    try:
        threading.Thread(target=run, args=(ref,), name="casekit-chart-warmup", daemon=True).start()
    except Exception:  # noqa: BLE001
        log.warning("chart warm-up thread not started", exc_info=True)


def run(ref=None) -> bool:
    """The warm-up itself (in the calling thread): the open conference's charts via ``app.prepare_charts()``
    when ``ref`` (a weak reference to the app) still points to one. Returns success; never raises."""
    state["started"] = True
    began = time.perf_counter()
    try:
        app = ref() if ref is not None else None
        if app is not None:
            app.prepare_charts()
    except Exception as exc:  # noqa: BLE001 - never into the UI, never out of the thread
        state["error"] = f"{type(exc).__name__}: {exc}"[:300]
        log.warning("chart warm-up failed (charts are drawn when shown)", exc_info=True)
        return False
    finally:
        state["seconds"] = round(time.perf_counter() - began, 3)
    state["done"] = True
    log.info("charts drawn ahead in %.2f s", state["seconds"])
    return True


def reset() -> None:
    """Forget that the warm-up was scheduled (for tests)."""
    with _lock:
        state.update(scheduled=False, started=False, done=False, seconds=None, error=None)
