"""Against a real server: a killed kernel loses nothing shown as saved; a hostile client changes nothing."""
from __future__ import annotations

import os
import signal
import time

import pytest

from casekit.cli import build_demo_store
from casekit.store import open_store

from conftest import ROOT, VoilaServer
from driver import ConferenceDriver
from hostile import spray_every_widget

APPS = ROOT / "apps"
CASE = "example-family-children-at-risk"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("safety")
    path = tmp / "demo.sqlite"
    build_demo_store(path, "en")
    voila = VoilaServer(APPS, f"sqlite:///{path}", tmp)
    yield voila, path
    voila.stop()


def _open_case(app: ConferenceDriver, page) -> None:
    app.wait_ready()
    app.fill("casekit-search", "B. family", saves=False)
    app.click("casekit-open-case")
    page.locator(".casekit-open-case-name").first.wait_for(timeout=30_000)


def _document(path):
    store = open_store(f"sqlite:///{path}")
    case = store.get(CASE)
    store.close()
    return case


def test_killing_the_kernel_loses_nothing_shown_as_saved(server, offline_page):
    voila, path = server
    page = offline_page()
    app = ConferenceDriver(page.page)
    page.page.goto(voila.url("conference"))
    _open_case(app, page.page)
    app.click("casekit-new-conference", saves=True)
    typed = [f"Kill test place {n}" for n in range(3)]
    for text in typed:
        app.fill("casekit-place", text)  # waits until "Saved" is shown
    app.go("story")
    app.fill("casekit-strengths-new", "Kill test strength", tag="textarea", saves=False)
    app.click("casekit-strengths-add", saves=True)
    shown = app.saved_text()
    assert shown.startswith("Saved")

    kernel_id = page.page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    pid = voila.kernel_pid(kernel_id)
    assert pid, f"the page's kernel process was not found: {kernel_id!r}"
    os.kill(pid, signal.SIGKILL)  # the meeting's kernel dies mid-conference
    time.sleep(1)

    page.page.reload()
    _open_case(app, page.page)
    app.click("casekit-continue-conference")
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=60_000)
    assert app.value_of("casekit-place") == typed[-1]
    case = _document(path)
    assert "Kill test strength" in case.strengths
    assert max(case.conferences, key=lambda c: (c.date, c.id)).place == typed[-1]
    page.assert_no_traceback()
    assert page.blocked == []


def test_a_hostile_client_changes_nothing_and_the_app_says_why(server, offline_page):
    voila, path = server
    page = offline_page()
    app = ConferenceDriver(page.page)
    page.page.goto(voila.url("conference"))
    _open_case(app, page.page)
    app.click("casekit-continue-conference")
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=60_000)
    for key in ("opening", "story", "assessment", "network", "plan", "review", "close"):
        app.go(key)  # every step's widgets exist now
    before = _document(path)

    kernel_id = page.page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    ws_url = f"ws://127.0.0.1:{voila.port}/api/kernels/{kernel_id}/channels"
    comms = spray_every_widget(ws_url, [
        {"value": 999999}, {"index": 999999}, {"value": -7}, {"value": ["not", "a", "value"]},
        {"value": {"year": 99999, "month": 13, "date": 40}},
    ])
    assert len(comms) > 50  # the client really reached the app's widgets

    after = _document(path)
    assert after.version == before.version
    assert after.model_dump() == before.model_dump()
    text = page.page.inner_text("body")
    assert "[object Object]" not in text and "999999" not in text
    assert "not accepted" in text or "not one of the choices" in text or "Not saved" in text
    page.assert_no_traceback()
