"""The gap report for the community-planning group: HTML (self-contained, printable), CSV (tidy), DOCX.

All three carry the same content in the chosen language: the headline numbers, then one table per section
(holes, life domains, areas, target groups, services over capacity, waiting lists, duplicities). HTML has
its styles inline and loads nothing from anywhere (no scripts, fonts or images), so it opens offline and
prints on A4. The CSV is long ("tidy"): one row per number, with the codes and the labels of its dimensions.
"""
from __future__ import annotations

import csv
import html
import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..caseload.alerts import format_date
from ..cells import neutralise
from ..i18n import current_language, gettext, normalise_language
from ..model.catalogue import ServiceType
from ..private import write_private
from ..vocab import LifeDomain

if TYPE_CHECKING:  # pragma: no cover
    from .report import GapReport

FORMATS = ("html", "csv", "docx")

#: Sections in report order: frame name and the columns shown in HTML/DOCX.
SECTIONS = (
    ("holes", ("area", "domain", "unmet_needs", "cases", "services", "accepting", "free_places", "waiting_list",
               "status")),
    ("by_domain", ("domain", "unmet_needs", "high_unmet_needs", "cases", "areas_no_service", "areas_no_place",
                   "multi_served")),
    ("by_area", ("area", "open_cases", "cases_with_unmet", "unmet_needs", "domains_no_service",
                 "domains_no_place")),
    ("by_target_group", ("target_group", "domain", "unmet_needs", "cases", "no_service_needs", "no_place_needs")),
    ("over_capacity", ("service", "provider", "service_type", "capacity", "current_clients", "over_by",
                       "waiting_list", "accepts_new", "our_cases")),
    ("waiting_lists", ("service", "provider", "waiting_list", "capacity", "current_clients", "accepts_new",
                       "unmet_in_reach", "our_cases")),
    ("duplicities", ("area", "domain", "needs", "multi_served")),
    ("service_pairs", ("service_a", "service_b", "service_type", "areas", "domains")),
)
SUMMARY = ("open_cases", "cases_with_unmet", "unmet_needs", "holes", "needs_in_holes", "no_place",
           "domains_without_service", "services_over_capacity", "waiting_total", "multi_served_needs",
           "service_pairs", "unmapped_cases")


def _lang(lang: str | None) -> str:
    return normalise_language(lang) if lang else current_language()


def _missing(value) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))


def _cell(report: "GapReport", column: str, value, lang: str) -> str:
    """One value as the reader sees it."""
    if column == "free_places" and _missing(value):
        return gettext("gaps.unlimited", lang)
    if column == "area" and not value:
        return gettext("gaps.unknown_area", lang)
    if _missing(value):
        return ""
    if column == "domain":
        return LifeDomain(value).label(lang)
    if column == "domains":
        return ", ".join(LifeDomain(d.strip()).label(lang) for d in str(value).split(",") if d.strip())
    if column == "status":
        return gettext(f"gaps.status.{value}", lang)
    if column == "service_type":
        return ServiceType(value).label(lang)
    if column in ("service_a", "service_b"):
        service = report.catalogue.service(value)
        return service.name if service else str(value)
    if column == "areas":
        names = [report.catalogue.area(a.strip()) for a in str(value).split(",") if a.strip()]
        return ", ".join(a.name for a in names if a)
    if column == "accepts_new":
        return gettext("gaps.yes" if value else "gaps.no", lang)
    return str(value)


def _summary_value(key: str, value, lang: str) -> str:
    if key == "domains_without_service":
        return ", ".join(LifeDomain(d).label(lang) for d in value) or gettext("gaps.none", lang)
    return str(value)


def sections(report: "GapReport", lang: str | None = None) -> list[dict]:
    """What HTML and DOCX show: per section its title, note, column labels and rows of text."""
    lang = _lang(lang)
    out = []
    for name, columns in SECTIONS:
        frame = report.frames[name]
        rows = [[_cell(report, c, frame[c].iloc[i], lang) for c in columns] for i in range(len(frame))]
        out.append({"name": name, "title": gettext(f"gaps.section.{name}", lang),
                    "note": gettext(f"gaps.note.{name}", lang),
                    "columns": [gettext(f"gaps.col.{c}", lang) for c in columns], "rows": rows})
    return out


def _texts(report: "GapReport", lang: str) -> dict:
    s = report.summary
    return {
        "title": gettext("gaps.title", lang, region=s["region"]),
        "subtitle": gettext("gaps.subtitle", lang, as_of=format_date(s["as_of"], lang), cases=s["open_cases"],
                            catalogue_as_of=format_date(s["catalogue_as_of"], lang)),
        "intro": gettext("gaps.intro", lang),
        "summary_title": gettext("gaps.section.summary", lang),
        "summary": [(gettext(f"gaps.summary.{k}", lang), _summary_value(k, s[k], lang)) for k in SUMMARY],
        "empty": gettext("gaps.empty", lang),
        "footer": gettext("gaps.footer", lang, date=format_date(date.today(), lang)),
    }


