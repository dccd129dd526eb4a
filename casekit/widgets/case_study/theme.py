"""The style block of the case-study app: the conference app's projector themes plus the study's own rules.

``css(theme, layout)`` is :func:`casekit.widgets.conference.theme.css` (dark/light, 16:9/4:3, text 24 px or
more, scoped under ``casekit-app``, which the study app's root also carries) followed by the rules of this
app, scoped under ``casekit-study-app``: a big stage bar (one row in 16:9, three columns in 4:3), a stage
heading of 40 px or more, the discussion prompts at 30 px or more, unrevealed stages dimmed.
"""
from __future__ import annotations

from ..conference import theme as conference_theme

THEMES = conference_theme.THEMES
LAYOUTS = conference_theme.LAYOUTS
chart_width = conference_theme.chart_width
layout_class = conference_theme.layout_class

_FALLBACK = {
    "dark": {"fg": "#ffffff", "muted": "#d0d0d0", "accent": "#ffd23f", "accent_fg": "#000000",
             "surface": "#1b1b1b", "border": "#8a8a8a", "ok": "#8ef0a8", "highlight": "#5a2a00"},
    "light": {"fg": "#000000", "muted": "#333333", "accent": "#003a8c", "accent_fg": "#ffffff",
              "surface": "#f1f1f1", "border": "#555555", "ok": "#005c1f", "highlight": "#ffe3b3"},
}


def _colours(theme: str) -> dict[str, str]:
    colours = dict(_FALLBACK[theme])
    table = getattr(conference_theme, "_COLOURS", {}).get(theme)
    if table and len(table) >= 11:  # background, surface, text, muted, accent, accent text, …, border, highlight
        colours.update(surface=table[1], fg=table[2], muted=table[3], accent=table[4], accent_fg=table[5],
                       ok=table[8], border=table[9], highlight=table[10])
    return colours


