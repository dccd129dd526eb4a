"""The case-study app in headless Chromium: pick a pack, reveal it stage by stage, rate, compare; offline.
Then its screens at 1280×720 (16:9) and 1024×768 (4:3), in Czech and in English, measured against the rules of a
projected screen (:mod:`measure`): nothing cut, nothing sideways, the header and the stage bar always in view."""
from __future__ import annotations

import pytest

from casekit.vocab import NeedStatus

from conftest import ROOT, SHOTS, VoilaServer
from driver import COLD
from measure import measure

APPS = ROOT / "apps"
SIZES = [(1280, 720, "16:9"), (1024, 768, "4:3")]
HEADER = {"header": ".casekit-header"}
#: on a stage: the header, the stage bar and the stage's heading with "Next stage" stay in view
STAGE_CHROME = {**HEADER, "stage bar": ".casekit-stagebar", "stage heading": ".casekit-stage-row"}


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


@pytest.mark.parametrize(("width", "height", "layout"), SIZES, ids=["1280x720", "1024x768"])
def test_every_screen_keeps_the_projector_rules(server, offline_page, width, height, layout):
    """The picker, the first stage, the assessment stage compared with the reference and the last stage with what
    happened next, in Czech and English: no cut label, nothing sideways, the chrome in view."""
    page = offline_page(width, height)
    p = page.page
    shots = SHOTS / "case-study" / f"{width}x{height}"
    shots.mkdir(parents=True, exist_ok=True)
    p.goto(server.url("case_study"))
    p.locator(".casekit-study-picker select").first.wait_for(timeout=COLD)
    if layout == "4:3":
        p.locator(".casekit-layout").get_by_role("button", name="4:3").click()
        p.locator(".casekit-app.casekit-layout-4x3").first.wait_for(timeout=COLD)
    results, broken = {}, {}

    def check(key: str, chrome: dict[str, str]) -> None:
        p.wait_for_timeout(300)  # the last frame painted
        p.screenshot(path=str(shots / f"{key}.png"))
        m = measure(p, chrome=chrome)
        results[key] = m.summary()
        if m.breaks():
            broken[key] = m.breaks()
        page.assert_no_traceback()

    def stage(number: int) -> None:
        button = p.locator(f".casekit-stage-button-{number}").first
        if button.is_disabled():
            p.locator(".casekit-study-next").first.click()
        else:
            button.click()
        p.locator(f".casekit-stage-button-{number}.casekit-stage-current").first.wait_for(timeout=COLD)
        p.locator(f".casekit-body .casekit-stage-{number}").first.wait_for(state="visible", timeout=COLD)

    for lang in ("cs", "en"):
        p.locator(".casekit-language").get_by_role("button", name=lang.upper()).click()
        p.locator(f".casekit-app.casekit-lang-{lang}").first.wait_for(timeout=COLD)
        if p.locator(".casekit-study-change").first.is_visible():
            p.locator(".casekit-study-change").first.click()
        p.locator(".casekit-body .casekit-study-picker").first.wait_for(state="visible", timeout=COLD)
        assert not p.locator(".casekit-stagebar").first.is_visible()  # no stages while choosing a pack
        check(f"{lang}-1-picker", HEADER)
        p.locator(".casekit-study-open").first.click()
        p.locator(".casekit-stagebar").first.wait_for(state="visible", timeout=COLD)
        stage(1)
        check(f"{lang}-2-first-stage", STAGE_CHROME)
        stage(2)
        if not p.locator(".casekit-rater-picker button").count():
            p.locator(".casekit-rater-name input").first.fill("Trainee A")
            p.locator(".casekit-add-rater").first.click()
        unmet = p.locator(".casekit-study-rater-form").get_by_role("button", name=NeedStatus.UNMET.label(lang))
        unmet.first.wait_for(timeout=COLD)
        for button in unmet.all()[:3]:
            button.click()
        if p.locator(".casekit-study-star").first.is_hidden():
            p.locator(".casekit-reveal").first.click()
        p.locator(".casekit-study-star").first.wait_for(state="visible", timeout=COLD)
        p.locator(".casekit-study-star").first.click()
        p.locator(".casekit-star svg").first.wait_for(timeout=COLD)
        check(f"{lang}-3-assessment-compared", STAGE_CHROME)
        last = p.locator(".casekit-stage-button").count()
        for number in range(3, last + 1):
            stage(number)
        p.locator(".casekit-body .casekit-what-next-button").last.click()
        p.locator(".casekit-body .casekit-what-next-text li").first.wait_for(timeout=COLD)
        check(f"{lang}-4-last-stage", STAGE_CHROME)
    print("\n".join(f"{key}: {summary}" for key, summary in results.items()))
    print("\n".join(f"{key}: {problem}" for key, problems in broken.items() for problem in problems))
    assert broken == {}
    assert page.blocked == []
