"""The apps' charts as plain SVG (casekit.charts.svg): well-formed, accessible, the same data as the Altair
charts, privacy and dates respected, and no Altair, vl-convert or pandas in the conference app's kernel."""
from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

import casekit
from casekit.charts.ecomap import ecomap_rows
from casekit.charts.gas import gas_rows
from casekit.charts.star_data import star_data, star_frame
from casekit.charts.svg import ecomap_svg, gas_svg, needs_star_svg
from casekit.charts.svg.builder import esc, wrap
from casekit.errors import InvalidData
from casekit.i18n import gettext
from casekit.instruments import Assessment, builtin, set_answer
from casekit.vocab import Flow, RelationshipKind, Sector

ROOT = Path(__file__).resolve().parents[1]
NS = {"s": "http://www.w3.org/2000/svg"}
NEEDS = builtin("casekit-needs")
DOMAINS = [d.id for d in NEEDS.domains]
CASE = casekit.load_example("family-children-at-risk", "en")
AS_OF = CASE.conferences[-1].date


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on anything that is not well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    w, h = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}" and w > 0 and h > 0
    assert root.find("s:title", NS) is not None and root.find("s:title", NS).text
    assert root.get("role") == "img"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def groups(root: ET.Element, css: str) -> list[ET.Element]:
    return [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == css]


def _rate(perspective, rater, statuses, actor_id=None, day=1, case_id="case-1"):
    a = Assessment.start(NEEDS, rater=rater, perspective=perspective, actor_id=actor_id, case_id=case_id,
                         date=date(2025, 3, day))
    for domain, status in statuses.items():
        a = set_answer(a, NEEDS, f"{domain}_status", status)
    return a


@pytest.fixture(scope="module")
def assessments():
    client = _rate("client", "Petr", {d: [0, 1, 2][i % 3] for i, d in enumerate(DOMAINS)})
    worker = _rate("worker", "Jana", {d: 2 for d in DOMAINS} | {"housing": 9}, day=20)
    mother = _rate("actor", "Matka", {d: 1 for d in DOMAINS[:7]}, actor_id="mother")
    older_worker = _rate("worker", "Jana", {d: 0 for d in DOMAINS}, day=1)
    return [client, older_worker, worker, mother]


# -- the shared builder -----------------------------------------------------------------------------------------
def test_text_and_attributes_are_escaped():
    assert esc('a & <b> "c" \'d\'\x07') == "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
    assert wrap("Social contacts and loneliness", 14) == ["Social", "contacts and", "loneliness"]


# -- the needs star ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs", [{"items": "*_status"}, {"items": "*_status", "perspectives": ["worker", "client"]},
                                    {"items": "*_severity", "fill": 0}, {"items": "*_status", "series": "rater"},
                                    {"by": "item", "items": ["housing_status", "income_status", "debts_status"]}])
def test_star_data_is_what_the_altair_star_draws(assessments, kwargs):
    data = star_data(assessments, NEEDS, lang="en", **kwargs)
    frame = star_frame(assessments, NEEDS, lang="en", **kwargs)
    assert [s.key for s in data.series] == list(dict.fromkeys(frame["series"]))
    assert [s.label for s in data.series] == list(dict.fromkeys(frame["series_label"]))
    assert data.spokes == list(dict.fromkeys(frame["spoke"]))
    assert data.spoke_labels == list(dict.fromkeys(frame["spoke_label"]))
    assert (data.low, data.high) == (frame["low"].iloc[0], frame["high"].iloc[0])
    for series in data.series:
        expected = frame[frame["series"] == series.key]["value"].tolist()
        assert len(expected) == len(series.values)
        for mine, theirs in zip(series.values, expected):
            assert (mine is None and math.isnan(theirs)) or mine == pytest.approx(theirs)