def css(theme: str = "dark", layout: str = "16:9") -> str:
    """CSS for the case-study app in ``theme`` ("dark" | "light") and ``layout`` ("16:9" | "4:3")."""
    base = conference_theme.css(theme, layout)  # raises ValueError for an unknown theme or layout
    c = _colours(theme)
    root = ".casekit-study-app"
    stagebar = ("display: grid !important; grid-template-columns: repeat(3, minmax(0, 1fr));" if layout == "4:3"
                else "display: flex !important; flex-wrap: wrap;")
    # 16:9: the case (left) gets more room than the prompts (right); 4:3: stacked, prompts on top
    panes = ("" if layout == "4:3" else
             f"{root} .casekit-study-panes > .casekit-pane:first-child {{ flex: 3 1 0; }}\n"
             f"{root} .casekit-study-panes > .casekit-pane:last-child {{ flex: 2 1 0; }}")
    return base + f"""
/* -- the case-study app -- */
{root} .casekit-stagebar {{ {stagebar} gap: 6px; margin: 2px 0 6px 0; height: auto; }}
{root} .casekit-stagebar .casekit-stage-button {{ flex: 1 1 auto; width: auto; min-width: 0; height: auto; min-height: 58px;
  margin: 0; padding: 4px 10px; font-size: var(--casekit-font-size) !important; font-weight: 700; white-space: normal;
  overflow: hidden; line-height: 1.1; border-width: 3px; }}
{root} .casekit-stagebar .casekit-stage-future {{ opacity: 0.5; border-style: dashed; }}
{root} .casekit-stagebar .casekit-stage-current {{ background: {c['accent']} !important; color: {c['accent_fg']} !important;
  border-color: {c['accent']} !important; opacity: 1; box-shadow: 0 0 0 3px {c['fg']} inset; }}
{root} .casekit-stage-row {{ display: flex; align-items: center; gap: 16px; flex-wrap: nowrap; height: auto; }}
{root} .casekit-stage-row > .casekit-stage-heading {{ flex: 1 1 auto; min-width: 0; height: auto; }}
{root} .casekit-stage-heading .widget-html-content {{ height: auto; line-height: 1.15; }}
{root} .casekit-stage-title {{ display: flex; align-items: baseline; gap: 0.5em; min-width: 0;
  font-size: max(40px, calc(1.7 * var(--casekit-font-size))); font-weight: 800; line-height: 1.15;
  border-bottom: 4px solid {c['accent']}; margin: 2px 0 8px 0; padding-bottom: 2px; }}
{root} .casekit-stage-title .casekit-stage-number {{ color: {c['accent']}; white-space: nowrap; }}
{root} .casekit-stage-title .casekit-stage-name {{ white-space: normal; min-width: 0; }}
{root} .casekit-study-next {{ flex: 0 0 auto; width: auto; min-height: 58px; font-size: var(--casekit-font-size) !important;
  font-weight: 700; }}
{root} .casekit-prompts, {root} .casekit-prompts .widget-html-content {{ height: auto; }}
{root} .casekit-prompts .casekit-prompt-list {{ font-size: max(30px, calc(1.3 * var(--casekit-font-size))); line-height: 1.3;
  font-weight: 600; border-left: 8px solid {c['accent']}; padding: 4px 0 4px 1.6em; margin: 0; }}
{root} .casekit-prompts .casekit-prompt-list li {{ margin: 0 0 0.5em 0; }}
{root} .casekit-prompts .casekit-exercise {{ color: {c['muted']}; margin: 0.4em 0 0 0; }}
{root} .casekit-stage-content .widget-html-content, {root} .casekit-stage-content {{ height: auto; line-height: 1.35;
  width: 100%; min-width: 0; white-space: normal; }}
/* tables keep to their pane: long names wrap instead of widening (and clipping) the whole pane */
{root} .casekit-stage-content table.casekit-table {{ table-layout: fixed; }}
{root} .casekit-stage-content td, {root} .casekit-stage-content th, {root} .casekit-comparison td,
{root} .casekit-comparison th {{ overflow-wrap: break-word; hyphens: auto; }}
{root} .casekit-comparison td.casekit-reference {{ width: 38%; }}
{panes}
{root} .casekit-stage-content h3 {{ margin: 10px 0 4px 0; }}
{root} .casekit-stage-content ul, {root} .casekit-stage-content ol {{ margin: 0 0 6px 0; padding-left: 1.4em; }}
{root} .casekit-what-next {{ border: 3px solid {c['accent']}; border-radius: 8px; padding: 8px 12px; margin: 12px 0;
  background: {c['surface']}; height: auto; }}
{root} .casekit-what-next .widget-html-content {{ height: auto; line-height: 1.35; }}
{root} .casekit-event-date {{ color: {c['muted']}; white-space: nowrap; margin-right: 0.5em; }}
{root} .casekit-study-choose .widget-select select {{ min-height: 6em; }}
{root} .casekit-study-choose .casekit-study-picker {{ width: 100%; }}
{root} .casekit-study-summary .widget-html-content, {root} .casekit-study-summary {{ height: auto; color: {c['muted']}; }}
{root} .casekit-rating {{ border-top: 3px solid {c['border']}; margin-top: 12px; padding-top: 6px; height: auto; }}
{root} .casekit-rater-row {{ display: flex; flex-wrap: wrap; gap: 8px; align-items: center; height: auto; }}
{root} .casekit-rater-row .casekit-rater-name {{ flex: 1 1 12em; width: auto; }}
{root} .casekit-comparison, {root} .casekit-agreement, {root} .casekit-disagreements {{ height: auto; }}
{root} .casekit-comparison .widget-html-content, {root} .casekit-agreement .widget-html-content,
{root} .casekit-disagreements .widget-html-content {{ height: auto; line-height: 1.3; }}
{root} td.casekit-differs {{ background: {c['highlight']}; font-weight: 700; }}
{root} .casekit-reference-note {{ display: block; color: {c['muted']}; font-style: italic; font-weight: 400; }}
{root} .casekit-kappa {{ font-variant-numeric: tabular-nums; font-weight: 700; }}
{root} .casekit-hint {{ color: {c['muted']}; }}
"""


__all__ = ["LAYOUTS", "THEMES", "chart_width", "css", "layout_class"]
