"""The console against a real server with more than one page: two devices on one conference, a case added elsewhere,
a double click, a killed kernel, and privacy by construction in the DOM of every step of the console and the room."""
from __future__ import annotations

import os
import signal
import time
from datetime import date

import pytest

import casekit
from casekit.anonymise import SHOWN_IN_PRIVACY
from casekit.cli import build_demo_store
from casekit.model import Case
from casekit.store import open_store

from conftest import ROOT, VoilaServer
from driver import COLD, ConferenceDriver
from rules import texts_and_values
from test_console_e2e import STEPS, open_conference, room_shows

APPS = ROOT / "apps"
CASE = "example-family-children-at-risk"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("devices")
    path = tmp / "demo.sqlite"
    build_demo_store(path, "en")
    server = VoilaServer(APPS, f"sqlite:///{path}", tmp)
    yield server, path, tmp
    server.stop()


def _case(path):
    store = open_store(f"sqlite:///{path}")
    try:
        return store.get(CASE)
    finally:
        store.close()


def _conference(path):
    case = _case(path)
    return max(case.conferences, key=lambda c: (c.date, c.id))


def test_two_consoles_edit_different_fields_and_both_are_saved(demo, offline_page):
    server, path, _tmp = demo
    pages = [offline_page(1280, 720), offline_page(1280, 720)]
    apps = [ConferenceDriver(p.page) for p in pages]
    for page, app in zip(pages, apps):
        page.page.goto(server.url("conference"))
        open_conference(page.page, app, "B. family")
    apps[0].fill("casekit-place", "Room of device A")
    apps[1].fill("casekit-facilitator", "Facilitator from device B")  # B started before A saved
    apps[0].fill("casekit-minute-taker", "Minute-taker from device A")
    conference = _conference(path)
    assert conference.place == "Room of device A"
    assert conference.facilitator == "Facilitator from device B"
    assert conference.minute_taker == "Minute-taker from device A"
    for page in pages:
        assert not page.page.locator(".casekit-conflict").first.is_visible()

    # B follows A: a page with nothing waiting shows what the other device saved, within a second or so
    apps[0].fill("casekit-place", "Place typed on A")
    pages[1].page.wait_for_function(
        "() => [...document.querySelectorAll('.casekit-place input')].some(e => e.value === 'Place typed on A')",
        timeout=10_000)


def test_a_case_added_elsewhere_is_listed_on_a_new_page(demo, offline_page):
    server, path, _tmp = demo
    page = offline_page(1280, 720)
    page.page.goto(server.url("conference"))  # the preheated kernel read nothing at its start
    app = ConferenceDriver(page.page)
    app.wait_ready()
    store = open_store(f"sqlite:///{path}")
    store.save(Case.model_validate({"client": {"display_name": "Ms Newcomer Z"}, "case_manager": "H. Lesná",
                                    "opened": date.today(), "language": "en"}))
    store.close()
    app.fill("casekit-search", "Newcomer", saves=False)
    page.page.locator(".casekit-results option", has_text="Ms Newcomer Z").first.wait_for(state="attached",
                                                                                          timeout=COLD)


def test_a_double_click_adds_one_conference(demo, offline_page):
    server, path, _tmp = demo
    page = offline_page(1280, 720)
    app = ConferenceDriver(page.page)
    page.page.goto(server.url("conference"))
    app.wait_ready()
    app.fill("casekit-search", "B. family", saves=False)
    page.page.locator(".casekit-results select").first.select_option(index=0)
    app.click("casekit-open-case")
    page.page.locator(".casekit-open-case-name").first.wait_for(timeout=COLD)
    before = len(_case(path).conferences)
    page.page.locator(".casekit-new-conference").first.dblclick()
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=COLD)
    time.sleep(2)
    assert len(_case(path).conferences) == before + 1


def test_killing_the_kernel_loses_nothing_shown_as_saved(demo, offline_page):
    server, path, _tmp = demo
    page = offline_page(1280, 720)
    app = ConferenceDriver(page.page)
    page.page.goto(server.url("conference"))
    open_conference(page.page, app, "B. family")
    typed = [f"Kill test place {n}" for n in range(3)]
    for text in typed:
        app.fill("casekit-place", text)  # waits until "Saved" is shown
    kernel_id = page.page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    os.kill(server.kernel_pid(kernel_id), signal.SIGKILL)
    page.page.locator("#casekit-connection-lost").wait_for(timeout=5_000)
    page.page.reload()
    open_conference(page.page, app, "B. family")
    assert app.value_of("casekit-place") == typed[-1]
    assert _conference(path).place == typed[-1]
    page.assert_no_traceback()


# -- privacy by construction ---------------------------------------------------------------------------------------
IDENTIFIERS = ("Zdenka Markerova", "+420 777 888 999", "zdenka.markerova@example.cz", "Vodni 17", "785612/3456")
PLANTED = "with Zdenka Markerova (+420 777 888 999, zdenka.markerova@example.cz, Vodni 17, Brodce; 785612/3456)"


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The senior's case with a unique marker in every text field (the model walked, never a hand list) and, in
    every text the projection shows, a person's name, a phone, an e-mail, an address and a birth number."""
    import itertools

    from test_projection import plant

    counter, markers = itertools.count(1), {}

    def new_text(pattern: tuple) -> str:
        marker = f"mk{next(counter):04d}zq"
        markers[marker] = pattern
        shown = pattern in SHOWN_IN_PRIVACY and pattern not in {("client", "display_name"), ("actors", "*", "name")}
        return f"{marker} {PLANTED}" if shown else marker

    tmp = tmp_path_factory.mktemp("marked")
    path = tmp / "marked.sqlite"
    data = casekit.load_example("senior-dementia", "en").model_dump()
    plant(data, Case, new_text)
    data["version"] = 0
    marked_case = Case.model_validate(data)
    store = open_store(f"sqlite:///{path}")
    store.save(marked_case)
    store.close()
    server = VoilaServer(APPS, f"sqlite:///{path}", tmp)
    yield server, marked_case, markers
    server.stop()


def _hidden_markers(markers: dict) -> set[str]:
    return {m for m, pattern in markers.items() if pattern not in SHOWN_IN_PRIVACY}


def test_privacy_on_shows_no_hidden_field_and_no_identifier_on_any_step(marked, offline_page):
    server, case, markers = marked
    hidden = _hidden_markers(markers)
    assert len(hidden) > 30 and len(markers) > len(hidden)  # the walk reached hidden and shown fields alike
    console_page, room_page = offline_page(1280, 720), offline_page(1280, 720)
    console, room = console_page.page, room_page.page
    app = ConferenceDriver(console)
    room.goto(server.url("room"))
    console.goto(server.url("conference"))
    open_conference(console, app, case.client.display_name)
    console.locator(".casekit-privacy").first.click()  # the console projected itself: privacy on
    console.locator(".casekit-privacy-note").first.wait_for(timeout=COLD)
    for number, key in enumerate(("start",) + STEPS, start=1):
        app.go(key)
        if key != "start":
            room_shows(room, number)
        room.wait_for_timeout(600)
        for who, page in (("console", console), ("room", room)):
            shown = texts_and_values(page)
            leaked = sorted(m for m in hidden if m in shown)
            assert leaked == [], f"{who} {key}: hidden fields shown: {[markers[m] for m in leaked][:5]}"
            found = [i for i in IDENTIFIERS if i in shown]
            assert found == [], f"{who} {key}: identifiers shown: {found}"