def test_the_star_has_a_spoke_per_domain_and_a_line_per_perspective(assessments):
    root = parse(needs_star_svg(assessments, NEEDS, lang="en", width=900, font_size=21))
    grid = groups(root, "casekit-star-grid")[0]
    spokes = grid.findall("s:line", NS)
    rings = grid.findall("s:polygon", NS)
    assert len(spokes) == len(DOMAINS) == 18 and len(rings) == 2  # rings at 1 (met) and 2 (unmet)
    series = groups(root, "casekit-star-series")
    assert [g.get("data-series") for g in series] == ["client", "worker", "actor:mother"]
    points = [len(g.findall("s:circle", NS)) for g in series]
    assert points == [18, 17, 7]  # the worker's "not known" housing is not drawn; the mother rated 7 domains
    assert all(len(g.findall("s:polygon", NS)) == 1 for g in series)
    dashes = [g.find("s:polygon", NS).get("stroke-dasharray") for g in series]
    assert len(set(dashes)) == 3  # told apart by pattern as well as colour
    shown = texts(root)
    assert "Housing" in shown and "Perspective" in shown and "Needs by domain" in shown
    assert any(t.endswith(": Matka") for t in shown)
    labels = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("font-weight") == "bold"]
    assert all(float(t.get("font-size")) >= 18 for t in labels)
    assert float(root.get("width")) == 900  # fills its pane
    assert root.find("s:desc", NS).text.startswith("Needs star")


def test_the_star_escapes_labels_and_speaks_czech(assessments):
    svg = needs_star_svg(assessments, NEEDS, lang="cs", series_labels={"actor:mother": 'Matka <& "syn">'})
    root = parse(svg)
    assert 'Matka <& "syn">' in texts(root) and "Bydlení" in texts(root)
    assert "Matka <&" not in svg


def test_the_star_refuses_what_it_cannot_draw(assessments):
    with pytest.raises(InvalidData):
        needs_star_svg(assessments, NEEDS, items="nothing_*")
    with pytest.raises(InvalidData):
        needs_star_svg(assessments + [_rate("client", "X", {"housing": 1}, case_id="case-2")], NEEDS)


# -- the ecomap -------------------------------------------------------------------------------------------------
def _actor_groups(root):
    return groups(root, "casekit-ecomap-actor")


def test_the_ecomap_draws_every_actor_and_tie_with_its_style():
    rows = ecomap_rows(CASE, as_of=AS_OF)
    root = parse(ecomap_svg(CASE, as_of=AS_OF, lang="en", width=1220, spread="height"))
    assert len(_actor_groups(root)) == len(rows) > 10
    ties = groups(root, "casekit-ecomap-ties")[0]
    by_kind = {kind: [e for e in ties if e.get("data-kind") == kind.value] for kind in RelationshipKind}
    for kind in RelationshipKind:
        assert len(by_kind[kind]) == sum(r["kind"] == kind.value for r in rows)
    assert all(e.tag.endswith("polyline") for e in by_kind[RelationshipKind.STRESSFUL])
    assert all(e.get("stroke-dasharray") for e in by_kind[RelationshipKind.TENUOUS])
    heads = {Flow.TO_CLIENT: 1, Flow.FROM_CLIENT: 1, Flow.MUTUAL: 2, Flow.NONE: 0}
    arrows = [e for e in ties if e.get("class") == "casekit-ecomap-arrow"]
    assert len(arrows) == sum(heads[Flow(r["flow"])] for r in rows)
    shown = texts(root)
    assert CASE.client.display_name in shown and "Sector" in shown
    assert all(Sector(r["sector"]).label("en") in shown for r in rows)
    assert "Strong" in shown and "Stressful" in shown and "Linked to an unmet need" in shown
    assert abs(float(root.get("width")) - 1220) <= 0.05 * 1220
    assert root.find("s:title", NS).text == f"Ecomap, {casekit.minutes.format_date(AS_OF, 'en')}"


def test_the_dated_ecomap_leaves_out_actors_not_yet_in_the_network():
    early = CASE.opened
    later_names = [a.name for a in CASE.actors if a.relationship.since and a.relationship.since > early]
    assert later_names
    root = parse(ecomap_svg(CASE, as_of=early, lang="en", width=1220))
    assert len(_actor_groups(root)) == len(ecomap_rows(CASE, as_of=early)) < len(CASE.actors)
    shown = " ".join(texts(root))
    assert not any(name[:20] in shown for name in later_names)


