"""The README's first command: `casekit demo` builds the demo store, serves the apps and opens the conference app."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from conftest import free_port


def test_demo_serves_and_opens_the_conference_app(tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"  # stands in for the user's browser: records the URL it was asked to open
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    port = free_port()
    env = {**os.environ, "BROWSER": str(browser), "CASEKIT_LOG": str(tmp_path / "casekit.log")}
    env.pop("CASEKIT_APPS", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "casekit.cli", "--lang", "en", "--db", str(tmp_path / "demo.sqlite"), "demo",
         "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not opened.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.3)
        assert opened.exists(), "the browser was never asked to open the app"
        url = opened.read_text().strip()
        assert url == f"http://127.0.0.1:{port}/voila/render/conference.ipynb"
        with urllib.request.urlopen(url, timeout=120) as response:
            assert response.status == 200
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert "Demo store with 5 example cases" in output
