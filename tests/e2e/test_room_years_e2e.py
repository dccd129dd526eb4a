"""The room view on a case of five years (benchmarks' 5-year case: 18 rated life domains, 27 raters, 40 actors,
30 goals, 1,000 actions, a long request), every step at 1280×720 and 1024×768 in Czech and English: one screen,
nothing cut or sideways, readable from the back. On the demo case the steps fit; on this one the grid's columns
ran beyond the window, its rows below it, the ecomap's names overlapped and Review's goals ran off the screen.

The room follows the store's room state: this test writes it (step, language, layout) as a console does."""
from __future__ import annotations

import sys

import pytest

from casekit.conference.room_state import RoomState
from casekit.i18n import gettext
from casekit.store import open_store

from conftest import ROOT, SHOTS, VoilaServer
from rules import assert_fits, assert_readable

STEPS = ("opening", "story", "assessment", "network", "plan", "review", "close")


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_store_case import build_large_store

    tmp = tmp_path_factory.mktemp("years")
    url = f"sqlite:///{tmp / 'years.sqlite'}"
    store, case = build_large_store(url, with_assessments=False, demo=False)
    store.close()
    server = VoilaServer(ROOT / "apps", url, tmp)
    yield server, url, case
    server.stop()


@pytest.mark.parametrize("width,height", [(1280, 720), (1024, 768)])
def test_every_room_step_of_a_case_of_years_fits(years, offline_page, width, height):
    server, url, case = years
    conference = max(case.conferences, key=lambda c: (c.date, c.id))
    layout = "4:3" if width == 1024 else "16:9"
    page = offline_page(width, height)
    room = page.page
    room.goto(server.url("room"))
    room.locator(".room-screen").first.wait_for(timeout=120_000)
    store = open_store(url, user="e2e")
    try:
        for lang in ("cs", "en"):
            for number, step in enumerate(STEPS, start=2):
                state = RoomState(conference_id=conference.id, case_id=case.id, step=step,
                                  revealed={"lang": lang, "layout": layout, "privacy": True})
                store.save_room_state(state)
                title = f"{number} / 8"
                room.locator(".casekit-step-title", has_text=title).filter(
                    has_text=gettext(f"conf.step_{step}", lang)).first.wait_for(timeout=30_000)
                room.wait_for_timeout(500)  # the charts' fonts laid out
                what = f"room {step} {width}x{height} {lang} (5-year case)"
                assert_fits(room, what, screens=1)
                assert_readable(room, what)
                page.assert_no_traceback()
                folder = SHOTS / "room-years" / f"{width}x{height}-{lang}"
                folder.mkdir(parents=True, exist_ok=True)
                room.screenshot(path=str(folder / f"{number}-{step}.png"))
    finally:
        store.close()
    assert page.blocked == []
