"""End-to-end fixtures: standalone Voilà started by ``casekit serve`` logic, Debian's Chromium via playwright.

Every request that does not go to 127.0.0.1 is blocked (and recorded): the apps must work offline.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
TRACEBACK_MARKERS = ("Traceback", "most recent call last", "Error in callback", "There was an error when executing")


def _need_chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed (Debian: apt-get install chromium); CI must run the browser tests")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Voilà exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/voila/static/voila.js", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("Voilà did not come up")


#: servers started in this process, so that a failing test can print what their logs say
SERVERS: list["VoilaServer"] = []


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class VoilaServer:
    """A running standalone Voilà serving one folder of app notebooks, stopped with SIGTERM."""

    def __init__(self, apps: Path, db: str, tmp: Path, **options):
        from casekit import serve

        self.tmp = tmp
        SERVERS.append(self)

        self.port = free_port()
        options.setdefault("max_kernels", 50)  # a test opens many pages; the bound has its own test
        self.options = serve.ServeOptions(port=self.port, db=db, extra_env={
            "CASEKIT_APPS": str(apps), "CASEKIT_EXPORT_DIR": str(tmp / "exports"),
            "CASEKIT_USER": "e2e", "CASEKIT_LOG": str(tmp / "casekit.log"),
        }, **options)
        os.environ["CASEKIT_APPS"] = str(apps)
        self.log = (tmp / f"voila-{self.port}.log").open("w")
        self.process = serve.start(self.options, stdout=self.log, stderr=subprocess.STDOUT, cwd=tmp)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_until_up(self.base, self.process)

    def url(self, app: str) -> str:
        return f"{self.base}/voila/render/{app}.ipynb"

    def kernel_pids(self) -> list[int]:
        """Process ids of the kernels this server started (children of the Voilà process)."""
        out = subprocess.run(["ps", "-ww", "-o", "pid=,ppid=,args=", "-ax"], capture_output=True, text=True).stdout
        return [int(line.split()[0]) for line in out.splitlines()
                if len(line.split()) > 2 and int(line.split()[1]) == self.process.pid and "ipykernel" in line]

    def kernel_pid(self, kernel_id: str) -> int | None:
        """The process of one kernel, found by its connection file ``kernel-<id>.json``."""
        out = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "-ax"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if f"kernel-{kernel_id}.json" in line:
                return int(line.split()[0])
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


@pytest.fixture(scope="module")
def browser():
    # module scope: playwright's sync API keeps an event loop running in this thread while it lives, which
    # would change how widget tests outside this folder behave (they check for a running loop)
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ])
        yield chromium
        chromium.close()


class OfflinePage:
    """A page whose requests outside 127.0.0.1 are blocked and recorded; remembers console errors."""

    def __init__(self, browser, width: int = 1280, height: int = 720):
        self.context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def assert_no_traceback(self) -> None:
        text = self.page.inner_text("body")
        for marker in TRACEBACK_MARKERS:
            assert marker not in text, f"{marker!r} shown on the page"

    def close(self) -> None:
        self.context.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def offline_page(browser, request, tmp_path):
    pages = []

    def make(width: int = 1280, height: int = 720) -> OfflinePage:
        page = OfflinePage(browser, width, height)
        pages.append(page)
        return page

    yield make
    failed = getattr(request.node, "rep_call", None)
    for n, page in enumerate(pages):
        if failed is not None and failed.failed:  # what the browser showed when the test failed
            page.page.screenshot(path=str(tmp_path / f"failure-{n}.png"))
            (tmp_path / f"failure-{n}.txt").write_text(page.page.inner_text("body"), encoding="utf-8")
            print(f"screenshot of the failure: {tmp_path / f'failure-{n}.png'}")
            print("what the page showed:\n" + page.page.inner_text("body")[:3000])
    if failed is not None and failed.failed:
        for server in [s for s in SERVERS if s.process.poll() is None]:  # what the kernels logged (casekit.log) and what Voilà printed
            print(f"--- {server.tmp / 'casekit.log'} (tail)\n{_tail(server.tmp / 'casekit.log')}")
            print(f"--- Voilà log (tail)\n{_tail(Path(server.log.name))}")
    for page in pages:
        page.close()
