"""The supervision app in headless Chromium on the demo store: filter the caseload, drill down into a case,
record a session (checked in the store from this process), export the gap report; offline, no tracebacks.
Then every view at 1280×720 (16:9) and 1024×768 (4:3), in Czech and in English, with and without privacy,
measured against the rules of a projected screen (:mod:`measure`): nothing cut, nothing sideways, the header,
the view bar and the saved state always in view."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from casekit.cli import build_demo_store
from casekit.store import open_store

from conftest import ROOT, SHOTS, VoilaServer
from driver import COLD, ConferenceDriver
from measure import CHROME, measure

APPS = ROOT / "apps"
WORKER = "Vondrová"   # the case manager of the demo's "Mr R." (example-psychosis-homelessness)
CASE = "example-psychosis-homelessness"
MARK = "E2E-SV-5K"    # in every text we type, to find it in the store
VIEWS = ("dashboard", "case", "session", "gaps")
SIZES = [(1280, 720, "16:9"), (1024, 768, "4:3")]
#: what must stay in view: the shell's header and saved state, and the view bar (the shell's step bar)
SV_CHROME = {**CHROME, "view bar": ".casekit-stepbar"}


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


def _texts_and_values(page) -> str:
    """What the page shows: its text, the values of its inputs, its options and tooltips."""
    return page.evaluate("""() => document.body.innerText + '\\n'
      + [...document.querySelectorAll('input, textarea, select')].map(e => e.value).join('\\n') + '\\n'
      + [...document.querySelectorAll('option')].map(o => o.textContent).join('\\n') + '\\n'
      + [...document.querySelectorAll('[title]')].map(e => e.getAttribute('title')).join('\\n')""")


def _go(p, view: str) -> None:
    p.locator(f".casekit-sv-view-button-{view}").first.click()
    p.locator(f".casekit-sv-view-button-{view}.casekit-current").first.wait_for(timeout=COLD)
    p.locator(f".casekit-body .casekit-sv-view-{view}").first.wait_for(state="visible", timeout=COLD)


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

    # a case added on another device meanwhile: listed after "Refresh", the filter kept
    store = open_store(f"sqlite:///{path}", user="another device")
    try:
        case = store.get(CASE)
        client = case.client.model_copy(update={"display_name": "Ms N."})
        store.save(case.model_copy(update={"id": "added-meanwhile", "version": 0, "client": client}))
    finally:
        store.close()
    p.locator(".casekit-sv-refresh").first.click()
    p.wait_for_function("() => /of 6/.test(document.querySelector('.casekit-sv-count').innerText)", timeout=COLD)
    assert p.locator(".casekit-sv-case-row").count() == 2  # the same worker, the same overdue action
    _select(p, "casekit-sv-filter-alert", "All")
    _select(p, "casekit-sv-case-choice", re.escape("Mr R."))

    # drill down into the case: needs star, ecomap and plan
    p.locator(".casekit-sv-open-case").first.click()
    p.locator(".casekit-sv-view-button-case.casekit-current").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-star svg").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-ecomap svg").first.wait_for(timeout=COLD)
    assert "Mr R." in p.locator(".casekit-sv-facts").first.inner_text()
    assert p.locator(".casekit-sv-action-overdue").count() >= 1
    page.assert_no_traceback()
    app.shot("3-case-summary")

    # the privacy switch: the summary shows the room projection (people by initials, no contact details)
    assert WORKER in _texts_and_values(p)
    p.locator(".casekit-privacy").first.click()
    p.wait_for_function("() => { const f = document.querySelector('.casekit-sv-facts');"
                        " return !!f && f.innerText.includes('D. V.') && !f.innerText.includes('Vondrová'); }",
                        timeout=COLD)
    p.locator(".casekit-sv-ecomap svg").first.wait_for(timeout=COLD)
    assert WORKER not in _texts_and_values(p)
    app.shot("4-case-summary-privacy")
    p.locator(".casekit-privacy").first.click()
    p.wait_for_function("() => { const f = document.querySelector('.casekit-sv-facts');"
                        " return !!f && f.innerText.includes('Vondrová'); }", timeout=COLD)

    # a supervision session: worker, supervisor, start, cases, reflection, one competency answer, one action
    p.locator(".casekit-sv-view-button-session").first.click()
    p.locator(".casekit-sv-start-session").first.wait_for(timeout=COLD)
    _select(p, "casekit-sv-session-worker", WORKER)
    app.fill("casekit-sv-session-supervisor", f"Supervisor {MARK}", saves=False)
    app.click("casekit-sv-start-session", saves=True)
    p.locator(".casekit-sv-session-cases input[type=checkbox]").first.wait_for(state="visible", timeout=COLD)
    cases = p.locator(".casekit-sv-session-cases .casekit-checklist-item")
    before = app.saves()
    cases.filter(has_text=re.compile(re.escape("Mr R."))).first.locator("input").check()
    app.wait_saved(after=before)
    assert cases.filter(has_text=re.compile(re.escape("Mr R."))).first.locator("input").is_checked()
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

    # with privacy on the session shows no reflection, no action text and the supervisor by initials
    p.locator(".casekit-privacy").first.click()
    p.locator(".casekit-sv-agreed-actions-hidden").first.wait_for(timeout=COLD)
    shown = _texts_and_values(p)
    assert MARK not in shown and "Supervisor" in shown and "S. E." in shown, shown[:2000]
    app.shot("6-session-privacy")
    p.locator(".casekit-privacy").first.click()
    p.locator(".casekit-sv-new-action-what").first.wait_for(timeout=COLD)

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
    app.shot("7-gap-analysis")
    assert page.blocked == []


@pytest.mark.parametrize(("width", "height", "layout"), SIZES, ids=["1280x720", "1024x768"])
def test_every_view_keeps_the_projector_rules(demo, offline_page, width, height, layout):
    """Each view in Czech and English (and the case and the session with privacy on): no cut label, nothing
    sideways, header, view bar and saved state in view with the body scrolled to its end."""
    server, _path, _tmp = demo
    page = offline_page(width, height)
    p = page.page
    shots = SHOTS / "supervision" / f"{width}x{height}"
    shots.mkdir(parents=True, exist_ok=True)
    p.goto(server.url("supervision"))
    p.locator(".casekit-sv-cases table").first.wait_for(timeout=COLD)
    if layout == "4:3":
        p.locator(".casekit-layout").get_by_role("button", name="4:3").click()
        p.locator(".casekit-app.casekit-layout-4x3").first.wait_for(timeout=COLD)
    p.locator(".casekit-sv-open-case").first.click()  # a case for the summary
    p.locator(".casekit-sv-star svg").first.wait_for(timeout=COLD)
    results, broken = {}, {}
    for lang in ("cs", "en"):
        p.locator(".casekit-language").get_by_role("button", name=lang.upper()).click()
        p.locator(f".casekit-app.casekit-lang-{lang}").first.wait_for(timeout=COLD)
        for privacy in (False, True) if lang == "cs" else (False,):
            if privacy:
                p.locator(".casekit-privacy").first.click()
                p.locator(".casekit-privacy.mod-active").first.wait_for(timeout=COLD)
            for n, view in enumerate(VIEWS, start=1):
                if privacy and view in ("dashboard", "gaps"):
                    continue
                _go(p, view)
                if view == "case":
                    p.locator(".casekit-body .casekit-sv-ecomap svg").first.wait_for(timeout=COLD)
                if view == "session" and p.locator(".casekit-body .casekit-sv-start-session").is_visible():
                    if p.locator(".casekit-sv-session-picker option").count() > 1:  # the session recorded above
                        p.locator(".casekit-sv-session-picker select").first.select_option(index=1)
                    else:
                        p.locator(".casekit-sv-start-session").first.click()
                    p.locator(".casekit-body .casekit-sv-competency-form").first.wait_for(state="visible",
                                                                                         timeout=COLD)
                if view == "gaps":
                    p.locator(".casekit-body .casekit-sv-heatmap svg").first.wait_for(timeout=COLD)
                p.wait_for_timeout(300)  # the last frame painted
                key = f"{lang}-{n}-{view}" + ("-privacy" if privacy else "")
                p.screenshot(path=str(shots / f"{key}.png"))
                m = measure(p, chrome=SV_CHROME)
                results[key] = m.summary()
                if m.breaks():
                    broken[key] = m.breaks()
                page.assert_no_traceback()
            if privacy:
                p.locator(".casekit-privacy").first.click()
                p.locator(".casekit-privacy:not(.mod-active)").first.wait_for(timeout=COLD)
    print("\n".join(f"{key}: {summary}" for key, summary in results.items()))
    print("\n".join(f"{key}: {problem}" for key, problems in broken.items() for problem in problems))
    assert broken == {}
    assert page.blocked == []
