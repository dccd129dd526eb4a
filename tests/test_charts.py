"""Charts are pure functions DataFrame -> alt.Chart: checked through ``to_dict()``, plus one offline SVG each.

Nothing here looks at pixels. The SVG renders prove that vl-convert draws each chart without a network
(every external request refused) and that the result references no script or remote resource.
"""
import json
import math
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import casekit
from casekit.analysis import agreement_table, statistic_label
from casekit.charts import (
    agreement_chart, agreement_frame, display_chart, domain_heatmap, gas_frames, gas_trajectory, heatmap_frame,
    needs_star, projector, star_frame, to_svg,
)
from casekit.errors import InvalidData
from casekit.frames import cases_frame, needs_frame
from casekit.gas import gas_tscore
from casekit.i18n import set_language
from casekit.instruments import Assessment, builtin, long_frame, set_answer

ROOT = Path(__file__).resolve().parents[1]
NEEDS = builtin("casekit-needs")
DOMAINS = [d.id for d in NEEDS.domains]


@pytest.fixture(autouse=True)
def english():
    """Another test may leave a language set; these tests say which one they mean."""
    set_language("en")
    yield
    set_language(None)


# -- data ------------------------------------------------------------------------------------------
def _rate(perspective, rater, statuses, severities=None, actor_id=None, case_id="case-1", day=1):
    a = Assessment.start(NEEDS, rater=rater, perspective=perspective, actor_id=actor_id, case_id=case_id,
                         date=date(2025, 3, day))
    for domain, status in statuses.items():
        a = set_answer(a, NEEDS, f"{domain}_status", status)
        if status in (1, 2) and severities and domain in severities:
            a = set_answer(a, NEEDS, f"{domain}_severity", severities[domain])
    return a


@pytest.fixture(scope="module")
def assessments():
    client = _rate("client", "Petr", {d: [0, 1, 2][i % 3] for i, d in enumerate(DOMAINS)},
                   {d: 1 + i % 5 for i, d in enumerate(DOMAINS)})
    worker = _rate("worker", "Jana", {d: 2 for d in DOMAINS} | {"housing": 9}, {d: 3 for d in DOMAINS})
    mother = _rate("actor", "Matka", {d: 1 for d in DOMAINS}, {d: 2 for d in DOMAINS}, actor_id="mother")
    older_worker = _rate("worker", "Jana", {d: 0 for d in DOMAINS}, day=1)
    worker = worker.model_copy(update={"date": date(2025, 3, 20)})
    return [client, older_worker, worker, mother]


@pytest.fixture(scope="module")
def frame(assessments):
    return long_frame(assessments, NEEDS)


@pytest.fixture(scope="module")
def cases():
    return [casekit.load_example(name, "en") for name in casekit.examples()]


@pytest.fixture(scope="module")
def agreement():
    rows = []
    for case in range(25):
        for item in range(4):
            truth = (case * 7 + item * 3) % 4
            for rater in range(3):
                noise = [0, 0, 1, -1, 0][(case + rater * 2 + item) % 5]
                rows.append({"case_id": f"c{case}", "rater": f"r{rater}", "item": f"q{item}",
                             "domain": f"d{item % 2}", "value": float(min(max(truth + noise, 0), 3))})
    return agreement_table(pd.DataFrame(rows))


# -- helpers ---------------------------------------------------------------------------------------
def layer_data(spec: dict, layer: dict) -> list[dict]:
    data = layer.get("data", spec.get("data"))
    if "name" in data:
        return spec["datasets"][data["name"]]
    return data.get("values", [])


def layers_with(spec: dict, mark: str) -> list[dict]:
    def kind(layer):
        m = layer.get("mark")
        return m if isinstance(m, str) else (m or {}).get("type")
    return [layer for layer in spec["layer"] if kind(layer) == mark]


def series_line(spec: dict) -> dict:
    (line,) = [layer for layer in layers_with(spec, "line") if "color" in layer["encoding"]]
    return line


