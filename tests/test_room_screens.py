"""The room view's screens and charts, without a browser: charts drawn for the box they fill (so a 22 px label
is 22 px on the projector), names never shortened, numbered spokes that match the grid's numbered rows, every
goal on Plan with the whole ladder of the goal open on the console, and no text under 24 px in the room's CSS.
The browser measures the same on every step (tests/e2e/test_console_e2e.py, ``rules.readable``)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

import casekit
from casekit.anonymise.projection import room_projection
from casekit.conference.room_state import RoomState
from casekit.widgets.room import screens
from casekit.widgets.room.chart_case import chart_case
from casekit.widgets.room.render import ecomap, screen_html, star
from casekit.widgets.shell.theme import PALETTES

EXAMPLES = ["family-children-at-risk", "psychosis-homelessness", "young-adult-leaving-care"]


def room_of(name: str, lang: str = "cs"):
    case = casekit.load_example(name, lang)
    conference = max(case.conferences, key=lambda c: (c.date, c.id))
    return case, conference, room_projection(case, privacy=True, lang=lang, conference_id=conference.id)


def svg_box(svg: str) -> tuple[float, float]:
    match = re.search(r'<svg[^>]*width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert match, svg[:200]
    return float(match[1]), float(match[2])


def texts(svg: str) -> list[str]:
    body = re.sub(r"<title>.*?</title>|<desc>.*?</desc>", "", svg)
    return [re.sub(r"<[^>]+>", "\n", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", body)]


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_star_is_drawn_for_its_box_with_numbered_spokes(name, layout):
    _case, _conference, room = room_of(name)
    view = screens.View(lang="cs", layout=layout)
    svg = star(room, view)
    assert svg_box(svg) == screens.chart_box(layout, "assessment")
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) >= 20
    spokes = screens.rated_domains(room)
    numbers = [t for t in texts(svg) if t.strip().isdigit()]
    assert numbers == [str(n) for n in range(1, len(spokes) + 1)]
    grid = screens.grid_html(room, view)  # the grid numbers its rows the same way
    assert re.findall(r"<td class='room-number'>(\d+)</td>", grid)[:len(spokes)] == numbers


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_ecomap_fills_its_box_and_never_shortens_a_name(name, layout):
    _case, _conference, room = room_of(name)
    svg = ecomap(room, "cs", layout)
    assert svg_box(svg) == screens.chart_box(layout, "network")
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) >= 20
    shown = [" ".join(t.split()) for t in texts(svg)]
    assert not any("…" in t for t in shown)
    joined = [t.replace("- ", "-") for t in shown]
    for actor in chart_case(room).actors:
        if actor.relationship.since is not None and actor.relationship.since > room.conference.date:
            continue  # not in the network yet on the conference's day
        assert " ".join(actor.name.split()) in joined, actor.name


def test_plan_lists_every_goal_and_the_whole_ladder_of_the_goal_open_on_the_console():
    case, conference, room = room_of("family-children-at-risk", "en")
    view = screens.View(lang="en", layout="16:9")
    state = RoomState(conference_id=conference.id, case_id=case.id, step="plan")
    html = screens.plan(room, state, view)
    assert html.count("<li") >= min(len(room.goals), 6) + 5
    first = room.goals[0]
    assert all(screens.esc(level.text) in html for level in first.levels if level.text)  # no goal open: the first
    last = room.goals[-1]
    html = screens.plan(room, state.reveal("plan_goal", last.id), view)
    assert all(screens.esc(level.text) in html for level in last.levels if level.text)
    assert "room-clamp" not in html and "…" not in html


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
def test_no_screen_clamps_or_shortens_what_it_shows(layout):
    case, conference, room = room_of("family-children-at-risk", "en")
    state = RoomState(conference_id=conference.id, case_id=case.id)
    for step in ("assessment", "network", "plan", "review", "close"):
        html = screen_html(room, state.go(step), step, lang="en", layout=layout,
                           now=datetime(2025, 1, 1, tzinfo=timezone.utc))
        assert "room-clamp" not in html and "…" not in html, step


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_room_css_has_no_text_under_24_px(layout, theme):
    css = screens.room_css(PALETTES[theme], layout)
    sizes = [int(s) for s in re.findall(r"font-size:\s*(\d+)px", css)]
    assert sizes and min(sizes) >= 24