def test_privacy_masks_every_name_in_the_ecomap():
    svg = ecomap_svg(CASE, as_of=AS_OF, lang="cs", privacy=True, width=960)
    root = parse(svg)
    for actor in CASE.actors:
        assert actor.name[:12] not in svg
    assert CASE.client.display_name not in svg and "Klient" in texts(root)
    assert any(t.startswith("Aktér") for t in texts(root))


def test_ecomap_labels_are_escaped_and_an_empty_network_still_shows_the_client():
    actor = CASE.actors[0].model_copy(update={"name": 'Ann & <Bob> "B"'})
    case = CASE.model_copy(update={"actors": [actor]})
    root = parse(ecomap_svg(case, as_of=AS_OF, lang="en"))
    assert 'Ann & <Bob> "B"' in texts(root)
    alone = parse(ecomap_svg(CASE.model_copy(update={"actors": []}), as_of=AS_OF, lang="en"))
    assert _actor_groups(alone) == [] and CASE.client.display_name in texts(alone)


# -- the GAS trajectory -----------------------------------------------------------------------------------------
def test_the_gas_trajectory_has_a_line_per_goal_and_a_tscore_per_review():
    rows, tscores = gas_rows(CASE, lang="en")
    root = parse(gas_svg(CASE, lang="en", width=1220))
    goals = groups(root, "casekit-gas-goal")
    assert len(goals) == len({r["goal"] for r in rows}) == len(CASE.goals)
    marks = sum(len(g.findall("s:circle", NS)) + len(g.findall("s:rect", NS)) for g in goals)
    assert marks == len(rows)
    assert sum(len(g.findall("s:rect", NS)) for g in goals) == len(CASE.goals)  # one baseline square per goal
    tscore = groups(root, "casekit-gas-tscores")[0]
    assert len(tscore.findall("s:circle", NS)) == len(tscores) and len(tscore.findall("s:polyline", NS)) == 1
    shown = texts(root)
    assert {"+2", "+1", "0", "−1", "−2", "50"} <= set(shown)
    assert "T-score" in shown and "expected outcome" in shown and "Goal attainment over time" in shown
    assert float(root.get("width")) == 1220


def test_the_gas_trajectory_in_czech_and_without_goals_or_reviews():
    root = parse(gas_svg(casekit.load_example("family-children-at-risk", "cs"), lang="cs", width=700))
    shown = texts(root)
    assert gettext("ui.chart.gas.title", "cs") in shown and gettext("ui.chart.gas.tscore", "cs") in shown
    assert any(". 20" in t for t in shown)  # Czech dates on the axis (25. 11. 2026)
    assert gas_svg(CASE.model_copy(update={"reviews": []}), lang="en") is None
    assert gas_svg(CASE.model_copy(update={"goals": []}), lang="en") is None


# -- the console and the room view ------------------------------------------------------------------------------
_NO_HEAVY_IMPORTS = textwrap.dedent('''
    import os, sys, tempfile
    tmp = tempfile.mkdtemp()
    import casekit
    url = f"sqlite:///{tmp}/c.sqlite"
    store = casekit.open_store(url, user="facilitator")
    store.save(casekit.load_example("family-children-at-risk", "en").model_copy(update={"version": 0}))
    store.close()
    os.environ.update(CASEKIT_DB=url, CASEKIT_LANG="en", CASEKIT_EXPORT_DIR=tmp + "/exports")
    from casekit.widgets.console import ConsoleApp
    from casekit.widgets.room import RoomApp
    app = ConsoleApp.from_environment(case_id="example-family-children-at-risk", follow=False)
    room = RoomApp.from_environment(follow=False)
    for step in ["opening", "story", "assessment", "network", "plan", "review", "close"]:
        assert app.go(step), step
        room.refresh()
        assert room.current_step == step
        if step == "assessment":
            app.view("assessment").grid.rows["housing"][1].value = 2
            room.refresh()
            assert "<svg" in room.host.value  # the room's needs star
        if step == "network":
            assert "<svg" in room.host.value  # the room's ecomap
    print(sorted(m for m in ("altair", "vl_convert", "pandas", "numpy") if m in sys.modules))
''')


def test_the_console_and_the_room_never_import_altair_vl_convert_or_pandas():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEKIT_")}
    done = subprocess.run([sys.executable, "-c", _NO_HEAVY_IMPORTS], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