def title_of(spec: dict) -> str:
    title = spec["title"]
    return title if isinstance(title, str) else title["text"]


SCRIPT_OR_REMOTE = re.compile(r"<script|(?:href|src)\s*=\s*[\"']\s*(?:https?:)?//|url\(\s*[\"']?\s*(?:https?:)?//",
                              re.I)


def assert_offline_svg(svg: str) -> None:
    assert svg.lstrip().startswith("<svg")
    assert not SCRIPT_OR_REMOTE.search(svg)
    assert "cdn" not in svg.lower()


# -- needs star ------------------------------------------------------------------------------------
def test_star_has_one_closed_polygon_per_perspective(frame):
    spec = needs_star(frame, NEEDS, items="*_status").to_dict()
    line = series_line(spec)
    rows = layer_data(spec, line)
    series = list(dict.fromkeys(r["series"] for r in rows))
    assert series == ["client", "worker", "actor:mother"]
    assert line["encoding"]["order"]["field"] == "order"
    for key in series:
        points = sorted((r for r in rows if r["series"] == key), key=lambda r: r["order"])
        assert (points[0]["x"], points[0]["y"]) == (points[-1]["x"], points[-1]["y"])  # closed
    legend = line["encoding"]["color"]
    assert legend["field"] == "series_label"
    assert legend["scale"]["domain"] == ["Client", "Worker", "Another actor: Matka"]
    assert legend["title"] == "Perspective"


def test_star_has_one_spoke_per_domain_on_equal_hidden_axes(frame):
    chart = needs_star(frame, NEEDS, items="*_status")
    spec = chart.to_dict()
    assert spec["width"] == spec["height"]
    (spokes,) = layers_with(spec, "rule")
    assert len(layer_data(spec, spokes)) == len(DOMAINS)
    for layer in spec["layer"]:
        x, y = layer["encoding"]["x"], layer["encoding"]["y"]
        assert x["axis"] is None and y["axis"] is None
        assert x["scale"]["domain"] == y["scale"]["domain"]
    labels = [r["spoke_label"] for layer in layers_with(spec, "text") for r in layer_data(spec, layer)
              if "spoke_label" in r]
    assert sorted(labels) == sorted(d.title.en for d in NEEDS.domains)


def test_star_geometry_and_latest_assessment(frame):
    points = star_frame(frame, NEEDS, items="*_status")
    worker = points[points["series"] == "worker"].set_index("spoke")
    # the later worker assessment (all unmet, housing not known) is drawn, not the earlier one
    assert math.isnan(worker.loc["housing", "value"])  # "not known" is never drawn
    assert worker.loc["income", "value"] == 2 and worker.loc["income", "radius"] == 1
    client = points[points["series"] == "client"].set_index("spoke")
    first = client.loc["housing"]  # the first spoke points straight up
    assert first["order"] == 0 and first["x"] == 0 and first["y"] == first["radius"]
    assert points["low"].iloc[0] == 0 and points["high"].iloc[0] == 2  # the scale's levels, 9 left out


def test_star_fill_by_item_and_perspective_filter(frame):
    points = star_frame(frame, NEEDS, items="*_severity", fill=0, perspectives=["worker", "client"])
    assert list(dict.fromkeys(points["series"])) == ["worker", "client"]
    assert not points["value"].isna().any()  # hidden severities are at the centre
    assert points["high"].iloc[0] == 5
    by_item = star_frame(frame, NEEDS, by="item", items=["housing_status", "income_status", "debts_status"])
    assert list(dict.fromkeys(by_item["spoke"])) == ["housing_status", "income_status", "debts_status"]
    assert list(dict.fromkeys(by_item["spoke_label"]))[0] == "Housing: need"
    spec = needs_star(frame, NEEDS, by="item", items=["housing_status", "income_status", "debts_status"],
                      lang="cs").to_dict()
    assert spec["title"]["text"] == "Hodnocení podle položek"


