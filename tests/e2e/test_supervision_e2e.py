"""The supervision app in headless Chromium on the demo store: filter the caseload, drill down into a case,
record a session (checked in the store from this process), export the gap report; offline, no tracebacks."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from casekit.cli import build_demo_store
from casekit.store import open_store

from conftest import ROOT, SHOTS, VoilaServer
from driver import COLD, ConferenceDriver

APPS = ROOT / "apps"
WORKER = "Vondrová"   # the case manager of the demo's "Mr R." (example-psychosis-homelessness)
CASE = "example-psychosis-homelessness"
MARK = "E2E-SV-5K"    # in every text we type, to find it in the store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("supervision")
    path = tmp / "demo.sqlite"
    build_demo_store(path, "en").close()
    server = VoilaServer(APPS, f"sqlite:///{path}", tmp, lang="en")
    yield server, path, tmp
    server.stop()


def _select(page, css: str, pattern: str) -> None:
    select = page.locator(f".{css} select").first
    labels = select.evaluate("s => [...s.options].map(o => o.textContent)")
    # ipywidgets writes the spaces of an option's label as no-break spaces
    select.select_option(label=next(label for label in labels if re.search(pattern, label.replace("\xa0", " "))))


def test_a_supervision_is_recorded_in_the_browser(demo, offline_page):
    server, path, tmp = demo
    page = offline_page(1280, 720)
    p = page.page
    app = ConferenceDriver(p, SHOTS / "supervision")
    p.goto(server.url("supervision"))
    p.locator(".casekit-sv-cases table").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-workers table").first.wait_for(timeout=COLD)
    assert p.locator(".casekit-sv-case-row").count() == 5
    page.assert_no_traceback()
    app.shot("1-caseload")

    # the dashboard: filter by worker, then by alert kind
    _select(p, "casekit-sv-filter-worker", WORKER)
    p.wait_for_function("() => document.querySelectorAll('.casekit-sv-case-row').length === 1", timeout=COLD)
    assert "1 of 5" in p.locator(".casekit-sv-count").first.inner_text()
    _select(p, "casekit-sv-filter-alert", "Action overdue")
    p.wait_for_function("() => document.querySelectorAll('.casekit-sv-case-row').length === 1", timeout=COLD)
    assert p.locator(".casekit-sv-alert-action_overdue").count() >= 1
    app.shot("2-caseload-filtered")

    # drill down into the case: needs star, ecomap and plan
    p.locator(".casekit-sv-open-case").first.click()
    p.locator(".casekit-sv-view-button-case.casekit-current").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-star svg").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-ecomap svg").first.wait_for(timeout=COLD)
    assert "Mr R." in p.locator(".casekit-sv-facts").first.inner_text()
    assert p.locator(".casekit-sv-action-overdue").count() >= 1
    page.assert_no_traceback()
    app.shot("3-case-summary")

    # the privacy switch masks the client's name
    p.locator(".casekit-sv-privacy").first.click()
    p.wait_for_function("() => { const f = document.querySelector('.casekit-sv-facts');"
                        " return !!f && /Client \\d/.test(f.innerText) && !f.innerText.includes('Mr R.'); }",
                        timeout=COLD)
    p.locator(".casekit-sv-ecomap svg").first.wait_for(timeout=COLD)
    app.shot("4-case-summary-privacy")
    p.locator(".casekit-sv-privacy").first.click()
    p.wait_for_function("() => { const f = document.querySelector('.casekit-sv-facts');"
                        " return !!f && f.innerText.includes('Mr R.'); }", timeout=COLD)

    # a supervision session: worker, supervisor, start, cases, reflection, one competency answer, one action
    p.locator(".casekit-sv-view-button-session").first.click()
    p.locator(".casekit-sv-start-session").first.wait_for(timeout=COLD)
    _select(p, "casekit-sv-session-worker", WORKER)
    app.fill("casekit-sv-session-supervisor", f"Supervisor {MARK}", saves=False)
    app.click("casekit-sv-start-session", saves=True)
    p.locator(".casekit-sv-session-cases select").first.wait_for(state="visible", timeout=COLD)
    before = app.saves()
    _select(p, "casekit-sv-session-cases", re.escape("Mr R."))
    app.wait_saved(after=before)
    app.fill("casekit-sv-reflections", f"Stuck with the debts {MARK}", tag="textarea")
    before = app.saves()
    p.locator(".casekit-sv-competency").get_by_role("button", name=re.compile("Confident")).first.click()
    app.wait_saved(after=before)
    due = date.today() + timedelta(days=14)
    p.locator(".casekit-sv-new-action-what input").first.fill(f"Call the debt service {MARK}")
    p.locator(".casekit-sv-new-action-due input").first.fill(due.isoformat())
    p.locator(".casekit-sv-new-action-due input").first.press("Tab")
    p.wait_for_timeout(300)
    app.click("casekit-sv-add-action", saves=True)
    p.locator(".casekit-sv-agreed-action").first.wait_for(timeout=COLD)
    page.assert_no_traceback()
    app.shot("5-session")

    store = open_store(f"sqlite:///{path}")
    try:
        sessions = [s for s in store.sessions() if MARK in s.supervisor]
        assert len(sessions) == 1
        session = sessions[0]
        assert WORKER in session.worker and session.case_ids == [CASE]
        assert MARK in session.reflections
        assert [(a.what, a.due) for a in session.agreed_actions] == [(f"Call the debt service {MARK}", due)]
        answers = store.get_assessment(session.competency_assessment_id)
        assert answers.instrument_id == "casekit-competency" and answers.answers == {"communication": 4}
    finally:
        store.close()

    # the gap analysis: heatmap, holes, an export offered for download and written to the export folder
    p.locator(".casekit-sv-view-button-gaps").first.click()
    p.locator(".casekit-sv-heatmap svg").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-unserved-chart svg").first.wait_for(timeout=COLD)
    assert p.locator(".casekit-sv-hole").count() >= 1
    p.locator(".casekit-sv-export-html").first.click()
    link = p.locator(".casekit-sv-downloads a").first
    link.wait_for(timeout=COLD)
    with p.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("gap-analysis-")
    exported = list((tmp / "exports").glob("gap-analysis-*.html"))
    assert len(exported) == 1 and "<html" in exported[0].read_text(encoding="utf-8").lower()
    page.assert_no_traceback()
    # the shot shows the headline numbers and the heatmap (plain SVG, no Altair) under its heading
    p.locator(".casekit-sv-gaps-summary").first.evaluate("el => el.scrollIntoView({block: 'start'})")
    app.shot("6-gap-analysis")
    assert page.blocked == []