# -- HTML ---------------------------------------------------------------------------------------------------
_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#111;
margin:2em auto;max-width:60em;padding:0 1em}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .3em;border-bottom:1px solid #999}
p.sub{color:#333;margin:0 0 1em}p.note{margin:.2em 0 .5em;color:#333}
table{border-collapse:collapse;width:100%;margin:.3em 0 1em;font-size:.92em}
th,td{border:1px solid #888;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#e8e8e8}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.no_service td{background:#fde2e2}tr.not_accepting td,tr.full td{background:#fff2cc}
dl.summary{display:grid;grid-template-columns:auto auto;gap:.2em 1.5em;margin:.5em 0 1em}
dl.summary dt{font-weight:normal}dl.summary dd{margin:0;font-weight:bold}
footer{margin-top:2em;font-size:.85em;color:#444;border-top:1px solid #999;padding-top:.5em}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}
tr{break-inside:avoid}thead{display:table-header-group}}
"""


def to_html(report: "GapReport", lang: str | None = None) -> str:
    lang = _lang(lang)
    t = _texts(report, lang)
    e = html.escape
    parts = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{e(t['title'])}</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>", "<header>", f"<h1>{e(t['title'])}</h1>",
        f'<p class="sub">{e(t["subtitle"])}</p>', f"<p>{e(t['intro'])}</p>", "</header>", "<main>",
        f'<section id="summary"><h2>{e(t["summary_title"])}</h2><dl class="summary">',
        *[f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in t["summary"]], "</dl></section>",
    ]
    for section in sections(report, lang):
        parts.append(f'<section id="{section["name"]}"><h2>{e(section["title"])}</h2>')
        parts.append(f'<p class="note">{e(section["note"])}</p>')
        if not section["rows"]:
            parts.append(f"<p><em>{e(t['empty'])}</em></p></section>")
            continue
        parts.append("<table><thead><tr>" + "".join(f'<th scope="col">{e(c)}</th>' for c in section["columns"])
                     + "</tr></thead><tbody>")
        statuses = (list(report.frames["holes"]["status"].astype(object)) if section["name"] == "holes"
                    else [None] * len(section["rows"]))
        for row, status in zip(section["rows"], statuses):
            cls = f' class="{status}"' if status else ""
            cells = "".join(f'<td class="n">{e(v)}</td>' if v.lstrip("-").isdigit() else f"<td>{e(v)}</td>"
                            for v in row)
            parts.append(f"<tr{cls}>{cells}</tr>")
        parts.append("</tbody></table></section>")
    parts += ["</main>", f"<footer>{e(t['footer'])}</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


# -- CSV (tidy) ---------------------------------------------------------------------------------------------
CSV_COLUMNS = ("section", "area_id", "area", "domain", "domain_label", "target_group", "service_id", "service",
               "measure", "measure_label", "value")


def _plain(value) -> str:
    if _missing(value):
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    return str(value)


def tidy_rows(report: "GapReport", lang: str | None = None) -> list[dict]:
    """One row per number of the report (the CSV's rows)."""
    lang = _lang(lang)
    rows = []
    for key in ("as_of", "region", "catalogue_as_of", *SUMMARY):
        rows.append({"section": "summary", "measure": key, "measure_label": gettext(f"gaps.summary.{key}", lang),
                     "value": _plain(report.summary[key])})
    for name, _ in SECTIONS:
        frame = report.frames[name]
        keys = [c for c in frame.columns if c in CSV_COLUMNS]
        measures = [c for c in frame.columns if c not in CSV_COLUMNS]
        for record in frame.astype(object).to_dict("records"):
            base = {"section": name, **{k: _plain(record[k]) for k in keys}}
            if base.get("domain"):
                base["domain_label"] = LifeDomain(base["domain"]).label(lang)
            if name == "service_pairs":
                base["service_id"] = f"{record['service_a']}|{record['service_b']}"
            for m in measures:
                rows.append({**base, "measure": m, "measure_label": gettext(f"gaps.col.{m}", lang),
                             "value": _plain(record[m])})
    return rows


def to_csv(report: "GapReport", lang: str | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in tidy_rows(report, lang):  # user text stays text in a spreadsheet (casekit.cells)
        writer.writerow({c: neutralise(row.get(c, "")) for c in CSV_COLUMNS})
    return buffer.getvalue()


# -- DOCX ---------------------------------------------------------------------------------------------------
def to_docx(report: "GapReport", target, lang: str | None = None) -> None:
    """Write a Word document (headings, a summary table and one table per section) to a path or stream."""
    from docx import Document
    from docx.shared import Pt

    lang = _lang(lang)
    t = _texts(report, lang)
    doc = Document()
    doc.core_properties.title = t["title"]
    doc.core_properties.language = lang
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(t["title"], level=0)
    doc.add_paragraph(t["subtitle"])
    doc.add_paragraph(t["intro"])
    doc.add_heading(t["summary_title"], level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in t["summary"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for section in sections(report, lang):
        doc.add_heading(section["title"], level=1)
        doc.add_paragraph(section["note"])
        if not section["rows"]:
            doc.add_paragraph().add_run(t["empty"]).italic = True
            continue
        table = doc.add_table(rows=1, cols=len(section["columns"]))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, section["columns"]):
            cell.text = label
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in section["rows"]:
            for cell, value in zip(table.add_row().cells, row):
                cell.text = value
    doc.add_paragraph(t["footer"])
    doc.save(target)


def write(report: "GapReport", path, format: str | None = None, lang: str | None = None) -> Path | None:
    """Write the report to ``path`` ("-": standard output for csv/html) in ``format`` (default: the suffix)."""
    import sys

    format = (format or (Path(str(path)).suffix.lstrip(".") if path and path != "-" else "") or "html").lower()
    if format not in FORMATS:
        from ..errors import InvalidData

        raise InvalidData("errors.gaps_format", format=format, formats=", ".join(FORMATS))
    if format == "docx":
        if path in (None, "-"):
            to_docx(report, sys.stdout.buffer, lang)
            return None
        to_docx(report, str(path), lang)
        return Path(path)
    text = to_html(report, lang) if format == "html" else to_csv(report, lang)
    if path in (None, "-"):
        sys.stdout.write(text)
        return None
    write_private(Path(path), text)
    return Path(path)
