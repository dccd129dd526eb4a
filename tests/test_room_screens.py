"""The room view's screens and charts, without a browser: charts drawn for the box they fill (so a 22 px label
is 22 px on the projector), names never shortened, numbered spokes that match the grid's numbered rows, every
goal on Plan with the whole ladder of the goal open on the console (or, with no ladder open, the actions as many
as fit, open first, then "+N more actions"), and no text under 24 px in the room's CSS.
The browser measures the same on every step (tests/e2e/test_console_e2e.py, ``rules.readable``)."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest

import casekit
from casekit.anonymise.projection import room_projection
from casekit.conference.room_state import RoomState
from casekit.i18n import format_date, gettext, ngettext
from casekit.model.plan import Action
from casekit.widgets.room import screens
from casekit.widgets.room.chart_case import chart_case
from casekit.widgets.room.render import ecomap, screen_html, star
from casekit.widgets.shell.theme import PALETTES
from casekit.vocab import ActionStatus

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


def plan_room(lang: str, **changes):
    """The family's case with the partner's cancelled action open again (a person: initials in the room) and
    ``changes`` to the case, projected for the room in privacy mode."""
    case = casekit.load_example("family-children-at-risk", lang)
    actions = [a.model_copy(update={"status": ActionStatus.PLANNED, "due": date(2026, 1, 15)})
               if a.owner_id == "act-partner" else a for a in case.actions]
    case = case.model_copy(update={"actions": actions, **changes})
    conference = max(case.conferences, key=lambda c: (c.date, c.id))
    return case, conference, room_projection(case, privacy=True, lang=lang, conference_id=conference.id)


def cells(html: str) -> list[list[str]]:
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html)[1:]]


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_plan_without_a_ladder_open_shows_the_goals_and_the_actions_open_first(lang, layout):
    case, conference, room = plan_room(lang)
    view = screens.View(lang=lang, layout=layout, now=datetime(2025, 12, 3, tzinfo=timezone.utc))
    state = RoomState(conference_id=conference.id, case_id=case.id, step="plan")
    html = screens.plan(room, state, view)
    assert "room-ladder" not in html and "room-plan-actions" in html
    assert all(f"<span>{screens.esc(g.text)}</span>" in html for g in room.goals[:4])  # numbered goals
    rows = cells(html)
    assert 3 <= len(rows) < len(room.actions)  # as many as fit; the rest counted below
    partner = next(a for a in room.actions if a.owner_id == "act-partner")
    assert partner.owner_label == "S."  # initials: what the projection gives the room
    due = format_date(date(2026, 1, 15), lang)
    assert due == ("15. 1. 2026" if lang == "cs" else "15 Jan 2026")
    # the open actions first, the nearest due date first: the partner's (15 Jan 2026), then the client's (Oct 2026)
    assert rows[0] == [screens.esc(partner.what), "S.", due, partner.status_label]
    job = next(a for a in room.actions if a.status == ActionStatus.IN_PROGRESS.value)
    assert rows[1] == [screens.esc(job.what), job.owner_label, format_date(date(2026, 10, 31), lang),
                       gettext("action_status.in_progress", lang)]
    closed = (gettext("action_status.done", lang), gettext("action_status.cancelled", lang))
    assert rows[2:] and all(r[3] in closed for r in rows[2:])  # then the done and cancelled ones
    assert "partner" not in html and "father" not in html and "otec" not in html  # the name stays with the console
    hidden = len(room.actions) - len(rows)
    assert screens.esc(ngettext("room.more_actions", hidden, lang)) in html
    assert "room-clamp" not in html and "…" not in html


def test_plan_with_a_ladder_open_shows_the_goals_and_that_ladder_without_the_actions():
    case, conference, room = room_of("family-children-at-risk", "en")
    view = screens.View(lang="en", layout="16:9")
    state = RoomState(conference_id=conference.id, case_id=case.id, step="plan")
    last = room.goals[-1]
    html = screens.plan(room, state.reveal("plan_goal", last.id), view)
    assert "room-plan-actions" not in html and "room-ladder" in html
    assert html.count("<li") >= min(len(room.goals), 6) + 5
    assert all(screens.esc(level.text) in html for level in last.levels if level.text)
    assert f"Goal {len(room.goals)}" in html
    assert "room-clamp" not in html and "…" not in html
    gone = screens.plan(room, state.reveal("plan_goal", "goal-removed-meanwhile"), view)  # its goal is gone
    assert "room-ladder" not in gone and "room-plan-actions" in gone


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_plan_shows_as_many_actions_as_fit_and_counts_the_rest(lang, layout):
    base = casekit.load_example("family-children-at-risk", lang)
    long = "Ask the municipal flats office for a written repayment schedule and bring it to the next meeting"
    many = [Action(id=f"act-many-{n:02d}", what=f"{long} ({n})" if n % 2 else f"Call the school ({n})",
                   owner_id="act-partner", due=date(2026, 1, 1 + n), status=ActionStatus.PLANNED)
            for n in range(25)]
    case, conference, room = plan_room(lang, actions=many + list(base.actions))
    view = screens.View(lang=lang, layout=layout, now=datetime(2025, 12, 3, tzinfo=timezone.utc))
    html = screens.plan(room, RoomState(conference_id=conference.id, case_id=case.id, step="plan"), view)
    rows = cells(html)
    hidden = len(room.actions) - len(rows)
    assert 3 <= len(rows) <= 12 and hidden > 20
    assert [r[0].rsplit("(", 1)[-1] for r in rows] == [f"{n})" for n in range(len(rows))]  # open, by due date
    assert f"<p class='room-more'>{screens.esc(ngettext('room.more_actions', hidden, lang))}</p>" in html
    assert ngettext("room.more_actions", 1, lang) != ngettext("room.more_actions", 5, lang)
    assert ngettext("room.more_actions", 3, "cs") == "+3 další kroky"
    # what fits is measured for the screen: the rows drawn never need more than the room's screen
    goals_and_heads = screens.H2_PX * 2 + 10 + screens.ROW_LINE_PX + 40
    used = sum(screens._action_row_px(a, view) for a in screens.plan_actions(room)[:len(rows)])
    assert used + goals_and_heads < screens.SCREEN_BOXES[layout][1]


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


# -- a case of five years: 18 rated domains, 27 raters, 40 actors, 30 goals, 1,000 actions ------------------------
@pytest.fixture(scope="module")
def years():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_store_case import large_case

    return large_case()


def room_of_case(case, lang: str):
    conference = max(case.conferences, key=lambda c: (c.date, c.id))
    return room_projection(case, privacy=True, lang=lang, conference_id=conference.id)


@pytest.mark.parametrize("layout", ["16:9", "4:3"])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_case_of_years_fits_the_room(years, layout, lang):
    """What the browser measured on the 5-year case before (columns A1–A25 beyond the window, 18 rows below it,
    30 goals in Review's table, 40 names overlapping on the ecomap, a request clamped to 9 lines) is capped by
    what fits, with "+N more … on the console"."""
    room = room_of_case(years, lang)
    view = screens.View(lang=lang, layout=layout)
    # the grid: the client, the worker and a few actors, those at this conference first
    columns = screens.rater_columns(room, view)
    actors = [key for key, _short, _full in columns if key.startswith("actor:")]
    assert len(actors) == screens.ACTOR_COLUMNS[layout] and [k for k, _s, _f in columns[:2]] == ["client", "worker"]
    here = {f"actor:{p.actor_id}" for p in room.conference.participants if p.actor_id}
    rating_actors = {k for k, _l in screens._rater_labels(room, view) if k.startswith("actor:")}
    assert set(actors) <= here or here & rating_actors <= set(actors)
    grid = screens.grid_html(room, view)
    rows = re.findall(r"<td class='room-number'>(\d+)</td>", grid)
    assert 0 < len(rows) < 18
    hidden = 18 - len(rows)
    assert screens.esc(ngettext("room.more_domains", hidden, lang)) in grid
    assert screens.esc(ngettext("room.more_views", len(rating_actors) - len(actors), lang)) in grid
    shown = [n for n in room.needs if n.ratings and str(screens.rated_domains(room).index(n.domain) + 1) in rows]
    left = [n for n in room.needs if n.ratings and n not in shown]
    assert not any(n.unmet or n.disagreement for n in left) or all(n.unmet or n.disagreement for n in shown)
    star_svg = star(room, view)  # the star draws the grid's raters only
    assert star_svg.count("<polygon") <= 2 + screens.ACTOR_COLUMNS[layout] + 1
    # the ecomap: at most ECOMAP_ACTORS, those at this conference among them
    drawn, left_out = screens.ecomap_room(room, layout)
    most = screens.ECOMAP_ACTORS[layout]
    assert len(drawn.actors) == most and left_out == len(room.actors) - most
    ids = {a.id for a in drawn.actors}
    assert all(i in ids for n in drawn.needs for i in n.actor_ids)
    html = screen_html(room, RoomState(conference_id=room.conference.id, step="network"), "network", lang=lang,
                       layout=layout)
    assert screens.esc(ngettext("room.more_actors", left_out, lang)) in html
    # Review: the latest goals that fit, then how many more
    review = screens.gas_table(room, view)
    goals = re.findall(r"<td class='room-number'>(\d+)</td>", review)
    assert 0 < len(goals) <= 6 and goals[-1] == str(len(room.goals))
    assert screens.esc(gettext("room.more_goals", lang, count=len(room.goals) - len(goals))) in review
    # Story: the request whole, across the screen, the lists under it
    story = screens.story(room, None, view)
    assert "room-story-wide" in story and screens.esc(room.request) in story and "…" not in story


def test_a_request_longer_than_half_the_screen_ends_with_an_ellipsis(years):
    room = room_of_case(years, "en").model_copy(update={"request": " ".join(["Word"] * 400)})
    html = screens.story(room, None, screens.View(lang="en"))
    assert "Word …</p>" in html and html.count("Word") < 400
