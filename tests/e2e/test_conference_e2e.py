"""A whole case conference in headless Chromium: every step, exports, reload, offline, no tracebacks."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from casekit.cli import build_demo_store
from casekit.store import open_store

from conftest import ROOT, SHOTS, VoilaServer
from driver import ConferenceDriver

APPS = ROOT / "apps"
CASE = "example-family-children-at-risk"
MARK = "E2E-7Q"  # a marker in every text we type, to find it again after the reload


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("conference")
    path = tmp / "demo.sqlite"
    build_demo_store(path, "en")
    server = VoilaServer(APPS, f"sqlite:///{path}", tmp)
    yield server, path, tmp
    server.stop()


def _stored(path: Path):
    store = open_store(f"sqlite:///{path}")
    try:
        return store.get(CASE), store
    finally:
        pass


def test_a_whole_conference_survives_a_reload(demo, offline_page):
    server, path, tmp = demo
    import urllib.request

    with urllib.request.urlopen(server.url("conference")) as response:  # the app never shows its source
        html = response.read().decode()
    assert "from casekit.widgets.conference import" not in html and "from_environment()" not in html
    page = offline_page(1280, 720)
    app = ConferenceDriver(page.page, SHOTS / "1280x720", prefix="")
    page.page.goto(server.url("conference"))
    app.wait_ready()
    page.assert_no_traceback()

    # 1 Start: find the case by pseudonym, open it, start a new conference
    app.shot("1-start")
    app.fill("casekit-search", "B. family", saves=False)
    app.click("casekit-open-case")
    page.page.locator(".casekit-open-case-name").first.wait_for(timeout=30_000)
    app.click("casekit-new-conference", saves=True)
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=60_000)
    page.assert_no_traceback()

    # 2 Opening: place, a participant with consent and confidentiality, an agenda item
    app.fill("casekit-place", f"Town hall {MARK}")
    app.fill("casekit-new-participant", f"Ms Teacher {MARK}", saves=False)
    app.click("casekit-add-participant", saves=True)
    for n in range(3):  # attended, consent, confidentiality acknowledged (rows are redrawn after each save)
        box = page.page.locator(".casekit-participant", has_text=MARK).locator("input[type=checkbox]").nth(n)
        if not box.is_checked():
            before = app.saves()
            box.check()
            app.wait_saved(after=before)
    app.fill("casekit-new-item-title", f"School report {MARK}", saves=False)
    app.click("casekit-add-agenda-item", saves=True)
    app.shot("2-opening")
    page.assert_no_traceback()

    # 3 Story and strengths
    app.go("story")
    app.fill("casekit-strengths-new", f"Keeps the flat tidy {MARK}", tag="textarea", saves=False)
    app.click("casekit-strengths-add", saves=True)
    app.shot("3-story")
    page.assert_no_traceback()

    # 4 Assessment: the client rates housing as an unmet need; the star appears
    app.go("assessment")
    before = app.saves()
    page.page.locator(".casekit-step-assessment").get_by_role("button", name="Unmet need").first.click()
    app.wait_saved(after=before)
    page.page.locator(".casekit-star svg").first.wait_for(timeout=90_000)
    app.shot("4-assessment")
    page.assert_no_traceback()

    # 5 Network: a new actor; the ecomap is drawn
    app.go("network")
    page.page.locator(".casekit-ecomap svg").first.wait_for(timeout=90_000)
    app.fill("casekit-new-actor-name", f"Neighbour {MARK}", saves=False)
    app.click("casekit-add-actor-button", saves=True)
    app.shot("5-network")
    page.assert_no_traceback()

    # 6 Plan: a goal in the client's words and an action with a due date
    app.go("plan")
    app.fill("casekit-new-goal", f"We keep the new flat {MARK}", tag="textarea", saves=False)
    app.click("casekit-add-goal", saves=True)
    app.fill("casekit-new-action", f"Ask the landlord about a payment plan {MARK}", saves=False)
    app.field("casekit-new-due").fill("2026-12-15")
    app.click("casekit-add-action", saves=True)
    app.shot("6-plan")
    page.assert_no_traceback()

    # 7 Review: score the first goal +1
    app.go("review")
    before = app.saves()
    page.page.locator(".casekit-gas-score select").first.select_option(index=4)  # –, −2, −1, 0, +1
    app.wait_saved(after=before)
    app.shot("7-review")
    page.assert_no_traceback()

    # 8 Close: a decision with dissent, the next review, exports
    app.go("close")
    app.fill("casekit-new-decision", f"Apply for a flat in the municipal scheme {MARK}", tag="textarea", saves=False)
    app.click("casekit-add-decision", saves=True)
    before = app.saves()
    app.field("casekit-next-review").fill("2027-03-01")
    app.field("casekit-next-review").press("Tab")
    app.wait_saved(after=before)
    for fmt in ("md", "html", "docx"):
        app.click(f"casekit-export-{fmt}")
        link = page.page.locator(f".casekit-downloads a[download$='.{fmt}']").first
        link.wait_for(timeout=60_000)
        with page.page.expect_download() as download:
            link.click()
        target = tmp / f"downloaded.{fmt}"
        download.value.save_as(target)
        assert target.stat().st_size > 500
    assert MARK in (tmp / "downloaded.md").read_text(encoding="utf-8")
    app.shot("8-close")
    page.assert_no_traceback()

    assert page.blocked == []
    case, store = _stored(path)
    conference = max(case.conferences, key=lambda c: (c.date, c.id))
    assert conference.place == f"Town hall {MARK}"
    teacher = next(p for p in conference.participants if MARK in p.name)
    assert teacher.consent and teacher.confidentiality_acknowledged
    assert any(MARK in item.title for item in conference.agenda)
    assert any(MARK in s for s in case.strengths)
    assert any(MARK in a.name for a in case.actors)
    goal = next(g for g in case.goals if MARK in g.text)
    action = next(a for a in case.actions if MARK in a.what)
    assert action.due == date(2026, 12, 15) and action.id in conference.action_ids
    assert any(r.conference_id == conference.id and r.gas_scores for r in case.reviews)
    assert any(MARK in d.text for d in conference.decisions)
    assert conference.next_review == date(2027, 3, 1)
    housing = next(n for n in case.needs if n.domain.value == "housing")
    assert housing.rating("client").status.value == "unmet"

    # reload: a new kernel, same store; everything shown as saved is there
    page.page.reload()
    app.wait_ready()
    app.fill("casekit-search", "B. family", saves=False)
    app.click("casekit-open-case")
    page.page.locator(".casekit-open-case-name").first.wait_for(timeout=30_000)
    app.click("casekit-continue-conference")
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=60_000)
    assert app.value_of("casekit-place") == f"Town hall {MARK}"
    values = lambda css: page.page.locator(f".{css} input, .{css} textarea").evaluate_all(  # noqa: E731
        "els => els.map(e => e.value)")
    assert MARK in " ".join(page.page.locator(".casekit-participant").all_inner_texts())
    assert any(MARK in v for v in values("casekit-agenda-item"))
    app.go("story")
    assert any(MARK in v for v in values("casekit-strengths"))
    app.go("network")
    assert MARK in page.page.locator(".casekit-actor-select").first.inner_text()
    app.go("plan")
    assert any(MARK in v for v in values("casekit-goal")) and any(MARK in v for v in values("casekit-action"))
    app.go("close")
    assert any(MARK in v for v in values("casekit-decision"))
    assert app.value_of("casekit-next-review") == "2027-03-01"
    page.assert_no_traceback()
    assert page.blocked == []


def test_every_step_on_a_4_3_projector(demo, offline_page):
    server, path, tmp = demo
    page = offline_page(1024, 768)
    app = ConferenceDriver(page.page, SHOTS / "1024x768")
    page.page.goto(server.url("conference"))
    app.wait_ready()
    app.fill("casekit-search", "K.", saves=False)
    page.page.locator(".casekit-results select").first.select_option(index=0)
    app.click("casekit-open-case")
    page.page.locator(".casekit-open-case-name").first.wait_for(timeout=30_000)
    app.shot("1-start")
    app.click("casekit-continue-conference")
    page.page.locator(".casekit-step-button-opening.casekit-current").first.wait_for(timeout=60_000)
    page.page.locator(".casekit-layout").get_by_role("button", name="4:3").click()
    page.page.locator(".casekit-layout-4x3").first.wait_for(timeout=30_000)
    for n, key in enumerate(["opening", "story", "assessment", "network", "plan", "review", "close"], start=2):
        app.go(key)
        if key == "network":
            page.page.locator(".casekit-ecomap svg").first.wait_for(timeout=90_000)
        app.shot(f"{n}-{key}")
        page.assert_no_traceback()
        width = page.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1024, f"{key}: the page scrolls sideways ({width} px)"
    assert page.blocked == []
