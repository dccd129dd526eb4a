"""Shared helpers of ``benchmarks/run.py``: statistics, the machine's description, standalone Voilà servers
started the way ``casekit serve`` starts them, headless Chromium, and waiting for a server to be idle.

A Voilà server here is started with :func:`casekit.serve.start` (the production settings: casekit template,
dark theme, stripped sources, no tracebacks, preheated pool of one kernel per notebook, culling, host checks)
with ``CASEKIT_APPS`` pointing to a folder of notebooks; for the cold measurements the pool is 0 (no
preheating). The kernel bound is lifted (a benchmark opens many pages). Its output
goes to a log file, which is how we learn that a kernel pool was refilled ("Kernel pool of X is filled").
Voilà logs that as soon as the kernel has *started*, before the notebook has run in it, so
:meth:`Voila.wait_quiet` then waits until the server and all its kernels use no CPU any more.
"""
from __future__ import annotations

import os
import platform
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: the flags of tests/e2e/conftest.py, plus: every host but 127.0.0.1 fails to resolve at once (the CDN link
#: of Voilà's lab template must neither wait for a network nor go through a Python request handler)
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1280, "height": 720}
LIBRARIES = ("voila", "ipywidgets", "ipykernel", "jupyter_server", "pydantic", "pandas", "sqlalchemy", "psycopg",
             "altair", "vl-convert-python", "playwright", "psutil")

BARE_SOURCE = '''import ipywidgets as widgets

slider = widgets.IntSlider(value=0, min=0, max=1_000_000, description="x")
slider.add_class("bench-slider")
label = widgets.Label("0")
label.add_class("bench-label")


def _moved(change):
    label.value = str(change["new"])


slider.observe(_moved, names="value")
widgets.VBox([slider, label])'''


# -- statistics ----------------------------------------------------------------------------------------------
def summary(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "runs": list(values)}


def ratio(subject: dict, baseline: dict) -> float:
    return subject["median"] / baseline["median"]


# -- the machine ---------------------------------------------------------------------------------------------
def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:  # pragma: no cover - not Linux
        pass
    return platform.processor()


def _memory_mib() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:  # pragma: no cover
        pass
    return None


def chromium_version() -> str | None:
    if not os.path.exists(CHROMIUM):
        return None
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover
        return None


def machine(command: str) -> dict:
    return {"load_average_at_start": load_average(),
        "platform": platform.platform(), "machine": platform.machine(), "processor": _cpu_name(),
        "cpu_count": os.cpu_count(), "memory_mib": _memory_mib(), "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version, "chromium": chromium_version(),
        "libraries": {name: _version(name) for name in LIBRARIES}, "command": command,
    }


def interpreter() -> str:
    try:
        return str(Path(sys.executable).relative_to(ROOT))
    except ValueError:
        return sys.executable


# -- processes -----------------------------------------------------------------------------------------------
def memory_of(pid: int) -> dict:
    """VmRSS and VmHWM (peak) of a process in MiB, from /proc/<pid>/status."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key = line.split(":", 1)[0]
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(line.split()[1]) / 1024
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_bare_notebook(folder: Path, name: str = "bare.ipynb") -> Path:
    """The bare app: one IntSlider and a Label that a Python observer updates."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BARE_SOURCE)]
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, str(path))
    return path


