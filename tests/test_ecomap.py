"""The ecomap: layout, line styles per relationship kind, arrows, labels, privacy, offline SVG."""
from __future__ import annotations

import json
import math
from datetime import date

import pytest

import casekit
from casekit.charts.ecomap import LINE_STYLES, SECTOR_COLOURS, STRESS_RED, ecomap, ecomap_frame
from casekit.i18n import LANGUAGES, gettext
from casekit.model import Case, Client
from casekit.vocab import ConferenceRole, Flow, RelationshipKind, Sector

AS_OF = date(2026, 11, 25)
CASES = {(name, lang): casekit.load_example(name, lang) for name in casekit.examples() for lang in LANGUAGES}
HEADS = {Flow.TO_CLIENT: 1, Flow.FROM_CLIENT: 1, Flow.MUTUAL: 2, Flow.NONE: 0}


def _layers(spec: dict) -> dict[str, tuple[dict, list[dict]]]:
    """Layer name -> (mark, data rows)."""
    out = {}
    for layer in spec["layer"]:
        data = layer["data"]
        rows = data.get("values") if "values" in data else spec["datasets"][data["name"]]
        mark = layer["mark"] if isinstance(layer["mark"], dict) else {"type": layer["mark"]}
        out[layer["name"]] = (mark, rows)
    return out


def _network(case: Case, as_of: date):
    return [a for a in case.actors if a.relationship.since is None or a.relationship.since <= as_of]