def test_star_from_assessments_equals_star_from_frame(assessments, frame):
    a = needs_star(assessments, NEEDS, items="*_status").to_dict()
    b = needs_star(frame, NEEDS, items="*_status").to_dict()
    assert a == b
    with pytest.raises(InvalidData):
        needs_star(assessments)  # assessments need their instrument


def test_star_one_polygon_per_rater(frame):
    spec = needs_star(frame, NEEDS, items="*_status", series="rater").to_dict()
    rows = layer_data(spec, series_line(spec))
    assert set(r["series_label"] for r in rows) == {"Petr", "Jana", "Matka"}
    assert series_line(spec)["encoding"]["color"]["title"] == "Rater"


def test_star_refuses_what_it_cannot_draw(frame):
    two_cases = pd.concat([frame, frame.assign(case_id="case-2")])
    with pytest.raises(InvalidData) as info:
        needs_star(two_cases, NEEDS)
    assert "case-2" in info.value.message("en")
    assert star_frame(two_cases, NEEDS, items="*_status", case_id="case-2")["series"].nunique() == 3
    with pytest.raises(InvalidData):
        needs_star(frame, NEEDS, items="no_such_item*")
    with pytest.raises(InvalidData):
        needs_star(frame, NEEDS, by="case")
    with pytest.raises(InvalidData):
        needs_star(frame.drop(columns=["domain"]), NEEDS)


@pytest.mark.parametrize("lang, title, housing, client", [
    ("en", "Needs by domain", "Housing", "Client"), ("cs", "Potřeby podle oblastí", "Bydlení", "Klient"),
])
def test_star_speaks_both_languages(frame, lang, title, housing, client):
    spec = needs_star(frame, NEEDS, items="*_status", lang=lang).to_dict()
    assert spec["title"]["text"] == title
    assert spec["title"]["subtitle"] == NEEDS.title.get(lang)
    labels = {r.get("spoke_label") for layer in layers_with(spec, "text") for r in layer_data(spec, layer)}
    assert housing in labels
    assert client in series_line(spec)["encoding"]["color"]["scale"]["domain"]
    with casekit.language(lang):  # the current language is the default
        assert needs_star(frame, NEEDS, items="*_status").to_dict()["title"]["text"] == title


# -- heatmap ---------------------------------------------------------------------------------------
def test_heatmap_of_a_needs_frame_counts_unmet_needs(cases):
    needs = needs_frame(cases)
    cells = heatmap_frame(needs)
    assert len(cells) == len(cases) * needs["domain"].nunique()
    expected = needs[needs["any_unmet"]].groupby(["case_id", "domain"]).size()
    got = cells.set_index(["group", "domain"])["count"]
    assert all(got[key] == n for key, n in expected.items())
    assert got.sum() == expected.sum()
    spec = domain_heatmap(needs).to_dict()
    rect, label = spec["layer"]
    assert rect["mark"]["type"] == "rect"
    assert rect["encoding"]["x"]["field"] == "domain_label" and rect["encoding"]["y"]["field"] == "group_label"
    assert rect["encoding"]["color"]["field"] == "value"
    assert label["mark"]["type"] == "text"
    assert spec["title"]["text"] == "Unmet needs by life domain"


def test_heatmap_share_by_area_and_labels(cases):
    needs = needs_frame(cases).merge(cases_frame(cases)[["case_id", "municipality", "display_name"]])
    cells = heatmap_frame(needs, by="municipality", measure="share")
    assert cells["value"].between(0, 1).all()
    assert cells["value"].max() == 1.0
    names = dict(zip(needs["case_id"], needs["display_name"]))
    spec = domain_heatmap(needs, labels=names, lang="cs").to_dict()
    rows = layer_data(spec, spec["layer"][0])
    assert {r["group_label"] for r in rows} == set(names.values())
    assert "Bydlení" in {r["domain_label"] for r in rows}
    assert spec["title"]["text"] == "Nenaplněné potřeby podle oblastí života"
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Případ"