class Voila:
    """A standalone Voilà serving ``apps`` with casekit's production flags (``casekit.serve``).

    ``preheat=False`` switches the preheated pool off (``pool_size=0``): every page
    request starts its kernel. ``env`` goes to the kernels (``ServeOptions.extra_env``).
    """

    def __init__(self, apps: Path, workdir: Path, *, db: str, preheat: bool = True, env: dict | None = None,
                 name: str = "voila"):
        from casekit import serve

        self.port = free_port()
        self.apps = apps
        self.preheat = preheat
        self.options = serve.ServeOptions(port=self.port, db=db, pool_size=1 if preheat else 0, max_kernels=10_000,
                                          extra_env={
            "CASEKIT_APPS": str(apps), "CASEKIT_USER": "bench", "CASEKIT_LOG": str(workdir / f"{name}-casekit.log"),
            "CASEKIT_EXPORT_DIR": str(workdir / "exports"), **(env or {}),
        })
        previous = os.environ.get("CASEKIT_APPS")
        os.environ["CASEKIT_APPS"] = str(apps)  # the server serves apps_dir(), which reads it
        self.log_path = workdir / f"{name}-{self.port}.log"
        self._log = self.log_path.open("w")
        try:
            self.server = serve.start(self.options, stdout=self._log, stderr=subprocess.STDOUT, cwd=workdir)
        finally:
            if previous is None:
                os.environ.pop("CASEKIT_APPS", None)
            else:
                os.environ["CASEKIT_APPS"] = previous
        self.command = self.server.command
        self.process = self.server.process
        self.base = f"http://127.0.0.1:{self.port}"

    def describe(self) -> dict:
        shown = [a for a in self.command]
        shown[0] = interpreter()
        return {"command": shown, "preheat": self.preheat,
                "kernel_env": {k: v for k, v in self.options.extra_env.items() if k.startswith("CASEKIT_")}}

    def url(self, notebook: str) -> str:
        return f"{self.base}/voila/render/{notebook}"

    def wait_up(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Voilà exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/voila/static/voila.js", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"Voilà did not come up; see {self.log_path}")

    # -- the kernel pool and the kernels -------------------------------------------------------------------
    def fills(self, notebook: str) -> int:
        """How often Voilà has said the pool of ``notebook`` is filled."""
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return text.count(f"Kernel pool of {notebook} is filled")

    def wait_filled(self, notebook: str, count: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.fills(notebook) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel pool of {notebook} was not refilled; see {self.log_path}")
            if self.process.poll() is not None:
                raise RuntimeError(f"Voilà exited; see {self.log_path}")
            time.sleep(0.1)

    def _processes(self):
        import psutil

        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        import psutil

        total = 0.0
        for proc in self._processes():
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def wait_quiet(self, *, window: float = 0.5, windows: int = 3, threshold: float = 0.04,
                   timeout: float = 120) -> float:
        """Wait until Voilà and all its kernels used less than ``threshold`` CPU seconds in each of ``windows``
        consecutive windows of ``window`` seconds (a refilled kernel has run its notebook, a chart warm-up
        thread has finished). Returns the seconds waited."""
        began = time.monotonic()
        quiet, last = 0, self.cpu_seconds()
        while quiet < windows:
            if time.monotonic() - began > timeout:
                raise RuntimeError(f"Voilà and its kernels did not become idle; see {self.log_path}")
            time.sleep(window)
            now = self.cpu_seconds()
            quiet = quiet + 1 if now - last < threshold else 0
            last = now
        return time.monotonic() - began

    def settle(self, notebook: str | None, fills_before: int | None) -> float:
        """After a page request: wait for the pool's refill (preheated servers) and for idleness."""
        began = time.monotonic()
        if self.preheat and notebook is not None and fills_before is not None:
            self.wait_filled(notebook, fills_before + 1)
        self.wait_quiet()
        return time.monotonic() - began

    def kernel_pid(self, kernel_id: str) -> int | None:
        """The process of one kernel, found by its connection file ``kernel-<id>.json``."""
        for proc in self._processes():
            try:
                if any(f"kernel-{kernel_id}.json" in part for part in proc.cmdline()):
                    return proc.pid
            except Exception:  # noqa: BLE001 - vanished meanwhile
                continue
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()


# -- the browser ---------------------------------------------------------------------------------------------
def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)


def kernel_id_of(page) -> str | None:
    """The kernel of a Voilà page (its ``jupyter-config-data``)."""
    return page.evaluate(
        "() => { const e = document.getElementById('jupyter-config-data');"
        " return e ? JSON.parse(e.textContent).kernelId : null; }")
