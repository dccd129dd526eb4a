"""Charts for a projector: the ecomap fitted to its pane keeps its labels large and spreads each side evenly,
the GAS trajectory is drawn large for the review, and the saved indicator costs one message per change."""
from __future__ import annotations

import math
import re

import pytest

import casekit
from casekit.charts import gas_trajectory, projector, to_svg
from casekit.charts.ecomap import ecomap, ecomap_frame

AS_OF = casekit.load_example("family-children-at-risk", "en").conferences[-1].date


def svg_size(html: str) -> tuple[float, float, str]:
    match = re.search(r'<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"[^>]*viewBox="([^"]+)"', html)
    assert match, html[:300]
    return float(match[1]), float(match[2]), match[3]


def layers(spec: dict) -> dict[str, dict]:
    return {layer.get("name", str(i)): layer for i, layer in enumerate(spec["layer"])}


@pytest.mark.parametrize("name", ["family-children-at-risk", "psychosis-homelessness", "young-adult-leaving-care"])
@pytest.mark.parametrize("target", [1220, 960])
def test_a_fitted_ecomap_keeps_its_labels_large_in_its_pane(name, target):
    case = casekit.load_example(name, "cs")
    chart = ecomap(case, as_of=AS_OF, lang="cs", large=True, width=target, spread="height")
    spec = chart.to_dict()
    font = layers(spec)["key_labels"]["mark"]["fontSize"]
    assert font >= 20
    width, _, _ = svg_size(to_svg(projector(chart), lang="cs"))
    assert font * min(1.0, target / width) >= 18  # the labels as the room sees them, the SVG scaled to its pane
    colour = layers(spec)["actors_formal"]["encoding"]["color"]["legend"]
    assert colour["orient"] == "bottom" and colour["columns"] >= 2
    labels = list(ecomap_frame(case, as_of=AS_OF, lang="cs")["label"])
    assert all(len(label) <= 34 for label in labels)


def test_spreading_by_height_spaces_each_side_evenly():
    case = casekit.load_example("family-children-at-risk", "en")
    frame = ecomap_frame(case, as_of=AS_OF, spread="height")
    assert all(math.isclose(math.hypot(x, y), 1, abs_tol=1e-5) for x, y in zip(frame["x"], frame["y"]))
    assert (frame["y"].abs() <= math.sin(math.radians(60)) + 1e-9).all()
    assert ((frame["x"] < 0) == (frame["side"] == "left")).all()
    for side in ("left", "right"):
        ys = sorted(frame.loc[frame["side"] == side, "y"])
        gaps = [b - a for a, b in zip(ys, ys[1:])]
        assert min(gaps) >= 0.9 * (4 * math.sin(math.radians(60)) / 27)  # never closer than one slot
    assert list(ecomap_frame(case, as_of=AS_OF)["angle"]) != list(frame["angle"])  # the default is unchanged
    with pytest.raises(ValueError):
        ecomap(case, as_of=AS_OF, spread="spiral")
    shortened = ecomap_frame(case, as_of=AS_OF, label_limit=12)
    assert shortened["label"].str.len().max() <= 12


def test_the_gas_trajectory_is_drawn_large_for_the_review():
    case = casekit.load_example("family-children-at-risk", "en")
    spec = gas_trajectory(case, lang="en", large=True, width=1100).to_dict()
    assert [panel["height"] for panel in spec["vconcat"]] == [250, 160]
    legend = spec["vconcat"][0]["layer"][2]["encoding"]["color"]["legend"]
    assert legend["columns"] == 2
    assert gas_trajectory(case, lang="en").to_dict()["vconcat"][0]["height"] == 240  # the default is unchanged


def test_saved_failed_and_saved_again_are_one_message_each(monkeypatch):
    from casekit.widgets.common import SavedIndicator

    indicator = SavedIndicator()
    sent = []
    monkeypatch.setattr(indicator, "_send", lambda msg, buffers=None: sent.append(msg["state"]))
    for show in (lambda: indicator.saved(lang="en"), lambda: indicator.failed("disk full", lang="en"),
                 lambda: indicator.saved(lang="cs"), lambda: indicator.saved(lang="cs")):
        sent.clear()
        show()
        assert len(sent) == 1, sent
    assert "casekit-saved-saved" in indicator._dom_classes and "casekit-saved-failed" not in indicator._dom_classes
    assert "casekit-saved" in indicator._dom_classes and 'data-saves="3"' in indicator.value