@pytest.mark.parametrize(("name", "lang"), list(CASES))
def test_one_line_per_actor_styled_by_kind(name, lang):
    case = CASES[(name, lang)]
    spec = ecomap(case, as_of=AS_OF).to_dict()
    layers = _layers(spec)
    actors = _network(case, AS_OF)
    keys = {kind: {row["key"] for row in layers.get(f"lines_{kind.value}", ({}, []))[1]} for kind in RelationshipKind}
    assert sum(len(k) for k in keys.values()) == len(actors)  # one line per actor ...
    assert set().union(*keys.values()) == {f"a{i}" for i, a in enumerate(case.actors, 1) if a in actors}
    for kind in RelationshipKind:  # ... drawn in the style of its kind
        expected = {f"a{i}" for i, a in enumerate(case.actors, 1) if a in actors and a.relationship.kind == kind}
        assert keys[kind] == expected

    strong, tenuous, stressful = (layers[f"lines_{k.value}"][0] for k in RelationshipKind)
    assert strong["type"] == tenuous["type"] == "rule"
    assert "strokeDash" not in strong and strong["strokeWidth"] > 2 * tenuous["strokeWidth"]
    assert tenuous["strokeDash"] == LINE_STYLES[RelationshipKind.TENUOUS]["strokeDash"]
    assert stressful["type"] == "line" and stressful["color"] == STRESS_RED and "strokeDash" not in stressful
    zigzag = layers["lines_stressful"][1]
    for key in keys[RelationshipKind.STRESSFUL]:
        assert len([p for p in zigzag if p["key"] == key]) >= 5  # a jagged polyline, not a straight segment

    # arrowheads follow the direction of flow
    heads = layers.get("arrowheads", ({}, []))[1]
    assert len(heads) == sum(HEADS[a.relationship.flow] for a in actors)
    # every actor has one marker; informal ones hollow
    formal, informal = layers["actors_formal"], layers.get("actors_informal")
    assert len(formal[1]) + (len(informal[1]) if informal else 0) == len(actors)
    assert formal[0]["filled"] is True
    if informal:
        assert informal[0]["filled"] is False
        assert all(row["formal"] is False for row in informal[1])
    # labels are the actors' names
    labels = [r["label"] for side in ("left", "right") for r in layers.get(f"labels_{side}", ({}, []))[1]]
    assert len(labels) == len(actors)
    assert {a.name[:20] for a in actors} == {label[:20] for label in labels}
    assert spec["title"]["text"] == gettext("ui.ecomap.title", lang, date=(
        "25. 11. 2026" if lang == "cs" else "25 November 2026"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_title_date_and_translated_labels(lang):
    case = CASES[("psychosis-homelessness", lang)]
    spec = ecomap(case, as_of=AS_OF, lang=lang).to_dict()
    assert spec["title"]["text"] == {"cs": "Ekomapa, 25. 11. 2026", "en": "Ecomap, 25 November 2026"}[lang]
    layers = _layers(spec)
    key = {row["label"] for row in layers["key_labels"][1]}
    assert {k.label(lang) for k in RelationshipKind} <= key
    assert gettext("ui.ecomap.key_informal", lang) in key and gettext("ui.ecomap.key_unmet", lang) in key
    sectors = {row["sector_label"] for row in layers["actors_formal"][1]}
    assert sectors <= {s.label(lang) for s in Sector}
    colour = next(l for l in spec["layer"] if l["name"] == "actors_formal")["encoding"]["color"]
    assert colour["title"] == gettext("ui.ecomap.sector", lang)
    assert colour["scale"]["range"] == [SECTOR_COLOURS[Sector(s)] for s in Sector
                                        if Sector(s).label(lang) in colour["scale"]["domain"]]
    if lang == "cs":
        assert "Silný" in key and "Zdravotnictví" in json.dumps(spec, ensure_ascii=False)


def test_default_language_is_the_case_language():
    case = CASES[("senior-dementia", "cs")]
    with casekit.language("en"):
        assert ecomap(case, as_of=AS_OF).to_dict()["title"]["text"].startswith("Ekomapa")
        assert ecomap(case, as_of=AS_OF, lang="en").to_dict()["title"]["text"].startswith("Ecomap")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_hides_names(lang):
    case = CASES[("family-children-at-risk", lang)]
    text = json.dumps(ecomap(case, as_of=AS_OF, privacy=True).to_dict(), ensure_ascii=False)
    for actor in case.actors:
        assert actor.name not in text and f'"{actor.id}"' not in text
    assert case.client.display_name not in text
    assert gettext("ui.pseudonym_actor", lang, number=1) in text
    assert f'"{ConferenceRole.CLIENT.label(lang)}"' in text
    open_text = json.dumps(ecomap(case, as_of=AS_OF).to_dict(), ensure_ascii=False)
    assert case.client.display_name in open_text and case.actors[0].name in open_text


def test_as_of_leaves_out_later_ties():
    case = CASES[("senior-dementia", "en")]
    early = ecomap_frame(case, as_of=case.opened)
    later = ecomap_frame(case, as_of=AS_OF)
    assert len(early) == len(_network(case, case.opened)) < len(later) == len(case.actors)
    assert ecomap(case, as_of=case.opened).to_dict()["title"]["text"] == "Ecomap, 4 March 2024"


def test_layout_groups_sectors_and_is_deterministic():
    case = CASES[("psychosis-homelessness", "en")]
    frame = ecomap_frame(case, as_of=AS_OF)
    assert list(frame["key"]) == list(ecomap_frame(case, as_of=AS_OF)["key"])
    assert ecomap(case, as_of=AS_OF).to_dict() == ecomap(case, as_of=AS_OF).to_dict()
    # sectors in the vocabulary's order, each one contiguous
    order = list(dict.fromkeys(frame["sector"]))
    assert order == [s.value for s in Sector if s.value in order]
    assert all(sum(1 for a, b in zip(frame["sector"], frame["sector"][1:]) if a != b and b == s) <= 1
               for s in order)
    # on the unit circle, on the sides (top and bottom stay free for readability), labels outward
    assert all(math.isclose(math.hypot(x, y), 1, abs_tol=1e-5) for x, y in zip(frame["x"], frame["y"]))
    assert (frame["y"].abs() <= math.sin(math.radians(60)) + 1e-9).all()
    assert ((frame["x"] < 0) == (frame["side"] == "left")).all()
    # neighbours never share a spot
    points = set(zip(frame["x"].round(3), frame["y"].round(3)))
    assert len(points) == len(frame)


def test_unmet_needs_are_flagged_only_when_asked():
    case = CASES[("senior-dementia", "en")]
    linked = {a for need in case.unmet_needs() for a in need.actor_ids}
    layers = _layers(ecomap(case, as_of=AS_OF).to_dict())
    flagged = {row["key"] for row in layers["unmet"][1]}
    assert flagged == {f"a{i}" for i, a in enumerate(case.actors, 1) if a.id in linked}
    quiet = _layers(ecomap(case, as_of=AS_OF, highlight_unmet=False).to_dict())
    assert "unmet" not in quiet and "key_unmet" not in quiet


def test_large_fonts_for_a_projector():
    case = CASES[("carer-disabled-relative", "cs")]
    normal, large = ecomap(case, as_of=AS_OF).to_dict(), ecomap(case, as_of=AS_OF, large=True).to_dict()
    font = lambda spec: _layers(spec)["key_labels"][0]["fontSize"]  # noqa: E731
    assert font(large) >= 20 > font(normal)
    assert large["title"]["fontSize"] > normal["title"]["fontSize"]
    assert large["width"] > normal["width"] and large["height"] > normal["height"]


def test_empty_network():
    case = Case(client=Client(display_name="Paní T."), case_manager="J. M.", opened=date(2025, 1, 1))
    layers = _layers(ecomap(case, as_of=AS_OF).to_dict())
    assert "actors_formal" not in layers and "lines_strong" not in layers
    assert layers["client_label"][1][0]["label"] == "Paní T."


def test_offline_svg():
    try:
        from casekit.charts.render import to_svg
    except ImportError:  # pragma: no cover - the render module is optional for this test
        import vl_convert

        def to_svg(chart, lang=None):
            return vl_convert.vegalite_to_svg(chart.to_dict(), allowed_base_urls=[])

    svg = to_svg(ecomap(CASES[("psychosis-homelessness", "cs")], as_of=AS_OF, privacy=True), lang="cs")
    assert svg.lstrip().startswith("<svg") and "Ekomapa, 25. 11. 2026" in svg
    assert "<script" not in svg.lower()
    assert 'href="http' not in svg and "src=" not in svg and "@import" not in svg
    assert "Aktér 1" in svg