def test_heatmap_of_a_long_frame(frame):
    cells = heatmap_frame(frame, by="perspective", items="*_status", equals=2)
    worker = cells[cells["group"] == "worker"].set_index("domain")
    assert worker.loc["income", "count"] == 1  # both worker assessments are in the long frame; one says unmet
    assert worker.loc["income", "share"] == 1.0
    assert worker.loc["housing", "count"] == 0  # "not known" (9) is not unmet
    with pytest.raises(InvalidData):
        heatmap_frame(frame)  # what counts?
    with pytest.raises(InvalidData):
        heatmap_frame(frame, equals=2, measure="mean")


# -- GAS -------------------------------------------------------------------------------------------
def test_gas_trajectory_follows_the_reviews(cases):
    case = max(cases, key=lambda c: len(c.reviews))
    levels, tscores = gas_frames(case)
    reviews = sorted(case.reviews, key=lambda r: r.date)
    assert len(tscores) == len(reviews)
    weights = {g.id: g.weight for g in case.goals}
    for review, row in zip(reviews, tscores.itertuples()):
        ids = list(review.gas_scores)
        expected = gas_tscore([review.gas_scores[g] for g in ids], [weights[g] for g in ids])
        assert row.tscore == pytest.approx(expected, abs=0.01)
    assert len(levels) == len(case.goals) + sum(len(r.gas_scores) for r in reviews)
    spec = gas_trajectory(case).to_dict()
    goals, tscore = spec["vconcat"]
    assert spec["title"]["text"] == "Goal attainment over time"
    line = layers_with(goals, "line")[0]
    assert line["encoding"]["color"]["field"] == "goal_label"
    assert len(line["encoding"]["color"]["scale"]["domain"]) == len(case.goals)
    assert line["encoding"]["y"]["axis"]["values"] == [-2, -1, 0, 1, 2]
    (t_line,) = layers_with(tscore, "line")
    assert t_line["encoding"]["y"]["field"] == "tscore"
    assert [r for r in layers_with(tscore, "rule")][0]["encoding"]["y"]["datum"] == 50


def test_gas_trajectory_in_czech_and_without_reviews(cases):
    case = cases[0]
    spec = gas_trajectory(case, lang="cs", baseline=False).to_dict()
    assert spec["title"]["text"] == "Dosahování cílů v čase"
    assert layers_with(spec["vconcat"][1], "line")[0]["encoding"]["y"]["title"] == "T-skóre"
    empty = case.model_copy(update={"reviews": []})
    levels, tscores = gas_frames(empty, baseline=False)
    assert levels.empty and tscores.empty
    assert to_svg(gas_trajectory(empty)).startswith("<svg")


# -- agreement -------------------------------------------------------------------------------------
def test_agreement_chart_has_points_per_item_and_statistic_and_reference_bands(agreement):
    stats = ["fleiss_kappa", "alpha_ordinal", "icc2_1"]
    spec = agreement_chart(agreement, stats).to_dict()
    (dots,) = layers_with(spec, "point")
    rows = layer_data(spec, dots)
    assert len(rows) == len(agreement) * len(stats)
    assert {r["statistic_label"] for r in rows} == {statistic_label(s, "en") for s in stats}
    assert dots["encoding"]["x"]["scale"]["domain"][1] == 1.0
    (cuts,) = layers_with(spec, "rule")
    assert [r["cut"] for r in layer_data(spec, cuts)] == [0.4, 0.6, 0.8]
    bands = layer_data(spec, layers_with(spec, "rect")[0])
    assert [b["band"] for b in bands] == ["weak", "moderate", "good", "very good"]
    assert spec["title"]["text"] == "Agreement between raters"


