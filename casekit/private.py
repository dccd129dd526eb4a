"""Files casekit creates are its owner's only: folders 0700, files 0600, whatever the umask.

Cases hold health, debts and child-protection details; on a shared machine another local account must not be
able to read the store, its WAL, the log, an export or the server's runtime files. The CLI and the server also
set the umask to 077 once at start-up; these helpers make the same promise for the API used from a notebook.
"""
from __future__ import annotations

import os
from pathlib import Path


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) so that only its owner can enter the folders casekit creates."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True)
    for folder in missing:
        try:
            folder.chmod(0o700)
        except OSError:
            pass
    return path


def open_private(path: Path, mode: str = "a"):
    """Open a text file for writing; a file casekit creates is readable by its owner only (0600)."""
    path = Path(path)
    private_dir(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "a" else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    return os.fdopen(fd, mode, encoding="utf-8", newline="")


def touch_private(path: Path) -> Path:
    """Create an empty file 0600 (its folder 0700) unless it exists; an existing file is left as it is."""
    path = Path(path)
    private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    return path


def write_private(path: Path, text: str) -> Path:
    """Write ``text`` to a new or existing file; a new one is created 0600."""
    with open_private(path, "w") as handle:
        handle.write(text)
    return Path(path)


def write_private_bytes(path: Path, data: bytes) -> Path:
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path
