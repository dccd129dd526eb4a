"""The gap analysis' charts as plain SVG (casekit.charts.svg.heatmap and .bars): well-formed, a cell per life
domain × area with its count, the right cells marked as holes, readable text on every colour step, labels from
the vocabulary in Czech and English, escaping, nothing to draw → None, and no pandas or Altair to draw them."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from casekit.charts.svg.bars import bars_svg, unserved_svg
from casekit.charts.svg.colours import SEQUENTIAL, contrast, ink_on
from casekit.charts.svg.heatmap import EMPTY_FILL, heatmap_svg, steps
from casekit.i18n import gettext
from casekit.vocab import LifeDomain

ROOT = Path(__file__).resolve().parents[1]
NS = {"s": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"

#: two domains × three areas (one not known); a cell given twice is added up; one hole
ROWS = [
    {"domain": "debts", "area": "Vřesová", "count": 1, "hole": True},
    {"domain": "housing", "area": "Vřesová", "count": 2, "hole": False},
    {"domain": "housing", "area": "Brodce", "count": 1, "hole": False},
    {"domain": "housing", "area": "Brodce", "count": 2, "hole": False},
    {"domain": "debts", "area": None, "count": 4, "hole": False},
]
EXPECTED = {("housing", "Brodce"): 3, ("housing", "Vřesová"): 2, ("housing", "(not given)"): 0,
            ("debts", "Brodce"): 0, ("debts", "Vřesová"): 1, ("debts", "(not given)"): 4}


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on anything that is not well-formed XML
    assert root.tag == f"{SVG}svg"
    w, h = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}" and w > 0 and h > 0
    assert root.find("s:title", NS).text and root.find("s:desc", NS).text
    return root


def cells(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {(g.get("data-domain"), g.get("data-area")): g for g in root.iter(f"{SVG}g")
            if "casekit-heatmap-cell" in (g.get("class") or "").split()}


def texts(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def test_a_cell_per_domain_and_area_with_its_count_written_in_it():
    root = parse(heatmap_svg(ROWS, lang="en", width=600))
    found = cells(root)
    assert set(found) == set(EXPECTED)
    for key, count in EXPECTED.items():
        assert found[key].get("data-count") == str(count), key
        assert texts(found[key]) == [str(count)], key
        assert f": {count}" in found[key].find("s:title", NS).text
    # rows in casekit's order of life domains (housing before debts), areas by name, "not given" last
    rows = [g.get("data-domain") for g in root.iter(f"{SVG}g") if g.get("class") == "casekit-heatmap-row"]
    assert rows == ["housing", "debts"]
    heads = [g for g in root.iter(f"{SVG}g") if g.get("class") == "casekit-heatmap-areas"][0]
    assert [t.get("data-area") for t in heads.iter(f"{SVG}text")] == ["Brodce", "Vřesová", "(not given)"]


def test_only_the_cells_without_a_service_are_framed_and_the_legend_says_why():
    root = parse(heatmap_svg(ROWS, lang="en"))
    holes = {key for key, g in cells(root).items() if "casekit-heatmap-hole" in g.get("class").split()}
    assert holes == {("debts", "Vřesová")}
    legend = " ".join(texts([g for g in root.iter(f"{SVG}g") if g.get("class") == "casekit-legend"][0]))
    assert gettext("ui.chart.gaps.hole", "en") in legend and gettext("ui.chart.gaps.unmet", "en") in legend
    # no hole, no frame in the legend; a hole with no need is no hole
    calm = parse(heatmap_svg([{**r, "hole": False} for r in ROWS] + [
        {"domain": "food", "area": "Brodce", "count": 0, "hole": True}], lang="en"))
    assert gettext("ui.chart.gaps.hole", "en") not in " ".join(texts(calm))
    assert not [g for g in cells(calm).values() if "casekit-heatmap-hole" in g.get("class").split()]


def test_the_colour_scale_is_sequential_and_every_count_is_readable():
    assert [contrast(c, "#ffffff") for c in SEQUENTIAL] == sorted(contrast(c, "#ffffff") for c in SEQUENTIAL)
    for top in (1, 2, 3, 6, 7, 13, 100):
        scale = steps(top)
        assert scale[0][0] == 1 and scale[-1][1] == top and len(scale) == min(top, 6)
        assert all(a[1] + 1 == b[0] for a, b in zip(scale, scale[1:]))  # no count left out, none twice
        assert len({c for _lo, _hi, c in scale}) == len(scale)
    for colour in SEQUENTIAL + (EMPTY_FILL,):
        assert contrast(colour, ink_on(colour)) >= 4.5, colour
    assert ink_on(SEQUENTIAL[0]) == "#111111" and ink_on(SEQUENTIAL[-1]) == "#ffffff"
    root = parse(heatmap_svg(ROWS, lang="en"))
    found = cells(root)
    for key, g in found.items():
        fill = g.find("s:rect", NS).get("fill")
        ink = g.find("s:text", NS).get("fill")
        assert contrast(fill, ink) >= 4.5, (key, fill, ink)
    darkest, empty = found[("debts", "(not given)")], found[("housing", "(not given)")]
    assert darkest.find("s:text", NS).get("fill") == "#ffffff"
    assert empty.find("s:rect", NS).get("fill") == EMPTY_FILL
    assert found[("debts", "Vřesová")].find("s:text", NS).get("fill") == "#111111"


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_labels_come_from_the_vocabulary_and_long_ones_are_wrapped(lang):
    rows = ROWS + [{"domain": "documents", "area": "Brodce", "count": 1}]
    svg = heatmap_svg(rows, lang=lang, width=420)
    root = parse(svg)
    words = " ".join(texts(root))
    for domain in ("housing", "debts", "documents"):
        assert LifeDomain(domain).label(lang) not in ("", domain)
    assert LifeDomain.HOUSING.label(lang) in words
    assert gettext("ui.chart.none", lang) in words and gettext("ui.chart.gaps.area", lang) in words
    long_label = LifeDomain.DOCUMENTS.label(lang)  # "Documents and administration", "Doklady a úřední záležitosti"
    row = [g for g in root.iter(f"{SVG}g") if g.get("data-domain") == "documents"
           and g.get("class") == "casekit-heatmap-row"][0]
    label = row.find("s:text", NS)
    assert len(label.findall("s:tspan", NS)) >= 2 and "".join(label.itertext()).replace(" ", "") == \
        long_label.replace(" ", "")
    title = root.find("s:title", NS).text
    assert title == gettext("ui.chart.gaps.heatmap_title", lang)
    assert [t for t in root.iter(f"{SVG}text")  # shown as well (wrapped on a narrow chart)
            if "".join(t.itertext()).replace(" ", "") == title.replace(" ", "")]
    hidden = parse(heatmap_svg(rows, lang=lang, title="X", show_title=False))
    assert hidden.find("s:title", NS).text == "X" and "X" not in texts(hidden)


def test_text_is_escaped():
    nasty = '<script>alert("x")</script> & \'Brod\x07ce\''
    rows = [{"domain": "housing", "area": nasty, "count": 2, "hole": True}]
    for svg in (heatmap_svg(rows, lang="en", title="A & <B>"), unserved_svg(rows, lang="en", title="A & <B>")):
        assert "<script>" not in svg and "&lt;script&gt;" in svg
        root = parse(svg)
        assert root.find("s:title", NS).text == "A & <B>"
        assert any("<script>" in t for t in texts(root))
    assert ('<script>alert("x")</script> & \'Brodce\'', "housing") in {
        (g.get("data-area"), g.get("data-domain")) for g in cells(parse(heatmap_svg(rows, lang="en"))).values()}


def test_nothing_to_draw_gives_none():
    assert heatmap_svg([], lang="en") is None
    assert heatmap_svg([{"domain": "housing", "area": "A", "count": 0}], lang="en") is None
    assert unserved_svg([], lang="en") is None
    assert unserved_svg([{**r, "hole": False} for r in ROWS], lang="en") is None
    assert bars_svg([{"label": "x", "value": 0}], title="t") is None


def test_the_unserved_bars_one_per_domain_longest_first_split_into_areas():
    rows = ROWS + [{"domain": "legal", "area": "Brodce", "count": 2, "hole": True},
                   {"domain": "legal", "area": "Vřesová", "count": 1, "hole": True},
                   {"domain": "legal", "area": None, "count": 0, "hole": True},
                   {"domain": "food", "area": "Lhota", "count": 1, "hole": True}]
    root = parse(unserved_svg(rows, lang="en", width=600))
    bars = [g for g in root.iter(f"{SVG}g") if g.get("class") == "casekit-bar"]
    assert [(g.get("data-key"), g.get("data-value")) for g in bars] == [("legal", "3"), ("debts", "1"),
                                                                       ("food", "1")]
    legal = bars[0]
    words = texts(legal)
    assert words[0].replace(" ", "") == LifeDomain.LEGAL.label("en").replace(" ", "") and "3" in words
    assert any("Brodce: 2 · Vřesová: 1" in w for w in words)
    parts = legal.findall("s:rect", NS)
    assert len(parts) == 2 and [p.find("s:title", NS).text for p in parts] == [
        f"{LifeDomain.LEGAL.label('en')} · Brodce: 2", f"{LifeDomain.LEGAL.label('en')} · Vřesová: 1"]
    widths = [float(p.get("width")) for p in parts]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.05)
    # a bar's length is its value: debts (1) is a third of legal (3)
    debts = bars[1].find("s:rect", NS)
    assert float(debts.get("width")) == pytest.approx(sum(widths) / 3, abs=0.05)
    assert root.find("s:title", NS).text == gettext("ui.chart.gaps.unserved_title", "en")
    assert root.find("s:desc", NS).text == gettext("ui.chart.gaps.unserved_desc", "en", needs=5, domains=3,
                                                   top=LifeDomain.LEGAL.label("en"))
    cs = parse(unserved_svg(rows, lang="cs"))
    assert LifeDomain.LEGAL.label("cs").replace(" ", "") in " ".join(texts(cs)).replace(" ", "")


def test_drawn_without_pandas_or_altair():
    code = textwrap.dedent('''
        import sys
        from casekit.charts.svg.bars import unserved_svg
        from casekit.charts.svg.heatmap import heatmap_svg
        rows = [{"domain": "debts", "area": "A", "count": 2, "hole": True}]
        assert heatmap_svg(rows, lang="cs") and unserved_svg(rows, lang="cs")
        print(sorted(m for m in ("altair", "vl_convert", "pandas", "numpy") if m in sys.modules))
    ''')
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
