"""The style block of the supervision app: the conference app's projector themes plus the app's own rules.

``css(theme, layout)`` is :func:`casekit.widgets.conference.theme.css` (dark/light, 16:9/4:3, text 24 px or
more, scoped under ``casekit-app``, which this app's root also carries) followed by rules scoped under
``casekit-sv-app``: the view bar, the filter row, the tables (overdue and over-norm cells marked not by colour
alone but by a sign too), the case summary's panes, the gap analysis' charts and the session form.
"""
from __future__ import annotations

from ..conference import theme as conference_theme

THEMES = conference_theme.THEMES
LAYOUTS = conference_theme.LAYOUTS
chart_width = conference_theme.chart_width
layout_class = conference_theme.layout_class

_FALLBACK = {
    "dark": {"fg": "#ffffff", "muted": "#d0d0d0", "accent": "#ffd23f", "accent_fg": "#000000", "error": "#ff8a80",
             "surface": "#1b1b1b", "border": "#8a8a8a", "ok": "#8ef0a8", "highlight": "#5a2a00"},
    "light": {"fg": "#000000", "muted": "#333333", "accent": "#003a8c", "accent_fg": "#ffffff", "error": "#b00020",
              "surface": "#f1f1f1", "border": "#555555", "ok": "#005c1f", "highlight": "#ffe3b3"},
}


def _colours(theme: str) -> dict[str, str]:
    colours = dict(_FALLBACK[theme])
    table = getattr(conference_theme, "_COLOURS", {}).get(theme)
    if table and len(table) >= 11:  # background, surface, text, muted, accent, accent text, error, …, border, highlight
        colours.update(surface=table[1], fg=table[2], muted=table[3], accent=table[4], accent_fg=table[5],
                       error=table[6], ok=table[8], border=table[9], highlight=table[10])
    return colours


def css(theme: str = "dark", layout: str = "16:9") -> str:
    """CSS for the supervision app in ``theme`` ("dark" | "light") and ``layout`` ("16:9" | "4:3")."""
    base = conference_theme.css(theme, layout)  # raises ValueError for an unknown theme or layout
    c = _colours(theme)
    root = ".casekit-sv-app"
    viewbar = ("display: grid !important; grid-template-columns: repeat(2, minmax(0, 1fr));" if layout == "4:3"
               else "display: flex !important; flex-wrap: wrap;")
    return base + f"""
/* -- the supervision app -- */
{root} .casekit-sv-viewbar {{ {viewbar} gap: 4px; margin: 0 0 4px 0; height: auto; }}
{root} .casekit-sv-viewbar .casekit-sv-view-button {{ flex: 1 1 auto; width: auto; min-width: 0; height: 48px;
  min-height: 48px; margin: 0; padding: 0 10px; font-size: var(--casekit-chrome-font-size) !important;
  font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
{root} .casekit-sv-filters {{ display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; height: auto; }}
{root} .casekit-sv-filters .widget-dropdown {{ width: auto; min-width: 14em; }}
{root} .casekit-sv-filters .widget-dropdown select {{ min-width: 10em; }}
{root} .casekit-sv-count, {root} .casekit-sv-count .widget-html-content {{ color: {c['muted']}; height: auto; }}
{root} .casekit-sv-table, {root} .casekit-sv-table .widget-html-content {{ height: auto; line-height: 1.3;
  width: 100%; overflow-x: auto; }}
{root} table.casekit-table td.casekit-sv-num, {root} table.casekit-table th.casekit-sv-num {{ text-align: right;
  font-variant-numeric: tabular-nums; white-space: nowrap; }}
{root} table.casekit-table th {{ background: {c['surface']}; }}
{root} .casekit-sv-overdue, {root} .casekit-sv-over-norm {{ color: {c['error']}; font-weight: 700; }}
{root} .casekit-sv-alert-badge {{ display: inline-block; border: 2px solid {c['error']}; border-radius: 6px;
  padding: 0 6px; margin: 1px 4px 1px 0; font-size: 0.8em; white-space: nowrap; }}
{root} .casekit-sv-trend-up {{ color: {c['ok']}; font-weight: 700; }}
{root} .casekit-sv-trend-down {{ color: {c['error']}; font-weight: 700; }}
{root} .casekit-sv-drill {{ display: flex; flex-wrap: wrap; gap: 8px; align-items: center; height: auto; }}
{root} .casekit-sv-drill .widget-dropdown {{ width: auto; min-width: 18em; }}
{root} .casekit-sv-facts, {root} .casekit-sv-facts .widget-html-content {{ height: auto; line-height: 1.35; }}
{root} .casekit-sv-plan, {root} .casekit-sv-plan .widget-html-content,
{root} .casekit-sv-holes, {root} .casekit-sv-holes .widget-html-content {{ height: auto; line-height: 1.3; }}
{root} .casekit-sv-star, {root} .casekit-sv-ecomap, {root} .casekit-sv-heatmap,
{root} .casekit-sv-unserved-chart {{ width: 100%; height: auto; }}
{root} .casekit-sv-star .widget-html-content, {root} .casekit-sv-ecomap .widget-html-content,
{root} .casekit-sv-heatmap .widget-html-content,
{root} .casekit-sv-unserved-chart .widget-html-content {{ height: auto; line-height: 1.35; }}
{root} .casekit-sv-unserved-chart .casekit-chart {{ margin-bottom: 8px; }}
{root} .casekit-sv-form .widget-text, {root} .casekit-sv-form .widget-textarea,
{root} .casekit-sv-form .widget-dropdown, {root} .casekit-sv-form .widget-datepicker {{ width: 100%; max-width: 60em; }}
{root} .casekit-sv-form .widget-select-multiple select {{ min-height: 5em; }}
{root} .casekit-sv-action-row {{ display: flex; flex-wrap: wrap; gap: 8px; align-items: center; height: auto;
  border-bottom: 1px solid {c['border']}; padding: 4px 0; }}
{root} .casekit-sv-action-row .casekit-sv-action-what {{ flex: 1 1 20em; width: auto; }}
{root} .casekit-sv-competency {{ border-top: 3px solid {c['border']}; margin-top: 10px; padding-top: 4px; height: auto; }}
{root} .casekit-sv-competency h2 {{ font-size: calc(1.2 * var(--casekit-font-size)); margin: 6px 0; }}
{root} .casekit-sv-downloads, {root} .casekit-sv-downloads .widget-html-content {{ height: auto; }}
{root} .casekit-sv-hint {{ color: {c['muted']}; }}
"""


__all__ = ["LAYOUTS", "THEMES", "chart_width", "css", "layout_class"]
