"""What an app kernel does with a widget update it refuses, and with library logs.

A browser (or a hand-written client) sends widget updates as comm messages. When an update is refused —
a value of the wrong type, a number out of a slider's range — ipywidgets raises inside its message handler and
asks IPython to show the traceback (``showtraceback``), which the kernel sends to the browser as an ``error``
message: the client received paths, source lines and library versions. Where the comm manager catches instead,
it logs with the traceback, and with nothing configured Python's last-resort handler writes that to
``sys.stderr``, which the kernel also forwards to the browser. :func:`watch_app_kernel` sends both to casekit's
log file (server-side) and tells the app, which shows one short translated sentence.
"""
from __future__ import annotations

import logging
import weakref
from typing import Callable

from ..logs import file_handler, log_to_file

log = logging.getLogger("casekit.app")

#: the loggers that report a refused comm message (``comm`` package, ipykernel's copy of it)
COMM_LOGGERS = ("Comm", "ipykernel.comm")


class _RefusedUpdates(logging.Handler):
    """Calls the app's ``report()`` for each refused update; the record itself goes to the log file."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.reporters: list[weakref.WeakMethod | Callable] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "comm_msg" not in str(record.msg):
            return
        for ref in list(self.reporters):
            report = ref() if isinstance(ref, weakref.WeakMethod) else ref
            if report is None:
                self.reporters.remove(ref)
                continue
            try:
                report()
            except Exception:  # noqa: BLE001 - reporting must not fail the kernel's message loop
                log.warning("could not report a refused update", exc_info=True)


_HANDLER = _RefusedUpdates()


def watch_app_kernel(report: Callable[[], None]) -> None:
    """In an app's kernel: library logs go to casekit's log file (never to the browser), and ``report()`` is
    called when a widget update from the browser is refused. Idempotent; ``report`` may be a bound method
    (held weakly)."""
    try:
        path = log_to_file()
    except OSError:  # a read-only home: keep the kernel quiet rather than fall back to stderr
        path = None
    to_file = file_handler() if path is not None else logging.NullHandler()
    root = logging.getLogger()
    if to_file not in root.handlers:
        root.addHandler(to_file)  # no record reaches Python's last-resort handler (stderr → the browser)
    for name in COMM_LOGGERS:
        logger = logging.getLogger(name)
        logger.propagate = False
        for handler in (to_file, _HANDLER):
            if handler not in logger.handlers:
                logger.addHandler(handler)
    ref = weakref.WeakMethod(report) if hasattr(report, "__self__") else report
    _HANDLER.reporters.append(ref)
    _quiet_tracebacks()


def _quiet_tracebacks() -> None:
    """IPython's ``showtraceback`` in this kernel logs the exception server-side and tells the app; the browser
    gets no traceback."""
    try:
        from IPython import get_ipython
    except ImportError:  # not in a kernel: nothing sends tracebacks anywhere
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_casekit_quiet", False):
        return

    def showtraceback(*_args, **_kwargs) -> None:
        log.warning("refused a message from the browser", exc_info=True)
        _HANDLER.emit(logging.makeLogRecord({"msg": "comm_msg refused", "levelno": logging.ERROR}))

    shell.showtraceback = showtraceback
    shell._casekit_quiet = True
