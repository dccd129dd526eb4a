"""The gap report as HTML (self-contained, printable), tidy CSV and DOCX, in Czech and English, and on the CLI."""
import csv
import io
import re
from datetime import date

import pytest

from casekit import examples, load_example
from casekit.gaps import gap_analysis
from casekit.gaps.export import CSV_COLUMNS, SECTIONS

AS_OF = date(2026, 11, 25)
PRIVATE = ("example-", "Mr R.", "Ms H.", "The B. family", "Pan R.", "Paní H.", "Rodina B.", "Vondrová", "Hrubá")


@pytest.fixture(scope="module")
def cases():
    return [load_example(name, "en") for name in examples()]


@pytest.fixture(scope="module", params=["cs", "en"])
def lang(request):
    return request.param


@pytest.fixture(scope="module")
def report(cases, lang):
    return gap_analysis(cases, as_of=AS_OF, lang=lang)


def test_html_is_self_contained_and_printable(report, lang):
    page = report.to_html(lang)
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page
    assert re.search(r"https?://", page) is None and "//" not in page.replace("<!--", "")
    for forbidden in ("<script", "<link", "<img", "src=", "@import", "url(", "@font-face"):
        assert forbidden not in page
    assert "@media print" in page and "@page" in page
    for private in PRIVATE:
        assert private not in page, private
    heading = {"cs": "Nenaplněné potřeby podle území a životní oblasti",
               "en": "Unmet needs by area and life domain"}[lang]
    assert f"<h2>{heading}</h2>" in page
    debts = {"cs": "Dluhy a hospodaření s penězi", "en": "Debts and money management"}[lang]
    hole = {"cs": "Chybí služba", "en": "No service"}[lang]
    row = re.search(r'<tr class="no_service">(.*?)</tr>', page).group(1)
    assert debts in row and hole in row
    assert page.count("<section") == 1 + len(SECTIONS)


def test_html_escapes_texts(cases):
    odd = cases[1].model_copy(update={"target_group": "<b>families</b> & co", "version": 0})
    page = gap_analysis([odd], as_of=AS_OF, lang="en").to_html("en")
    assert "<b>families</b>" not in page and "&lt;b&gt;families&lt;/b&gt; &amp; co" in page


def test_csv_is_tidy(report, lang):
    rows = list(csv.DictReader(io.StringIO(report.to_csv(lang))))
    assert tuple(rows[0]) == CSV_COLUMNS
    summary = {r["measure"]: r["value"] for r in rows if r["section"] == "summary"}
    assert (summary["unmet_needs"], summary["holes"], summary["domains_without_service"]) == ("33", "2", "debts")
    assert summary["as_of"] == "2026-11-25"
    status = [r for r in rows if r["section"] == "holes" and r["measure"] == "status" and r["value"] == "no_service"]
    assert sorted((r["area_id"], r["domain"]) for r in status) == [("obec-vresova", "debts"), ("orp-brodce", "debts")]
    label = {"cs": "Dluhy a hospodaření s penězi", "en": "Debts and money management"}[lang]
    assert {r["domain_label"] for r in status} == {label}
    unmet = [r for r in rows if r["section"] == "by_area" and r["measure"] == "unmet_needs"]
    assert sorted((r["area_id"], int(r["value"])) for r in unmet) == [("obec-vresova", 21), ("orp-brodce", 12)]
    assert {r["section"] for r in rows} == {"summary", *[name for name, _ in SECTIONS]}
    # one number per row: every row of a section has the same dimensions filled
    assert all(r["measure"] and r["measure_label"] for r in rows)


def test_docx_has_headings_and_tables(report, lang, tmp_path):
    from docx import Document

    path = tmp_path / f"gaps.{lang}.docx"
    report.to_docx(path, lang)
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    title = {"cs": "Podleský kraj (smyšlený): mezery v síti služeb",
             "en": "Podlesí Region (fictional): gaps in the service network"}[lang]
    assert headings[0] == title
    assert {"cs": "Ve zkratce", "en": "In brief"}[lang] in headings
    assert {"cs": "Přetížené služby", "en": "Services over capacity"}[lang] in headings
    assert len(headings) == 1 + 1 + len(SECTIONS)
    assert len(doc.tables) == 1 + len(SECTIONS)  # the summary and one table per section (none is empty here)
    holes = doc.tables[1]
    header = [c.text for c in holes.rows[0].cells]
    assert header[:2] == {"cs": ["Území", "Životní oblast"], "en": ["Area", "Life domain"]}[lang]
    first = [c.text for c in holes.rows[1].cells]
    assert first[-1] == {"cs": "Chybí služba", "en": "No service"}[lang]
    over = doc.tables[5]
    assert len(over.rows) == 1 + 10
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for private in PRIVATE:
        assert private not in text, private


def test_write_picks_the_format_from_the_suffix(report, tmp_path):
    for suffix in ("html", "csv", "docx"):
        path = tmp_path / f"report.{suffix}"
        report.write(path)
        assert path.stat().st_size > 1000
    assert (tmp_path / "report.docx").read_bytes()[:2] == b"PK"
    from casekit.errors import InvalidData

    with pytest.raises(InvalidData) as info:
        report.write(tmp_path / "report.pdf")
    assert "pdf" in info.value.message("en") and "pdf" in info.value.message("cs")


def test_empty_sections_say_so(lang):
    page = gap_analysis([], as_of=AS_OF, lang=lang).to_html(lang)
    assert {"cs": "Není co uvést.", "en": "Nothing to report."}[lang] in page


def test_cli_gaps(tmp_path, cases, capsys):
    from casekit.cli import main
    from casekit.store import open_store

    db = tmp_path / "gaps.sqlite"
    with open_store(f"sqlite:///{db}") as store:
        for case in cases:
            store.save(case.model_copy(update={"version": 0}))
    out = tmp_path / "mezery.html"
    assert main(["--lang", "cs", "--db", str(db), "gaps", "--as-of", "2026-11-25", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    assert '<html lang="cs">' in page and "Chybí služba" in page
    assert main(["--lang", "en", "--db", str(db), "gaps", "--as-of", "2026-11-25", "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(",".join(CSV_COLUMNS)) and "no_service" in printed
    docx = tmp_path / "gaps.docx"
    assert main(["--db", str(db), "gaps", "-o", str(docx)]) == 0
    assert docx.read_bytes()[:2] == b"PK"
    catalogue = tmp_path / "catalogue.json"
    from casekit.example_data import catalogue_path

    catalogue.write_bytes(catalogue_path("en").read_bytes())
    assert main(["--db", str(db), "gaps", "--catalogue", str(catalogue), "--format", "csv", "-o",
                 str(tmp_path / "g.csv")]) == 0
    assert main(["--db", str(db), "gaps", "--catalogue", str(tmp_path / "missing.json")]) == 2
