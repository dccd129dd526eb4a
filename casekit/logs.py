"""Where casekit writes what went wrong: a log file, never the screen of a meeting room.

``CASEKIT_LOG`` names the file; the default is ``casekit.log`` in the per-user log directory. Apps and the CLI
call :func:`log_to_file` once; the handler is added only once per process. The log is private (0600 in a 0700
folder when casekit creates them) and holds ids, never case content.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .private import open_private

_HANDLERS: dict[str, logging.Handler] = {}


def log_path() -> Path:
    configured = os.environ.get("CASEKIT_LOG")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_log_dir("casekit")) / "casekit.log"


class _PrivateFileHandler(logging.FileHandler):
    def _open(self):
        return open_private(Path(self.baseFilename), "a")


def log_to_file(level: int = logging.INFO) -> Path:
    """Send the ``casekit`` loggers to the log file (idempotent); returns its path."""
    path = log_path()
    if str(path) not in _HANDLERS:
        handler = _PrivateFileHandler(path, encoding="utf-8", delay=False)
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
        logger = logging.getLogger("casekit")
        logger.addHandler(handler)
        logger.setLevel(min(logger.level or level, level))
        logger.propagate = False
        _HANDLERS[str(path)] = handler
    return path


def file_handler() -> logging.Handler | None:
    """The handler :func:`log_to_file` added (``None`` before)."""
    return _HANDLERS.get(str(log_path()))
