#!/usr/bin/env python3
"""Install everything casekit needs, then run the demo or the tests. Standard library only.

    python3 dev.py demo     # install, build the demo store, open the conference app
    python3 dev.py test     # install, then run the whole test suite (extra args go to pytest)

Idempotent: the virtual environment in ``.venv`` is (re)installed only when ``pyproject.toml``
changed. The tests need PostgreSQL's server binaries (Debian: ``postgresql``) and, for the
end-to-end tests, Debian's ``chromium``; when running as root on Debian they are installed with
apt-get, otherwise the command says what is missing.
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".casekit-install-stamp"
SYSTEM_PACKAGES = {  # what the tests need from the operating system: package -> how to tell it is there
    "postgresql": lambda: bool(shutil.which("pg_ctl") or glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")),
    "chromium": lambda: bool(shutil.which("chromium") or os.path.exists("/usr/bin/chromium")),
}


def say(text: str) -> None:
    print(f"[casekit] {text}", flush=True)


def run(cmd: list[str], **kw) -> None:
    subprocess.run(cmd, check=True, **kw)


def install_python() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say("installing casekit and its dependencies (first time only)")
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[test]"])
    STAMP.write_text(wanted)


def install_system() -> None:
    missing = [name for name, present in SYSTEM_PACKAGES.items() if not present()]
    if not missing:
        return
    can_apt = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if not can_apt:
        say(f"missing system packages {missing}: their tests will be skipped (install them to run everything)")
        return
    say(f"installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test", "install"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    install_python()
    if command == "install":
        return 0
    if command == "demo":
        return subprocess.call([str(BIN / "casekit"), "demo", *rest])
    install_system()
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
