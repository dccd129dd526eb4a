"""View 4, Gap analysis: where unmet needs meet no service, for the support coordinator and the municipality.

:func:`casekit.gaps.gap_analysis` of the store on the app's day against the bundled regional catalogue (in the
app's language), computed each time the view is shown. Shown: the headline numbers, the life domain × area
heatmap of unmet needs (:func:`.charts.heatmap_html`), the unmet needs without a service in their area – a bar
chart by life domain (:func:`.charts.unserved_html`) above their table – and the needs per life domain. The
charts are plain SVG drawn when the view is shown (no Altair, no vl-convert); the report is computed again each
time the view is shown. "HTML", "CSV" and "Word"
write the report to the export folder (:mod:`.exports`) and offer it for download. The report is aggregate
(no case, no client).

Handles: ``report`` (the GapReport), ``summary``, ``heatmap``, ``unserved_chart``, ``holes``, ``by_domain``
(HTML), ``export_buttons`` ({"html"|"csv"|"docx": Button}), ``downloads`` (HTML with the links), ``exported``
({fmt: path}), ``export_message``.
"""
from __future__ import annotations

from ...i18n import format_date
from ...vocab import LifeDomain
from ..common import esc
from .base import View, html_box, message_label, row
from .tables import records, table


def _domain(code: str, lang: str) -> str:
    try:
        return LifeDomain(code).label(lang)
    except ValueError:
        return code


class GapsView(View):
    key = "gaps"

    def build(self) -> None:
        self.read_report()
        self.summary = html_box("casekit-sv-gaps-summary")
        self.heatmap = html_box("casekit-sv-heatmap")
        self.unserved_chart = html_box("casekit-sv-unserved-chart")
        self.holes = html_box("casekit-sv-holes")
        self.by_domain = html_box("casekit-sv-holes")
        self.by_domain.add_class("casekit-sv-by-domain")
        self.export_message = message_label("casekit-sv-export-message")
        self.export_buttons = {
            fmt: self.button(f"sv.export_{fmt}", lambda fmt=fmt: self.export(fmt), css=f"casekit-sv-export-{fmt}",
                             message=self.export_message)
            for fmt in ("html", "csv", "docx")}
        self.downloads = html_box("casekit-sv-downloads")
        self.exported: dict[str, object] = {}
        self._links: dict[str, str] = {}
        self._drawn = False
        exports = row(list(self.export_buttons.values()), "casekit-sv-exports")
        self.children = [self.summary, self.heading("sv.heatmap_heading"), self.heatmap,
                         self.heading("sv.holes_heading"), self.unserved_chart, self.holes,
                         self.heading("sv.by_domain_heading"), self.by_domain, self.heading("sv.export_heading"),
                         exports, self.downloads, self.export_message, self.message]
        self.render_tables()
        self._read_for = self.app._showing

    def read_report(self) -> None:
        from ...gaps import gap_analysis

        self.report = gap_analysis(self.store, as_of=self.app.as_of, lang=self.lang)

    def on_show(self) -> None:
        """Read the store again (the cases may have changed since the view was last shown), then draw."""
        if self._read_for != self.app._showing:
            self.read_report()
            self.render_tables()
        self._read_for = None
        from .charts import heatmap_html, unserved_html

        width = self.app.chart_width("full")
        self.heatmap.value = heatmap_html(self.report, lang=self.lang, width=width)
        self.unserved_chart.value = unserved_html(self.report, lang=self.lang, width=width)
        self._drawn = True

    # -- tables ----------------------------------------------------------------------------------------------
    def render_tables(self) -> None:
        report, lang = self.report, self.lang
        s = report.summary
        self.summary.value = (
            f"<p class='casekit-sv-gaps-facts'>{esc(self.label('sv.gaps_summary', region=s.get('region', ''), as_of=format_date(report.as_of, lang), cases=s.get('open_cases', 0), unmet=s.get('unmet_needs', 0), holes=s.get('holes', 0), in_holes=s.get('needs_in_holes', 0)))}</p>")
        holes = [r for r in records(report.holes) if r["status"] == "no_service"]
        self.holes.value = table("casekit-sv-holes-table", [
            (self.label("gaps.col.area"), False), (self.label("gaps.col.domain"), False),
            (self.label("gaps.col.unmet_needs"), True), (self.label("gaps.col.high_unmet_needs"), True),
            (self.label("gaps.col.cases"), True)],
            (("casekit-sv-hole", [(esc(r["area"] or "–"), False), (esc(_domain(r["domain"], lang)), False),
                                  (esc(int(r["unmet_needs"] or 0)), True), (esc(int(r["high_unmet_needs"] or 0)), True),
                                  (esc(int(r["cases"] or 0)), True)]) for r in holes),
            self.label("sv.no_holes"))
        rows = records(report.by_domain)
        self.by_domain.value = table("casekit-sv-domain-table", [
            (self.label("gaps.col.domain"), False), (self.label("gaps.col.unmet_needs"), True),
            (self.label("gaps.col.cases"), True), (self.label("sv.col.areas_no_service"), True),
            (self.label("sv.col.areas_no_place"), True)],
            (("casekit-sv-domain-row", [(esc(_domain(r["domain"], lang)), False), (esc(int(r["unmet_needs"] or 0)), True),
                                        (esc(int(r["cases"] or 0)), True),
                                        (esc(int(r["areas_no_service"] or 0)), True),
                                        (esc(int(r["areas_no_place"] or 0)), True)]) for r in rows
             if (r["unmet_needs"] or 0) > 0),
            self.label("sv.gaps_none"))

    # -- exports ---------------------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        from .exports import FORMATS, export, export_dir

        if fmt not in FORMATS:
            self.export_message.show([self.label("conf.error_value_refused")])
            return
        result = export(self.report, fmt, export_dir(self.app.export_dir), lang=self.lang)
        self.exported[fmt] = result.path
        self._links[fmt] = result.link_html(self.label("conf.download", name=result.name))
        self.downloads.value = " · ".join(self._links[k] for k in ("html", "csv", "docx") if k in self._links)
        self.export_message.show([self.label("conf.exported", name=result.name, folder=str(result.path.parent))],
                                 kind="ok")