def test_agreement_chart_defaults_languages_and_domains(agreement):
    points = agreement_frame(agreement)
    assert "kappa" not in set(points["statistic"])  # NaN for three raters: left out
    spec = agreement_chart(agreement, "alpha_ordinal", lang="cs").to_dict()
    assert spec["title"]["text"] == "Shoda mezi hodnotiteli"
    bands = layer_data(spec, layers_with(spec, "rect")[0])
    assert bands[-1]["band"] == "velmi dobrá"
    assert {r["statistic_label"] for r in layer_data(spec, layers_with(spec, "point")[0])} == {
        statistic_label("alpha_ordinal", "cs")}
    by_domain = agreement_table(pd.DataFrame({
        "case_id": [f"c{i // 4}" for i in range(40)], "rater": ["a", "b"] * 20,
        "item": ["q1", "q1", "q2", "q2"] * 10, "domain": ["d"] * 40, "value": [i % 3 for i in range(40)]}),
        by="domain")
    assert set(agreement_frame(by_domain)["unit"]) == {"d"}
    with pytest.raises(InvalidData):
        agreement_chart(agreement, ["no_such_statistic"])


# -- rendering -------------------------------------------------------------------------------------
def test_every_chart_renders_offline_as_svg(frame, cases, agreement):
    needs = needs_frame(cases)
    charts = [needs_star(frame, NEEDS, items="*_status"), domain_heatmap(needs), gas_trajectory(cases[1]),
              agreement_chart(agreement)]
    for chart in charts:
        svg = to_svg(chart)
        assert_offline_svg(svg)
        assert "<text" in svg
    assert "Bydlení" in to_svg(needs_star(frame, NEEDS, items="*_status", lang="cs"))


def test_projector_theme_has_large_fonts_and_high_contrast(frame):
    chart = needs_star(frame, NEEDS, items="*_status")
    original = chart.to_dict()
    for dark, ink, paper in ((False, "#000000", "#ffffff"), (True, "#ffffff", "#000000")):
        spec = projector(chart, dark=dark).to_dict()
        config = spec["config"]
        assert config["axis"]["labelFontSize"] >= 20 and config["legend"]["labelFontSize"] >= 20
        assert config["text"]["fontSize"] >= 20 and config["title"]["fontSize"] > 20
        assert config["background"] == paper and config["legend"]["labelColor"] == ink
        assert_offline_svg(to_svg(projector(chart, dark=dark)))
    assert chart.to_dict() == original  # the original is left alone
    assert projector(chart, font_size=12).to_dict()["config"]["axis"]["labelFontSize"] == 20


def test_display_chart_never_uses_an_altair_renderer(frame, monkeypatch):
    calls = []

    def trap(spec, **kwargs):
        calls.append(spec)
        raise AssertionError("casekit asked Altair's renderer to draw a chart")

    alt.renderers.register("casekit-trap", trap)
    previous = alt.renderers.active
    alt.renderers.enable("casekit-trap")
    shown = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    try:
        chart = needs_star(frame, NEEDS, items="*_status")
        assert display_chart(chart) is None  # a notebook cell shows it once

        class Out:  # an Output widget stand-in: append_display_data, never `with out:`
            def __init__(self):
                self.items = []

            def append_display_data(self, obj):
                self.items.append(obj)

        out = Out()
        display_chart(chart, out)
    finally:
        alt.renderers.enable(previous)
    assert calls == []
    (image,) = shown
    assert type(image).__name__ == "SVG"
    assert_offline_svg(image.data)
    assert [type(o).__name__ for o in out.items] == ["SVG"]


def test_casekit_never_switches_altair_to_a_cdn_renderer():
    probe = ("import altair as alt, json\nbefore = alt.renderers.active\n"
             "import casekit.charts, casekit.widgets\n"
             "print(json.dumps([before, alt.renderers.active]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert before == after
    for path in list((ROOT / "casekit").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "renderers.enable" not in source, path
        assert not re.search(r"https?://[^\s\"')]*(cdn|jsdelivr|unpkg)", source), path


def test_importing_charts_does_not_import_altair():
    probe = "import sys, casekit.charts; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
