"""The case-study app in headless Chromium: pick a pack, reveal it stage by stage, rate, compare; offline."""
from __future__ import annotations

import pytest

from conftest import ROOT, SHOTS, VoilaServer
from driver import COLD

APPS = ROOT / "apps"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("study")
    voila = VoilaServer(APPS, f"sqlite:///{tmp / 'store.sqlite'}", tmp)
    yield voila
    voila.stop()


def test_a_class_walks_through_a_case_study(server, offline_page):
    page = offline_page(1280, 720)
    p = page.page
    shots = SHOTS / "case-study"
    shots.mkdir(parents=True, exist_ok=True)
    p.goto(server.url("case_study"))
    p.locator(".casekit-study-app").first.wait_for(timeout=COLD)
    picker = p.locator(".casekit-study-picker select").first
    labels = picker.locator("option").all_inner_texts()
    assert len(labels) >= 3
    picker.select_option(label=labels[0])
    p.locator(".casekit-study-open").first.click()
    p.locator(".casekit-prompts").first.wait_for(timeout=COLD)
    p.screenshot(path=str(shots / "1-first-stage.png"))
    page.assert_no_traceback()

    # on to the assessment stage; the reference stays hidden until the trainer reveals it
    p.locator(".casekit-study-next").first.click()
    p.locator(".casekit-stage-button-2.casekit-stage-current").first.wait_for(timeout=COLD)
    p.locator(".casekit-rater-name input").first.fill("Trainee A")
    p.locator(".casekit-add-rater").first.click()
    p.locator(".casekit-study-app").get_by_role("button", name="Unmet need").first.wait_for(timeout=COLD)
    for button in p.locator(".casekit-study-app").get_by_role("button", name="Unmet need").all()[:3]:
        button.click()
    p.screenshot(path=str(shots / "2-rating.png"))
    p.locator(".casekit-reveal").first.click()
    p.locator(".casekit-agreement").first.wait_for(timeout=COLD)
    p.wait_for_function("() => { const a = document.querySelector('.casekit-agreement');"
                        " return !!a && /κ|kappa/i.test(a.innerText); }",
                        timeout=COLD)
    assert "Trainee A" in p.locator(".casekit-comparison").first.inner_text()
    p.screenshot(path=str(shots / "3-compared.png"))
    page.assert_no_traceback()

    # the remaining stages, and what happened next
    stages = 2
    while p.locator("button.casekit-study-next:not([disabled])").count():
        current = p.locator(".casekit-stage-current").first.inner_text()
        p.locator(".casekit-study-next").first.click()
        p.wait_for_function(
            "(before) => { const c = document.querySelector('.casekit-stage-current');"
            " return !!c && c.innerText !== before; }",
            arg=current, timeout=COLD)
        stages += 1
        page.assert_no_traceback()
    assert stages >= 4
    p.locator(".casekit-what-next-button").last.click()
    p.locator(".casekit-what-next-text").last.wait_for(timeout=COLD)
    p.screenshot(path=str(shots / "4-last-stage.png"))
    page.assert_no_traceback()
    assert page.blocked == []
