"""The server lives only as long as ``casekit serve``: when its parent dies — even by SIGKILL, which the parent
cannot forward — the server gets SIGTERM and shuts its kernels down (which free the port).

On Linux the kernel delivers the signal (``prctl(PR_SET_PDEATHSIG)``); everywhere a watchdog thread also checks
once a second that the parent is still the one that started us.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

log = logging.getLogger("casekit.server")
PR_SET_PDEATHSIG = 1


def _parent_death_signal(signum: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent_pid:
            log.warning("casekit serve (pid %s) is gone: stopping", parent_pid)
            os.kill(os.getpid(), signal.SIGTERM)
            return


def follow_parent(parent_pid: int | None, interval: float = 1.0) -> None:
    """Stop (SIGTERM to ourselves) when ``parent_pid`` is no longer our parent. ``None``: not started by
    ``casekit serve`` (a test), nothing to follow."""
    if not parent_pid:
        return
    _parent_death_signal(signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os.kill(os.getpid(), signal.SIGTERM)
        return
    threading.Thread(target=_watch, args=(int(parent_pid), interval), name="casekit-lifeline", daemon=True).start()
